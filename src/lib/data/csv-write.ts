import Papa from 'papaparse';
import { FORMULA_TRIGGER } from './formula';

/**
 * A whole CSV file written by PapaParse: header and rows, comma-delimited, LF line ends as the
 * site's data/ files have them (so a download published there changes only what changed; Excel,
 * LibreOffice, pandas and R all read LF), a field quoted when it holds a comma, quote, line break or
 * edge space. Cells a spreadsheet would run as formulas get a leading apostrophe (which the
 * upload removes again: see formula.ts), so download → upload changes nothing.
 */
/**
 * Written before every CSV the app downloads (each file, the data package's, the Template): Excel on
 * Windows opens a CSV without it as its ANSI code page, so “China–Pakistan” came back from a
 * download → edit → save as “Chinaâ€“Pakistan”. Everything that reads our CSVs drops it (the upload,
 * the site's data/ fetch, npm run validate), so a download uploaded back still changes nothing.
 * Not before GeoJSON: JSON forbids it.
 */
export const UTF8_BOM = '\uFEFF';

export function csvText(header: readonly string[], rows: Iterable<readonly string[]>): string {
  const data = Array.isArray(rows) ? (rows as (readonly string[])[]) : [...rows];
  if (data.length === 0) return unparse([header as string[]]) + '\n';
  return unparse({ fields: header as string[], data: data as string[][] }) + '\n';
}

/**
 * More rows of a file that csvText began with its header and first rows: the two joined are the
 * file csvText writes of all the rows at once, byte for byte (PapaParse writes each row on its
 * own; nothing in a row depends on another). So a large file is written a slice at a time, as
 * the pieces of a Blob (export/file-pieces.ts), not as one string of the whole file.
 */
export function csvMoreRows(rows: readonly (readonly string[])[]): string {
  return rows.length ? unparse(rows as string[][]) + '\n' : '';
}

function unparse(input: string[][] | { fields: string[]; data: string[][] }): string {
  return Papa.unparse(input, { newline: '\n', escapeFormulae: FORMULA_TRIGGER });
}
