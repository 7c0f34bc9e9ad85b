import { neutraliseFormula } from '../data/formula';

/** One CSV field: formula-neutralised, quoted when it holds a comma, quote, line break or edge spaces. */
export function csvField(value: string): string {
  const v = neutraliseFormula(value);
  return /[",\r\n]|^\s|\s$/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** One CSV line (no line end). */
export const csvLine = (values: readonly string[]): string => values.map(csvField).join(',');

/** A whole CSV file: header and rows, CRLF line ends as RFC 4180 and spreadsheets expect. */
export function csvText(header: readonly string[], rows: Iterable<readonly string[]>): string {
  const lines = [csvLine(header)];
  for (const row of rows) lines.push(csvLine(row));
  return lines.join('\r\n') + '\r\n';
}
