import { datePrecision } from './partial-date';

/**
 * Cells as spreadsheets and data tools write them, read or explained for the analyst:
 * R's NA for a missing value, and dates in other forms than the `YYYY-MM-DD` the app stores.
 */

/** How R's `write.csv` and readr's `write_csv` write a missing value: read as the empty cell it was. */
export const R_MISSING = 'NA';

/** Said once per file that has {@link R_MISSING} cells. */
export const R_MISSING_NOTE = 'R writes NA for a missing value: every “NA” cell in this file is read as empty.';

const MIDNIGHT = /^(\d{4}-\d{2}-\d{2})[ T]00:00(?::00(?:\.0+)?)?Z?$/;
const WITH_TIME = /^(\d{4}-\d{2}-\d{2})[ T]\d{1,2}:\d{2}/;
const SLASHED = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `2025-07-17` from `2025-07-17 00:00:00` (LibreOffice, Excel) or `2025-07-17T00:00:00Z` — a day written with a midnight time; else null. */
export function dayOfMidnight(text: string): string | null {
  const m = MIDNIGHT.exec(text);
  return m && datePrecision(m[1]!) === 'day' ? m[1]! : null;
}

const iso = (y: string, month: number, day: number) =>
  `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

/** What to write instead of a date the app cannot read, when it is a common spreadsheet form; else null. */
export function dateHint(text: string): string | null {
  const timed = WITH_TIME.exec(text);
  if (timed && datePrecision(timed[1]!) === 'day') return `It is a date with a time of day: keep the date only, ${timed[1]}.`;
  const m = SLASHED.exec(text);
  if (!m) return null;
  const [a, b, y] = [Number(m[1]), Number(m[2]), m[3]!];
  const dayFirst = iso(y, b, a);
  const monthFirst = iso(y, a, b);
  const dayFirstReal = datePrecision(dayFirst) === 'day';
  const monthFirstReal = datePrecision(monthFirst) === 'day';
  if (dayFirstReal && (!monthFirstReal || a === b)) return `It reads as day/month/year: write ${dayFirst}.`;
  if (monthFirstReal && !dayFirstReal) return `It reads as month/day/year: write ${monthFirst}.`;
  if (dayFirstReal && monthFirstReal) {
    return `It could be ${a} ${MONTHS[b - 1]} or ${b} ${MONTHS[a - 1]}: write ${dayFirst} or ${monthFirst}.`;
  }
  return null;
}
