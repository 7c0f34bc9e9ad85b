import Papa from 'papaparse';
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

/**
 * Reads CSV text into rows, finding the delimiter, tolerating a BOM, CRLF, blank lines and
 * columns in any order or case. Missing required columns make the table empty (one error
 * naming them); malformed quotes and ragged rows are reported by line and the row skipped.
 */
export function readCsvTable(text: string, file: string, required: readonly string[]): CsvTable {
  const body = text.replace(/^\uFEFF/, '');
  const parsed = Papa.parse<string[]>(body, { header: false, skipEmptyLines: false, delimiter: detectDelimiter(body) });
  const problems: Problem[] = [];
  const data = parsed.data;
  const headerCells = data[0] ?? [];
  const header = headerCells.map(normaliseColumnName);
  const table: CsvTable = { file, delimiter: parsed.meta.delimiter, header, rows: [], problems };

  if (header.length === 0 || header.every((h) => h === '')) {
    problems.push({ file, line: 1, message: 'The file is empty: expected a header row naming the columns.', severity: 'error' });
    return table;
  }
  const seen = new Set<string>();
  for (const [i, name] of header.entries()) {
    if (name !== '' && seen.has(name)) {
      problems.push({ file, line: 1, column: headerCells[i], value: headerCells[i], message: `The column “${headerCells[i]}” appears twice in the header; only the first is read.`, severity: 'warning' });
    }
    seen.add(name);
  }
  const missing = required.filter((c) => !seen.has(c));
  if (missing.length > 0) {
    problems.push({
      file,
      line: 1,
      column: missing.join(', '),
      message: `Missing required ${missing.length === 1 ? 'column' : 'columns'}: ${missing.join(', ')}. The header must name: ${required.join(', ')}.`,
      severity: 'error',
    });
    return table;
  }

  const badLines = new Set<number>();
  for (const e of parsed.errors) {
    if (e.code !== 'MissingQuotes' && e.code !== 'InvalidQuotes') continue;
    const line = (e.row ?? 0) + 1;
    badLines.add(line);
    problems.push({
      file,
      line,
      message:
        e.code === 'MissingQuotes'
          ? 'A quoted field is never closed: check for a missing closing quote (") on this line.'
          : 'Malformed quotes: a quote (") inside a quoted field must be doubled ("").',
      severity: 'error',
    });
  }

  for (let i = 1; i < data.length; i++) {
    const cells = data[i] ?? [];
    const line = i + 1;
    if (cells.every((c) => c.trim() === '')) continue; // blank line
    if (badLines.has(line)) continue;
    if (cells.length !== header.length) {
      problems.push({
        file,
        line,
        value: `${cells.length} cells`,
        message: `This row has ${cells.length} ${cells.length === 1 ? 'cell' : 'cells'} but the header has ${header.length} columns; the row was skipped. A comma inside a value needs the value in quotes.`,
        severity: 'error',
      });
      continue;
    }
    table.rows.push({ line, cells });
  }
  return table;
}

const DELIMITERS = [',', ';', '\t'] as const;

/**
 * The delimiter the header line uses most: comma, semicolon or tab (comma on a tie).
 * The header decides because it has the fewest quoted fields to mislead a count.
 */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best: string = ',';
  for (const d of DELIMITERS) if (counts.get(d)! > counts.get(best)!) best = d;
  return best;
}

/** A reader for a table's cells by column name (the first column of that name wins). */
export function cellReader(table: CsvTable): CellReader {
  const index = new Map<string, number>();
  table.header.forEach((name, i) => {
    if (!index.has(name)) index.set(name, i);
  });
  return (row, column) => {
    const i = index.get(column);
    return i === undefined ? '' : (row.cells[i] ?? '').trim();
  };
}
