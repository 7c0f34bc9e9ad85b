import { datePrecision } from './partial-date';

/**
 * Cells as spreadsheets and data tools write them, read as they were meant: R's NA for a missing
 * value, and a date written with a midnight time. (Dates in forms the app cannot read are
 * explained to an upload by ingest/spreadsheet-dates.ts.)
 */

/** How R's `write.csv` and readr's `write_csv` write a missing value: read as the empty cell it was. */
export const R_MISSING = 'NA';

/** Said once per file that has {@link R_MISSING} cells. */
export const R_MISSING_NOTE = '“NA” marks a missing value (R writes it, as pandas and others can): every “NA” cell in this file is read as empty.';

const MIDNIGHT = /^(\d{4}-\d{2}-\d{2})[ T]00:00(?::00(?:\.0+)?)?Z?$/;

/** `2025-07-17` from `2025-07-17 00:00:00` (LibreOffice, Excel) or `2025-07-17T00:00:00Z` — a day written with a midnight time; else null. */
export function dayOfMidnight(text: string): string | null {
  const m = MIDNIGHT.exec(text);
  return m && datePrecision(m[1]!) === 'day' ? m[1]! : null;
}

/** Said once per file at its first date with a midnight time, read as `day`. */
export const midnightNote = (day: string): string =>
  `A date with a midnight time, as spreadsheets write dates: read as ${day}, and every such date in this file as its day.`;
