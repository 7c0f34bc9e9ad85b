import { datePrecision } from '../data/partial-date';
import type { Problem } from '../data/problems';

/**
 * Dates as spreadsheets write them in forms the app cannot read (17/07/2025, 07/17/2025, a time
 * of day), explained to an upload: each such date's problem says what to write instead, and the
 * file is told once how to fix them all. Added by the upload's check (in the worker and the
 * validator), not by the readers: the page reads the published data with them too, and this
 * advice has no place in its first download.
 */

const WITH_TIME = /^(\d{4}-\d{2}-\d{2})[ T]\d{1,2}:\d{2}/;
const SLASHED = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/;
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const iso = (y: string, month: number, day: number) =>
  `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

/** What to write instead of a date the app cannot read, when it is a common spreadsheet form; else null. */
export function dateHint(text: string): string | null {
  const timed = WITH_TIME.exec(text);
  if (timed && datePrecision(timed[1]!) === 'day')
    return `It is a date with a time of day: keep the date only, ${timed[1]}.`;
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

export const SPREADSHEET_DATES_FIX =
  'This file’s dates are written as a spreadsheet shows them. To fix them all at once: in the spreadsheet, format the date column as yyyy-mm-dd (Excel: Format Cells › Custom; LibreOffice: Format Cells › Date), then save as CSV UTF-8 and upload again.';

/** The columns whose unread dates get a hint: a meeting's date, a source's published date. */
const DATE_COLUMNS = new Set(['date', 'published']);

/**
 * An upload's problems with what to write added to each unread date in a spreadsheet's form,
 * and, after the first date written as a spreadsheet shows it (17/07/2025), one note on fixing
 * every such date at once.
 */
export function withDateHints(problems: readonly Problem[]): Problem[] {
  const out: Problem[] = [];
  let noted = false;
  for (const p of problems) {
    const hint = p.column && DATE_COLUMNS.has(p.column) && p.value ? dateHint(p.value) : null;
    out.push(hint ? { ...p, message: `${p.message} ${hint}` } : p);
    if (hint && !noted && p.severity === 'error' && SLASHED.test(p.value!)) {
      noted = true;
      out.push({
        file: p.file,
        line: p.line,
        column: p.column,
        value: p.value,
        message: SPREADSHEET_DATES_FIX,
        severity: 'warning',
      });
    }
  }
  return out;
}
