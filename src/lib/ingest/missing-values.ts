import { andList, someOf } from '../data/and-list';
import { csvRecords, sniffDialect } from '../data/csv-parse';
import { normaliseColumnName } from '../data/csv-table';
import type { Problem } from '../data/problems';
import { DIALOGUE_COLUMNS, SOURCE_COLUMNS, TOPIC_COLUMNS } from '../data/schema';
import { MISSING_CELLS, missingNote } from '../data/tool-written-cells';
import { VENUE_TABLE_ALIASES, VENUE_TABLE_COLUMNS } from '../data/venue-table';

/** The token a file's note about its missing-value cells (missingNote) is about, else null. */
const noteToken = (p: Problem): string | null =>
  p.severity === 'warning' && p.line !== undefined
    ? (/^“([^”]+)” marks a missing value \(R, /.exec(p.message)?.[1] ?? null)
    : null;

/** Columns the app reads in some file: a missing value in another (pandas' index, say) is not read, so not counted. */
const READ = new Set<string>([
  ...DIALOGUE_COLUMNS,
  ...TOPIC_COLUMNS,
  ...SOURCE_COLUMNS,
  ...VENUE_TABLE_COLUMNS,
  ...Object.keys(VENUE_TABLE_ALIASES),
]);

/** How a file's cells that read a token are found: how many, in which columns, on which lines. */
interface Found {
  cells: number;
  columns: Set<string>;
  lines: number[];
}

/**
 * In the upload's check only (the worker), for files said to hold missing-value cells (“NA”, R's;
 * “NaN”, pandas'; “#N/A”, Excel's…: see MISSING_CELLS), read as empty:
 * - each file's note about a token counts its cells and names their columns and lines, so the
 *   analyst can find every one, not only the first;
 * - an error about an empty value whose cell reads so names the value the file holds and says it
 *   was read as empty: “Every meeting needs a partner”, value “”, sent an analyst looking for an
 *   empty cell in a row whose cell says NA. Also where the file's note is not in the list (its
 *   errors filled it: a pandas column of None in 600 rows), and in a column named otherwise
 *   (a venue table's `latitude`, read as `lat`).
 */
export function withMissingValues(problems: Problem[], texts: ReadonlyMap<string, string>): Problem[] {
  const noted = new Set(problems.filter((p) => noteToken(p) !== null).map((p) => p.file));
  const wanted = (p: Problem) =>
    p.severity === 'error' && p.value === '' && p.line !== undefined && p.column !== undefined && texts.has(p.file);
  // A file's errors may have taken its note's place in a full list: its cells are looked at too.
  const files = new Set([...noted, ...problems.filter(wanted).map((p) => p.file)]);
  if (files.size === 0) return problems;
  // Each such file's cells that read a token, as "line column" → token, and each token's cells, from one pass over its records.
  const cellsOf = new Map<string, Map<string, string>>();
  const foundOf = new Map<string, Map<string, Found>>();
  for (const file of files) {
    const text = texts.get(file);
    if (!text) continue;
    const lines = new Set(problems.filter((p) => p.file === file && wanted(p)).map((p) => p.line!));
    // Without its note, only the errors' lines are looked for: the rest of the file is not read.
    const last = noted.has(file) ? Infinity : Math.max(...lines);
    const cells = new Map<string, string>();
    const found = new Map<string, Found>();
    let header: string[] | null = null;
    for (const record of csvRecords(text, sniffDialect(text))) {
      if (!header) {
        header = record.cells.map((c) => normaliseColumnName(c));
        continue;
      }
      if (record.line > last) break;
      record.cells.forEach((cell, i) => {
        const token = cell.trim();
        const column = header![i];
        if (!MISSING_CELLS.has(token) || !column || !READ.has(column)) return;
        // An error names the column as read: a venue table's `latitude` is `lat`.
        if (lines.has(record.line)) cells.set(`${record.line} ${VENUE_TABLE_ALIASES[column] ?? column}`, token);
        let f = found.get(token);
        if (!f) found.set(token, (f = { cells: 0, columns: new Set(), lines: [] }));
        f.cells++;
        f.columns.add(column);
        if (f.lines[f.lines.length - 1] !== record.line) f.lines.push(record.line);
      });
    }
    cellsOf.set(file, cells);
    foundOf.set(file, found);
  }
  return problems.map((p) => {
    const noted = noteToken(p);
    const f = noted === null ? undefined : foundOf.get(p.file)?.get(noted);
    if (noted !== null && f && f.cells > 1) {
      const lines = f.lines.map(String);
      const shown = someOf(lines, 5);
      const columns = [...f.columns].map((c) => `“${c}”`);
      return {
        ...p,
        message: `${missingNote(noted)} ${f.cells.toLocaleString('en')} cells: in ${columns.length === 1 ? 'column' : 'columns'} ${andList(columns)}, on ${lines.length === 1 ? 'line' : 'lines'} ${shown}.`,
      };
    }
    const token = wanted(p) ? cellsOf.get(p.file)?.get(`${p.line} ${p.column}`) : undefined;
    return token === undefined
      ? p
      : { ...p, value: token, message: `${p.message} This cell’s “${token}” is read as empty.` };
  });
}
