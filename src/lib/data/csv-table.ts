import { CsvScanner, detectDelimiter, type QuoteProblem } from './csv-scan';
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
  problems: Problem[];
}

export interface CsvRow {
  /** The line as a spreadsheet shows it (header = 1). */
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
  scanner: CsvScanner;
  header: string[];
  /** Column name → index (first of a repeated name wins). */
  index: Map<string, number>;
  problems: Problem[];
  /** False when the file cannot be read as this kind of table (empty, or required columns missing). */
  usable: boolean;
}

/** Opens CSV text: finds the delimiter (comma, semicolon or tab), reads and checks the header. */
export function openCsv(text: string, file: string, required: readonly string[]): CsvHeader {
  const scanner = new CsvScanner(text, detectDelimiter(text.replace(/^\uFEFF/, '')));
  const problems: Problem[] = [];
  const headerCells: string[] = [];
  scanner.next(headerCells);
  const header = headerCells.map(normaliseColumnName);
  const index = new Map<string, number>();
  const result = { scanner, header, index, problems, usable: false };
  if (header.length === 0 || header.every((h) => h === '')) {
    problems.push({ file, line: 1, message: 'The file is empty: expected a header row naming the columns.', severity: 'error' });
    return result;
  }
  header.forEach((name, i) => {
    if (name !== '' && index.has(name)) {
      problems.push({
        file,
        line: 1,
        column: headerCells[i],
        value: headerCells[i],
        message: `The column “${headerCells[i]}” appears twice in the header; only the first is read.`,
        severity: 'warning',
      });
    } else index.set(name, i);
  });
  const missing = required.filter((c) => !index.has(c));
  if (missing.length > 0) {
    problems.push({
      file,
      line: 1,
      column: missing.join(', '),
      message: `Missing required ${missing.length === 1 ? 'column' : 'columns'}: ${missing.join(', ')}. The header must name: ${required.join(', ')}.`,
      severity: 'error',
    });
    return result;
  }
  result.usable = true;
  return result;
}

/**
 * What is wrong with a record as a row of the table, if anything: broken quotes, or a count of
 * cells that differs from the header's. Blank lines are not rows at all.
 */
export function rowProblem(
  file: string,
  line: number,
  cells: readonly string[],
  columns: number,
  quotes: QuoteProblem | null,
): Problem | 'blank' | null {
  if (quotes === 'unclosed') {
    return {
      file,
      line,
      message: 'A quoted field is never closed: check for a missing closing quote (") on this line.',
      severity: 'error',
    };
  }
  if (quotes === 'stray') {
    return {
      file,
      line,
      message: 'Malformed quotes: a quote (") inside a quoted field must be doubled ("").',
      severity: 'error',
    };
  }
  if (isBlank(cells)) return 'blank';
  if (cells.length !== columns) {
    return {
      file,
      line,
      value: `${cells.length} cells`,
      message: `This row has ${cells.length} ${cells.length === 1 ? 'cell' : 'cells'} but the header has ${columns} columns; the row was skipped. A comma inside a value needs the value in quotes.`,
      severity: 'error',
    };
  }
  return null;
}

/** A record with nothing in it (a blank line, or only delimiters). Usually the first cell decides. */
function isBlank(cells: readonly string[]): boolean {
  for (const c of cells) if (c !== '' && c.trim() !== '') return false;
  return true;
}

/**
 * Reads CSV text into rows, finding the delimiter, tolerating a BOM, CRLF, blank lines and
 * columns in any order or case. Missing required columns make the table empty (one error
 * naming them); malformed quotes and ragged rows are reported by line and the row skipped.
 */
export function readCsvTable(text: string, file: string, required: readonly string[]): CsvTable {
  const { scanner, header, problems, usable } = openCsv(text, file, required);
  const table: CsvTable = { file, delimiter: scanner.delimiter, header, rows: [], problems };
  if (!usable) return table;
  const cells: string[] = [];
  while (scanner.next(cells)) {
    const line = scanner.records;
    const problem = rowProblem(file, line, cells, header.length, scanner.quoteProblem);
    if (problem === 'blank') continue;
    if (problem) problems.push(problem);
    else table.rows.push({ line, cells: cells.slice() });
  }
  return table;
}

/** A reader for a table's cells by column name (the first column of that name wins). */
export function cellReader(table: CsvTable): CellReader {
  const index = new Map<string, number>();
  table.header.forEach((name, i) => {
    if (!index.has(name)) index.set(name, i);
  });
  return (row, column) => {
    const i = index.get(column);
    return i === undefined ? '' : restoreFormula((row.cells[i] ?? '').trim());
  };
}

