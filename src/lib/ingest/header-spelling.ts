import { headerSpellings } from '../data/header-spellings';
import type { Problem } from '../data/problems';

/**
 * Problems about a CSV's rows naming each column as the file's header spells it: the readers name
 * a column as they match it (normalised, an alias resolved: a venue table's `latitude` is read as
 * `lat`, `Venue ID` as `venue_id`), and an analyst looking for column “lat” in a file whose header
 * says “Latitude” finds none. The header's own problems (line 1) quote its cells already; GeoJSON's
 * name its properties as written. A note about a whole file (no line: “beijing is not in the
 * venues.geojson shown now”, column “Venue ID”) is spelled too. In the upload's check only (the
 * worker): after every check that matches problems by the name read.
 */
export function withHeaderSpellings(
  problems: readonly Problem[],
  texts: ReadonlyMap<string, string>,
  aliasesOf: (file: string) => Readonly<Record<string, string>>,
): Problem[] {
  const spellings = new Map<string, Map<string, string>>();
  return problems.map((p) => {
    const text = texts.get(p.file);
    if (
      p.column === undefined ||
      text === undefined ||
      p.feature !== undefined ||
      (p.line !== undefined && p.line <= 1)
    )
      return p;
    let names = spellings.get(p.file);
    if (!names) spellings.set(p.file, (names = headerSpellings(text, aliasesOf(p.file))));
    // Two columns named in one ("lat, lon": both out of range) are each spelled.
    const column = p.column
      .split(', ')
      .map((c) => names.get(c) ?? c)
      .join(', ');
    return column === p.column ? p : { ...p, column };
  });
}
