import Papa from 'papaparse';
import { FORMULA_TRIGGER } from './formula';

/**
 * A whole CSV file written by PapaParse: header and rows, comma-delimited, CRLF line ends as
 * RFC 4180 and spreadsheets expect, a field quoted when it holds a comma, quote, line break or
 * edge space. Cells a spreadsheet would run as formulas get a leading apostrophe (which the
 * upload removes again: see formula.ts), so download → upload changes nothing.
 */
export function csvText(header: readonly string[], rows: Iterable<readonly string[]>): string {
  const data = Array.isArray(rows) ? (rows as (readonly string[])[]) : [...rows];
  if (data.length === 0) return unparse([header as string[]]) + '\r\n';
  return unparse({ fields: header as string[], data: data as string[][] }) + '\r\n';
}

function unparse(input: string[][] | { fields: string[]; data: string[][] }): string {
  return Papa.unparse(input, { newline: '\r\n', escapeFormulae: FORMULA_TRIGGER });
}
