import type { LineLayout } from '../data/csv-parse';
import type { Problem } from '../data/problems';
import type { DataFileKind } from '../data/schema';
import type { DiffRow } from './ingest-result';

/**
 * The row a spreadsheet shows a file's line on. Problems name lines as an editor counts them;
 * a spreadsheet keeps a value's line breaks inside its row and hides a `sep=` line, so from the
 * first such value on, its row numbers run behind. Said beside the line where they differ.
 */
export function spreadsheetRows(layout: LineLayout): (line: number) => number {
  const { spans } = layout;
  const count = spans.length / 2;
  // Lines taken by the spans before each one (they never overlap): a row is then one search away.
  const before = new Float64Array(count + 1);
  for (let k = 0; k < count; k++) before[k + 1] = before[k]! + spans[2 * k + 1]! - 1;
  const sep = layout.sepLine ? 1 : 0;
  return (line) => {
    // The last span starting before this line, if any.
    let lo = 0;
    let hi = count;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (spans[2 * mid]! < line) lo = mid + 1;
      else hi = mid;
    }
    if (lo === 0) return line - sep;
    const k = lo - 1;
    return line - sep - before[k]! - Math.min(spans[2 * k + 1]! - 1, line - spans[2 * k]!);
  };
}

/** Problems with the spreadsheet's row beside each line that differs from it, file by file. */
export function withSpreadsheetRows(problems: readonly Problem[], layouts: ReadonlyMap<string, LineLayout>): Problem[] {
  const rows = rowsByFile(layouts);
  if (rows.size === 0) return [...problems];
  return problems.map((p) => {
    const rowOf = rows.get(p.file);
    if (!rowOf || p.line === undefined) return p;
    const row = rowOf(p.line);
    return row === p.line ? p : { ...p, row };
  });
}

/** The same for the diff's rows: each upload's line (and the line of a row with errors), by the file its kind came from. */
export function diffWithSpreadsheetRows(
  diff: DiffRow[],
  layouts: ReadonlyMap<string, LineLayout>,
  fileOf: (kind: DataFileKind) => string | undefined,
): void {
  const rows = rowsByFile(layouts);
  if (rows.size === 0) return;
  for (const r of diff) {
    const file = fileOf(r.kind);
    const rowOf = file === undefined ? undefined : rows.get(file);
    if (!rowOf) continue;
    // A removed row's line is in the data shown now, not the upload.
    if (r.change !== 'removed' && r.line && rowOf(r.line) !== r.line) r.row = rowOf(r.line);
    if (r.errorLine !== undefined && rowOf(r.errorLine) !== r.errorLine) r.errorRow = rowOf(r.errorLine);
  }
}

/** Each file whose rows part from its lines, with the row of each line. */
function rowsByFile(layouts: ReadonlyMap<string, LineLayout>): Map<string, (line: number) => number> {
  return new Map(
    [...layouts].filter(([, l]) => l.sepLine || l.spans.length > 0).map(([file, l]) => [file, spreadsheetRows(l)]),
  );
}
