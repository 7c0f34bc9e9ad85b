import { CsvRecords, linesOfRecord, sniffDialect, stripBom, type CsvDialect, type CsvRecord, type LineLayout, type QuoteProblem } from './csv-parse';
import { restoreFormula } from './formula';
import type { Problem } from './problems';

/** A CSV file read into rows of cells, with its columns located by name. */
export interface CsvTable {
  file: string;
  /** The delimiter found: `,`, `;` or a tab. */
  delimiter: string;
  /** Normalised header names, in file order. */
  header: string[];
  /** Data rows that have the header's number of cells; blank lines are dropped. */
  rows: CsvRow[];
  /** Data rows in the file (not blank), those left out with a problem included. */
  records: number;
  /**
   * Rows left out for their shape (broken quotes, a count of cells unlike the header's), each
   * line read alone: enough to name the record a row was meant to be.
   */
  broken: CsvRow[];
  /** Where the file's lines and a spreadsheet's rows differ (see LineLayout). */
  layout: LineLayout;
  problems: Problem[];
  /** Whether the header names the required columns: if not, no row is read (see Parsed.unreadable). */
  usable: boolean;
}

export interface CsvRow {
  /** The line the row starts on in the file (header = 1; a value with line breaks counts its lines). */
  line: number;
  cells: string[];
}

/** Looks up cells by column name; built once per table, shared by all rows. */
export type CellReader = (row: CsvRow, column: string) => string;

/** Header text to the name we match on: trimmed, lower case, spaces and dashes as underscores. */
export function normaliseColumnName(name: string): string {
  return name
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

/** A CSV file's header, checked: names normalised, repeats and missing required columns reported. */
export interface CsvHeader {
  header: string[];
  /** Column name → index (first of a repeated name wins). */
  index: Map<string, number>;
  problems: Problem[];
  /** False when the file cannot be read as this kind of table (empty, or required columns missing). */
  usable: boolean;
}

/** Repeated column names reported one by one, up to this many (a hostile header may repeat a million). */
const REPEAT_LIMIT = 20;

/**
 * Checks a header row (its cells as read): names normalised, repeats and missing required columns
 * reported. `reads` (the required ones unless given) are the columns the app reads: none of them is
 * offered as a missing one ("lead_partner" is not the missing partner).
 */
export function checkHeader(
  headerCells: readonly string[],
  file: string,
  required: readonly string[],
  aliases: Readonly<Record<string, string>> = {},
  reads: readonly string[] = required,
): CsvHeader {
  const problems: Problem[] = [];
  const header = headerCells.map((cell) => {
    const name = normaliseColumnName(cell);
    return aliases[name] ?? name;
  });
  const index = new Map<string, number>();
  const result = { header, index, problems, usable: false };
  if (header.length === 0 || header.every((h) => h === '')) {
    problems.push({ file, line: 1, message: 'The file is empty: expected a header row naming the columns.', severity: 'error' });
    return result;
  }
  let repeats = 0;
  header.forEach((name, i) => {
    if (name !== '' && index.has(name)) {
      if (repeats++ >= REPEAT_LIMIT) return;
      const shown = shorten(headerCells[i]!);
      problems.push({
        file,
        line: 1,
        column: shown,
        value: shown,
        message: `The column “${shown}” appears twice in the header; only the first is read.`,
        severity: 'warning',
      });
    } else index.set(name, i);
  });
  if (repeats > REPEAT_LIMIT) {
    problems.push({
      file,
      line: 1,
      message: `${(repeats - REPEAT_LIMIT).toLocaleString('en')} more columns repeat a name used before them; only the first of each is read.`,
      severity: 'warning',
    });
  }
  const missing = required.filter((c) => !index.has(c));
  if (missing.length > 0) {
    // A column named around the missing one ("Dialogue ID" for id, "Meeting date" for date), or,
    // in an upload, misspelt ("Stauts" for status), is likely it: said here, where the header's warning for that column ("not one the app reads")
    // did not say what it was missing.
    const guesses = missing.flatMap((c) => {
      const i = header.findIndex((h, j) => !reads.includes(h) && mayMean(headerCells[j]!, c, slips.near));
      return i < 0 ? [] : [`the column “${shorten(headerCells[i]!.trim())}” may be ${c}: rename it ${c}`];
    });
    problems.push({
      file,
      line: 1,
      column: missing.join(', '),
      message:
        `Missing required ${missing.length === 1 ? 'column' : 'columns'}: ${missing.join(', ')}. The header must name: ${required.join(', ')}.` +
        (guesses.length ? ` ${guesses.join('; ').replace(/^t/, 'T')}.` : ''),
      severity: 'error',
    });
    return result;
  }
  result.usable = true;
  return result;
}

/**
 * Whether two names are a typing slip apart, for {@link mayMean}: given by the upload's checks
 * (upload-checks.ts), which the worker loads; the published data's first view does without.
 */
export const slips: { near?: (a: string, b: string) => boolean } = {};

const compact = (name: string) => name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/**
 * Whether a header's name likely means one of the app's columns it does not match: the same
 * letters in other punctuation ("Lead (Pakistan)" for lead_pakistan), the column's name around
 * it ("Dialogue ID" for id, "Meeting date" for date), the name shortened or lengthened ("Venue"
 * for venue_id, "source" for source_id), or, given `near` (typing-slips.ts's, which the
 * upload's checks load: the published data's first view does without it), one typing slip off
 * in a name of five letters or more: a letter off ("sumary") or two swapped ("Stauts"). Not in a
 * shorter name, where one slip often makes another word ("data" is not date).
 */
export function mayMean(headerName: string, column: string, near?: (a: string, b: string) => boolean): boolean {
  const h = normaliseColumnName(headerName);
  const [a, b] = [compact(headerName), compact(column)];
  if (a === '' || h === column) return false;
  if (a === b || h.endsWith(`_${column}`) || h.startsWith(`${column}_`)) return true;
  if (Math.min(a.length, b.length) >= 4 && (a.startsWith(b) || b.startsWith(a))) return true;
  return near !== undefined && Math.min(a.length, b.length) >= 5 && near(a, b);
}

/**
 * Text in its composed form (NFC): "é" typed as one character or as e + U+0301 is one name, one
 * filter, one legend entry. Only text with a character from U+0300 on can change (most cells are ASCII).
 */
export const nfc = (s: string): string => (/[\u0300-\uffff]/.test(s) ? s.normalize() : s);

/** Text longer than a person reads in a message, cut with an ellipsis that says how much was left out. */
export function shorten(text: string, max = 80): string {
  return text.length <= max ? text : `${text.slice(0, max)}… (${(text.length - max).toLocaleString('en')} more characters)`;
}

const DELIMITER_NAMES: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab' };

/**
 * What is wrong with a record as a row of the table, if anything: broken quotes, or a count of
 * cells that differs from the header's. Blank lines are not rows at all.
 */
export function rowProblem(
  file: string,
  line: number,
  cells: readonly string[],
  header: readonly string[],
  quotes: QuoteProblem | null,
  lines = 1,
  delimiter = ',',
  quoteCell?: number,
): Problem | 'blank' | null {
  const columns = header.length;
  // A quote left open runs to the end of what was read: the last cell read is the one it opened.
  // A stray quote on one line is in the cell the reader found it in.
  const column =
    quotes === 'unclosed' || (quotes && lines > 1)
      ? header[cells.length - 1]
      : quotes === 'stray' && quoteCell !== undefined
        ? header[quoteCell]
        : undefined;
  const at = column ? { column } : {};
  if (quotes !== null && lines > 1) {
    // The quote took the line ends after it as text: the rows below are in this one value.
    const last = line + lines - 1;
    const what = quotes === 'unclosed' ? 'is never closed' : 'is not closed at the end of its line';
    return {
      file,
      line,
      ...at,
      message: `A quoted field that starts on this line ${what}, so lines ${count(line)}–${count(last)} were read as one row and skipped. Check this line for a missing closing quote ("), or double a quote inside a value ("").`,
      severity: 'error',
    };
  }
  if (quotes === 'unclosed') {
    return {
      file,
      line,
      ...at,
      message: 'A quoted field is never closed: check for a missing closing quote (") on this line.',
      severity: 'error',
    };
  }
  if (quotes === 'stray') {
    return {
      file,
      line,
      ...at,
      ...(quoteCell !== undefined && cells[quoteCell] !== undefined ? { value: shorten(cells[quoteCell]) } : {}),
      message: 'Malformed quotes: a quote (") inside a quoted field must be doubled (""); the row was skipped.',
      severity: 'error',
    };
  }
  if (isBlank(cells)) return 'blank';
  if (cells.length < columns) {
    // Too few cells: the row ends early (a spreadsheet or script left off its empty cells at the end).
    const missing = header.slice(cells.length);
    const names = missing.slice(0, 3).map((c) => `“${c}”`);
    const more = missing.length > 3 ? ` and ${count(missing.length - 3)} more` : '';
    return {
      file,
      line,
      value: `${cells.length} cells`,
      message: `This row has ${cells.length} ${cells.length === 1 ? 'cell' : 'cells'} but the header has ${columns} columns: it ends before ${names.join(', ')}${more}; the row was skipped. End it with a ${DELIMITER_NAMES[delimiter] ?? `“${delimiter}”`} for each empty cell, or check for a line break inside a value that is not in quotes.`,
      severity: 'error',
    };
  }
  if (cells.length !== columns) {
    return {
      file,
      line,
      value: `${cells.length} cells`,
      message: `This row has ${cells.length} ${cells.length === 1 ? 'cell' : 'cells'} but the header has ${columns} columns; the row was skipped. A ${DELIMITER_NAMES[delimiter] ?? `“${delimiter}”`} inside a value needs the value in quotes.`,
      severity: 'error',
    };
  }
  return null;
}

const count = (n: number) => n.toLocaleString('en');

/** Rows run into a broken quote's value are each reported, up to this many (the rest by the first's range). */
export const RUN_ON_LIMIT = 100;

/** The error for a row that a quoted field opened on an earlier line took in as text. */
export function runOnProblem(file: string, line: number, opened: number): Problem {
  return {
    file,
    line,
    message: `This row was read into the quoted field that starts on line ${count(opened)}, and skipped with it: close that quote and this row is read again.`,
    severity: 'error',
  };
}

/** A record with nothing in it (a blank line, or only delimiters). Usually the first cell decides. */
function isBlank(cells: readonly string[]): boolean {
  for (const c of cells) if (c !== '' && c.trim() !== '') return false;
  return true;
}

/**
 * Reads CSV text into rows (PapaParse, see csv-parse.ts), finding the delimiter, tolerating a
 * BOM, CRLF, LF or CR, blank lines and columns in any order or case. Missing required columns
 * make the table empty (one error naming them); malformed quotes and ragged rows are reported
 * by line and the row skipped.
 */
export function readCsvTable(
  text: string,
  file: string,
  required: readonly string[],
  aliases: Readonly<Record<string, string>> = {},
): CsvTable {
  const dialect = sniffDialect(text);
  const reader = new CsvRecords(dialect);
  const body = stripBom(text);
  let out = reader.next(body);
  const first = out[0];
  const { header, problems, usable } = checkHeader(first ? first.cells : [], file, required, aliases);
  const layout = { spans: reader.spans, sepLine: dialect.sepLine === true };
  const table: CsvTable = { file, delimiter: dialect.delimiter, header, rows: [], records: 0, broken: [], layout, problems, usable };
  if (!usable) return table;
  for (let k = 1; out.length > 0; out = reader.next(body), k = 0) {
    for (; k < out.length; k++) {
      const record = out[k]!;
      const { cells, line, quote } = record;
      const problem = rowProblem(file, line, cells, header, quote, record.lines, dialect.delimiter, record.quoteCell);
      if (problem === 'blank') continue;
      table.records++;
      if (!problem) {
        table.rows.push({ line, cells });
        continue;
      }
      problems.push(problem);
      const rows = brokenRows(body, record, dialect, file, problems);
      table.broken.push(...rows);
      table.records += rows.length - 1;
    }
  }
  return table;
}

/**
 * A record left out for its shape as the rows it was meant to be: itself, or when a broken
 * quote ran lines together, each of them read alone (the later ones each reported, up to
 * RUN_ON_LIMIT). Blank lines among them are not rows.
 */
export function brokenRows(text: string, record: CsvRecord, dialect: CsvDialect, file: string, problems: Problem[]): CsvRow[] {
  const { cells, line, quote } = record;
  if (quote === null || record.lines === 1) return [{ line, cells }];
  const lines = linesOfRecord(text, record.start, record.end, dialect, Math.min(record.lines, RUN_ON_LIMIT + 1));
  const rows: CsvRow[] = [];
  lines.forEach((c, k) => {
    if (k > 0 && isBlank(c)) return;
    if (k > 0) problems.push(runOnProblem(file, line + k, line));
    rows.push({ line: line + k, cells: c });
  });
  return rows;
}

/** A reader for a table's cells by column name (the first column of that name wins). */
export function cellReader(table: CsvTable): CellReader {
  const index = new Map<string, number>();
  table.header.forEach((name, i) => {
    if (!index.has(name)) index.set(name, i);
  });
  return (row, column) => {
    const i = index.get(column);
    return i === undefined ? '' : restoreFormula(nfc((row.cells[i] ?? '').trim()));
  };
}

