import { csvRecords, sniffDialect } from '../data/csv-parse';
import { normaliseColumnName } from '../data/csv-table';
import type { Problem } from '../data/problems';
import { R_MISSING, R_MISSING_NOTE } from '../data/tool-written-cells';

/**
 * An error about an empty value whose cell in the file reads “NA” (R's missing value, read as
 * empty) names the “NA” the file holds and says it was read as empty: “Every meeting needs a
 * partner”, value “”, sent an analyst looking for an empty cell in a row whose cell says NA.
 * In the upload's check only (the worker), and only for files said to hold “NA” cells.
 */
export function withMissingValues(problems: Problem[], texts: ReadonlyMap<string, string>): Problem[] {
  const files = new Set(problems.filter((p) => p.message === R_MISSING_NOTE).map((p) => p.file));
  const wanted = (p: Problem) =>
    files.has(p.file) && p.severity === 'error' && p.value === '' && p.line !== undefined && p.column !== undefined;
  if (!problems.some(wanted)) return problems;
  // Each such file's cells that read “NA”, as "line column", from one pass over its records.
  const missing = new Map<string, Set<string>>();
  for (const file of files) {
    const text = texts.get(file);
    const lines = new Set(problems.filter((p) => p.file === file && wanted(p)).map((p) => p.line));
    if (!text || lines.size === 0) continue;
    const found = new Set<string>();
    let header: string[] | null = null;
    for (const record of csvRecords(text, sniffDialect(text))) {
      if (!header) {
        header = record.cells.map((c) => normaliseColumnName(c));
        continue;
      }
      if (!lines.has(record.line)) continue;
      record.cells.forEach((cell, i) => {
        if (cell.trim() === R_MISSING && header![i]) found.add(`${record.line} ${header![i]}`);
      });
    }
    missing.set(file, found);
  }
  return problems.map((p) =>
    wanted(p) && missing.get(p.file)?.has(`${p.line} ${p.column}`)
      ? { ...p, value: R_MISSING, message: `${p.message} This cell’s “NA” is read as empty.` }
      : p,
  );
}
