import { csvRecords, sniffDialect, stripBom } from './csv-parse';
import { normaliseColumnName, shorten } from './csv-table';

/**
 * A CSV's columns as its header spells them, by the names the readers match them on (normalised,
 * and an alias resolved: a venue table's “Latitude” by `latitude` and by `lat`): for messages that
 * name a column as the analyst's file does. The first of a repeated name, as the readers read it.
 * Empty for GeoJSON, which has no header.
 */
export function headerSpellings(
  text: string,
  aliases: Readonly<Record<string, string>> = {},
  /** Only these names (a header of a million columns is read no further than they are found). */
  wanted?: ReadonlySet<string>,
): Map<string, string> {
  const names = new Map<string, string>();
  if (/^\s*[{[]/.test(stripBom(text.slice(0, 1024)))) return names;
  const header = csvRecords(text, sniffDialect(text)).next().value?.cells ?? [];
  let found = 0;
  for (const cell of header) {
    const name = normaliseColumnName(cell);
    for (const read of [name, aliases[name] ?? name]) {
      if (names.has(read) || (wanted && !wanted.has(read))) continue;
      names.set(read, shorten(stripBom(cell).trim()));
      found++;
    }
    if (wanted && found === wanted.size) break;
  }
  return names;
}
