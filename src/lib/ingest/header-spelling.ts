import { headerSpellings } from '../data/header-spellings';
import type { Problem } from '../data/problems';
import type { DataFileKind } from '../data/schema';
import type { DiffRow } from './ingest-result';

/** Texts by file name, with the aliases each file's columns are read by (a venue table's `latitude`). */
export type HeaderTexts = {
  texts: ReadonlyMap<string, string>;
  aliasesOf: (file: string) => Readonly<Record<string, string>>;
};

/** For each file, the columns asked for as its header spells them (only those: a header may be a million columns). */
function spellingsOf({ texts, aliasesOf }: HeaderTexts, wanted: ReadonlyMap<string, ReadonlySet<string>>) {
  const names = new Map<string, ReadonlyMap<string, string>>();
  for (const [file, columns] of wanted) {
    const text = texts.get(file);
    if (text !== undefined) names.set(file, headerSpellings(text, aliasesOf(file), columns));
  }
  return names;
}

/** Adds a file's column to the names asked for. */
function want(wanted: Map<string, Set<string>>, file: string, column: string) {
  let columns = wanted.get(file);
  if (!columns) wanted.set(file, (columns = new Set()));
  columns.add(column);
}

/**
 * Problems about a CSV's rows naming each column as the file's header spells it: the readers name
 * a column as they match it (normalised, an alias resolved: a venue table's `latitude` is read as
 * `lat`, `Venue ID` as `venue_id`), and an analyst looking for column “lat” in a file whose header
 * says “Latitude” finds none. The header's own problems (line 1) quote its cells already; GeoJSON's
 * name its properties as written. A note about a whole file (no line: “beijing is not in the
 * venues.geojson shown now”, column “Venue ID”) is spelled too. In the upload's check only (the
 * worker): after every check that matches problems by the name read.
 */
export function withHeaderSpellings(problems: readonly Problem[], files: HeaderTexts): Problem[] {
  const spelt = (p: Problem) =>
    p.column !== undefined && p.feature === undefined && (p.line === undefined || p.line > 1);
  const wanted = new Map<string, Set<string>>();
  for (const p of problems) if (spelt(p)) for (const c of p.column!.split(', ')) want(wanted, p.file, c);
  const spellings = spellingsOf(files, wanted);
  return problems.map((p) => {
    const names = spelt(p) ? spellings.get(p.file) : undefined;
    if (!names) return p;
    // Two columns named in one ("lat, lon": both out of range) are each spelled.
    const column = p
      .column!.split(', ')
      .map((c) => names.get(c) ?? c)
      .join(', ');
    return column === p.column ? p : { ...p, column };
  });
}

/**
 * The diff's changed values named as the uploaded CSV's header spells each column (“latitude 33.6844 →
 * 73.0479”, “Lng”, “Venue ID”), as its problems are, not as the rows are read (lat, lon, venue_id).
 * A row removed is named so too: it is the same column. GeoJSON, which has no header, is left as it is;
 * so is `id`, shown in a column of its own. Rewritten in place.
 */
export function diffWithHeaderSpellings(
  rows: DiffRow[],
  fileOf: (kind: DataFileKind) => string | undefined,
  files: HeaderTexts,
): void {
  const wanted = new Map<string, Set<string>>();
  for (const row of rows) {
    const file = fileOf(row.kind);
    if (file !== undefined) for (const f of row.fields) if (f.column !== 'id') want(wanted, file, f.column);
  }
  const spellings = spellingsOf(files, wanted);
  for (const row of rows) {
    const file = fileOf(row.kind);
    const names = file === undefined ? undefined : spellings.get(file);
    if (!names || names.size === 0) continue;
    row.fields = row.fields.map((f) => {
      const written = f.column === 'id' ? undefined : names.get(f.column);
      return written === undefined || written === f.column ? f : { ...f, column: written };
    });
  }
}
