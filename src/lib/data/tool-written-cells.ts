import { datePrecision } from './partial-date';

/**
 * Cells as spreadsheets and data tools write them, read as they were meant: R's NA for a missing
 * value, and a date written with a midnight time. (Dates in forms the app cannot read are
 * explained to an upload by ingest/spreadsheet-dates.ts.)
 */

/** How R's `write.csv` and readr's `write_csv` write a missing value: read as the empty cell it was. */
export const R_MISSING = 'NA';

/**
 * Cells that are a missing value as a tool wrote it, read as empty: R's NA; pandas' NaN
 * (`to_csv(na_rep='NaN')`), and its nan, None, <NA> and NaT in a column turned to text; Excel's #N/A
 * (a lookup that found nothing). Only where the whole cell is the token (a summary mentioning NaN
 * keeps it). “None” is read so too: it is what Python writes for nothing, and no partner, track,
 * venue or person is named None.
 */
export const MISSING_CELLS: ReadonlySet<string> = new Set([R_MISSING, 'NaN', 'nan', 'None', '<NA>', 'NaT', '#N/A']);

/**
 * Said once per file for each missing-value token its cells hold, at the first. An upload's check
 * adds how many cells, in which columns and on which lines (ingest/missing-values.ts).
 */
export const missingNote = (token: string): string =>
  `“${token}” marks a missing value (R, pandas, Excel): every “${token}” cell in this file is read as empty.`;

const MIDNIGHT = /^(\d{4}-\d{2}-\d{2})[ T]00:00(?::00(?:\.0+)?)?Z?$/;

/** `2025-07-17` from `2025-07-17 00:00:00` (LibreOffice, Excel) or `2025-07-17T00:00:00Z` — a day written with a midnight time; else null. */
export function dayOfMidnight(text: string): string | null {
  const m = MIDNIGHT.exec(text);
  return m && datePrecision(m[1]!) === 'day' ? m[1]! : null;
}

/** Said once per file at its first date with a midnight time, read as `day`. */
export const midnightNote = (day: string): string =>
  `A date with a midnight time, as spreadsheets write dates: read as ${day}, and every such date in this file as its day.`;

/** Excel's day 0 (it counts days from 30 December 1899; day 1 is 1 January 1900). */
const EXCEL_DAY_ZERO = Date.UTC(1899, 11, 30);

/**
 * The year a spreadsheet turned into this date, or null: a cell holding a year alone (2025) is a
 * number to Excel, so formatting its column as a date shows it as day 2025 of Excel's count,
 * 1905-07-17. A date from 1900 to 1906 whose day number is a year from 1900 to 2200 is read as that.
 */
export function yearAsSpreadsheetDate(text: string): number | null {
  // Most dates fail here at once: the reader calls this for every row.
  if (text.length !== 10 || !text.startsWith('190')) return null;
  const [y, m, d] = text.split('-').map(Number) as [number, number, number];
  if (y > 1906) return null;
  const day = Math.round((Date.UTC(y, m - 1, d) - EXCEL_DAY_ZERO) / 86_400_000);
  return day >= 1900 && day <= 2200 ? day : null;
}

/** The warning for a date {@link yearAsSpreadsheetDate} reads as `year`. */
export const yearAsDateMessage = (text: string, year: number): string =>
  `“${text}” is how a spreadsheet shows the year ${year} formatted as a date: write ${year}.`;

/**
 * The first line of a file with a date known only to its year (2025) and to its month (2025-03):
 * a spreadsheet that formats the whole date column turns these into full dates, so advice to do
 * that must say to leave them be.
 */
export interface PartialDateLines {
  year?: { line: number; value: string };
  month?: { line: number; value: string };
}
