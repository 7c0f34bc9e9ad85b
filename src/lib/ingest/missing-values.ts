import { csvRecords, sniffDialect } from '../data/csv-parse';
import { normaliseColumnName } from '../data/csv-table';
import type { Problem } from '../data/problems';
import { missingCell, missingNoteToken } from '../data/tool-written-cells';

/**
 * An error about an empty value whose cell in the file reads “NA” (R's missing value, read as
 * empty; or pandas' NaN, Excel's #N/A…: see missingCell) names the “NA” the file holds and says it was read as empty: “Every meeting needs a
 * partner”, value “”, sent an analyst looking for an empty cell in a row whose cell says NA.
 * In the upload's check only (the worker), and only for files said to hold “NA” cells.
 */
export function withMissingValues(problems: Problem[], texts: ReadonlyMap<string, string>): Problem[] {
  const files = new Set(problems.filter((p) => missingNoteToken(p.message) !== null).map((p) => p.file));
  const wanted = (p: Problem) =>
    files.has(p.file) && p.severity === 'error' && p.value === '' && p.line !== undefined && p.column !== undefined;
  if (!problems.some(wanted)) return problems;
  // Each such file's cells that read “NA”, as "line column", from one pass over its records.
  const missing = new Map<string, Map<string, string>>();
  for (const file of files) {
    const text = texts.get(file);
    const lines = new Set(problems.filter((p) => p.file === file && wanted(p)).map((p) => p.line));
    if (!text || lines.size === 0) continue;
    const found = new Map<string, string>();
    let header: string[] | null = null;
    for (const record of csvRecords(text, sniffDialect(text))) {
      if (!header) {
        header = record.cells.map((c) => normaliseColumnName(c));
        continue;
      }
      if (!lines.has(record.line)) continue;
      record.cells.forEach((cell, i) => {
        const token = missingCell(cell.trim());
        if (token !== undefined && header![i]) found.set(`${record.line} ${header![i]}`, token);
      });
    }
    missing.set(file, found);
  }
  return problems.map((p) => {
    const token = wanted(p) ? missing.get(p.file)?.get(`${p.line} ${p.column}`) : undefined;
    return token === undefined
      ? p
      : { ...p, value: token, message: `${p.message} This cell’s “${token}” is read as empty.` };
  });
}
