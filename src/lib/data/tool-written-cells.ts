import { datePrecision } from './partial-date';
import type { Problem } from './problems';

/**
 * Cells as spreadsheets and data tools write them, read as they were meant: R's NA for a missing
 * value, and a date written with a midnight time. (Dates in forms the app cannot read are
 * explained to an upload by ingest/spreadsheet-dates.ts.)
 */

/** How R's `write.csv` and readr's `write_csv` write a missing value: read as the empty cell it was. */
export const R_MISSING = 'NA';

/**
 * Cells that are a missing value as a tool wrote it, each with who writes it: read as empty, and
 * only where the whole cell is the token (a summary mentioning NaN keeps it). “None” is read so too:
 * it is what Python writes for nothing, and no partner, track, venue or person is named None.
 */
const MISSING_CELLS: ReadonlyMap<string, string> = new Map([
  [R_MISSING, 'R writes it, as pandas and others can'],
  ['NaN', 'pandas writes it, as to_csv(na_rep="NaN")'],
  ['nan', 'pandas writes it for a column turned to text'],
  ['None', 'Python writes it for nothing'],
  ['<NA>', 'pandas writes it for a column turned to text'],
  ['NaT', 'pandas writes it for a missing date'],
  ['#N/A', 'Excel shows it for a lookup that found nothing'],
]);

/** The token when the cell (trimmed) is one of the missing-value marks above, else undefined. Called for every cell: kept lean. */
export const missingCell = (value: string): string | undefined =>
  value.length >= 2 && value.length <= 4 ? (MISSING_CELLS.has(value) ? value : undefined) : undefined;

/** Said once per file for each missing-value token its cells hold. */
export const missingNote = (token: string): string =>
  `“${token}” marks a missing value (${MISSING_CELLS.get(token) ?? 'as data tools write one'}): every “${token}” cell in this file is read as empty.`;

/** Said once per file that has {@link R_MISSING} cells. */
export const R_MISSING_NOTE = missingNote(R_MISSING);

const NOTE = /^“([^”]+)” marks a missing value \(/;

/** The token a {@link missingNote} (with or without the cells it counts) is about, else null. */
export const missingNoteToken = (message: string): string | null => NOTE.exec(message)?.[1] ?? null;

/**
 * A file's missing-value cells, one warning per token at its first cell, which, once the file is
 * read ({@link finish}), counts them and names their columns and lines: the analyst can find
 * every one, not only the first.
 */
export class MissingCells {
  readonly #file: string;
  readonly #problems: Problem[];
  readonly #seen = new Map<string, { problem: Problem; cells: Set<string>; columns: Set<string>; lines: number[] }>();

  constructor(file: string, problems: Problem[]) {
    this.#file = file;
    this.#problems = problems;
  }

  /** Notes a cell that reads `token` (from {@link missingCell}). */
  note(token: string, line: number, column: string): void {
    let seen = this.#seen.get(token);
    if (!seen) {
      const problem: Problem = { file: this.#file, line, column, value: token, message: missingNote(token), severity: 'warning' };
      this.#problems.push(problem);
      seen = { problem, cells: new Set(), columns: new Set(), lines: [] };
      this.#seen.set(token, seen);
    }
    const key = `${line} ${column}`;
    if (seen.cells.has(key)) return;
    seen.cells.add(key);
    seen.columns.add(column);
    if (seen.lines[seen.lines.length - 1] !== line) seen.lines.push(line);
  }

  /** Writes into each warning how many cells read so, in which columns and on which lines. */
  finish(): void {
    for (const [token, { problem, cells, columns, lines }] of this.#seen) {
      if (cells.size === 1) continue;
      const names = [...columns].map((c) => `“${c}”`);
      const shown = lines.length <= 5 ? listed(lines.map(String)) : `${lines.slice(0, 5).join(', ')} and ${lines.length - 5} more`;
      problem.message = `${missingNote(token)} ${cells.size} cells: in ${names.length === 1 ? 'column' : 'columns'} ${listed(names)}, on ${lines.length === 1 ? 'line' : 'lines'} ${shown}.`;
    }
  }
}

const listed = (items: string[]): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]!}`;

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
