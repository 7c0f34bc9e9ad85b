import { shorten, type CellReader, type CsvRow } from './csv-table';
import type { Parsed } from './dialogues';
import type { Problem } from './problems';
import type { Venue } from './schema';
import { placeProblem } from './venues';
import { readKeyedTable } from './vocabulary';
import { headerSpellings } from './header-spellings';

/**
 * Venues as a spreadsheet keeps them: a CSV with a row per venue, `id, name, country, lat, lon`
 * (also read: latitude, longitude, lng, long). The app keeps venues as GeoJSON; an analyst who
 * has a table of cities should not have to write one. Read here, checked as the GeoJSON's
 * features are (venues.ts), and written out as GeoJSON on apply.
 */
export const VENUE_TABLE_COLUMNS = ['id', 'name', 'country', 'lat', 'lon'] as const;

/** Column names spreadsheets and tools use for the two coordinates. */
export const VENUE_TABLE_ALIASES: Readonly<Record<string, string>> = {
  latitude: 'lat',
  longitude: 'lon',
  lng: 'lon',
  long: 'lon',
};

/** A venue row as read, with its line for the diff. */
export type VenueRow = Venue & { line: number };

/**
 * A coordinate as a spreadsheet writes it: a decimal number, with a decimal comma in a file
 * that is not comma-separated (Excel in much of Europe). NaN when it is not one.
 */
function coordinate(text: string, delimiter: string): number {
  const t = text.trim();
  const decimal = delimiter !== ',' && /^[-+−]?\d+,\d+$/.test(t) ? t.replace(',', '.') : t;
  return /^[-+−]?(\d+\.?\d*|\.\d+)$/.test(decimal) ? Number(decimal.replace('−', '-')) : NaN;
}

/**
 * A number as the file writes its coordinates: with a decimal comma where a file not separated by
 * commas writes one (European Excel), so advice can be typed back as it is ("33,6844", not "33.6844").
 */
export function inFileStyle(n: number | string, decimalComma: boolean): string {
  return decimalComma ? String(n).replace('.', ',') : String(n);
}

/** Whether a cell writes its number with a decimal comma (as `coordinate` reads one). */
const commaDecimal = (text: string, delimiter: string) => delimiter !== ',' && /^[-+−]?\d+,\d+/.test(text.trim());

/** Whether venues text is a table rather than GeoJSON (which starts with `{` or `[`). */
export const isVenueTable = (text: string): boolean => !/^\uFEFF?\s*[{[]/.test(text.slice(0, 1024));

/** A venues CSV → venues, each with its line; problems by line and column, as the GeoJSON's are. */
export function parseVenueTable(text: string, file: string): Parsed<VenueRow> {
  // The coordinates' columns as the file names them ("Latitude", "lng"), for the message that swaps them.
  const { lat: latColumn, lon: lonColumn } = venueColumnNames(text);
  return readKeyedTable(
    text,
    file,
    ['id', 'lat', 'lon'],
    ['venue', 'islamabad'],
    (row: CsvRow, cell: CellReader, problems: Problem[], delimiter: string): VenueRow | null => {
      const id = cell(row, 'id');
      const fail = (column: string, value: string, message: string) => {
        problems.push({ file, line: row.line, column, value: shorten(value), message, severity: 'error' });
        return null;
      };
      const lat = coordinate(cell(row, 'lat'), delimiter);
      const lon = coordinate(cell(row, 'lon'), delimiter);
      // Examples and advice written as the row writes its numbers (a decimal comma in either cell).
      const comma = commaDecimal(cell(row, 'lat'), delimiter) || commaDecimal(cell(row, 'lon'), delimiter);
      const num = (n: number | string) => inFileStyle(n, comma);
      if (Number.isNaN(lat)) {
        return fail('lat', cell(row, 'lat'), `Expected the latitude as a number of degrees, e.g. ${num('33.6844')} (north positive).`);
      }
      if (Number.isNaN(lon)) {
        return fail('lon', cell(row, 'lon'), `Expected the longitude as a number of degrees, e.g. ${num('73.0479')} (east positive).`);
      }
      const wrong = placeProblem(lon, lat, `is the latitude in the ${lonColumn} column? Write ${latColumn} ${num(lon)}, ${lonColumn} ${num(lat)}`);
      if (wrong) {
        // Both out of range (and not swapped): both named, as the message names both.
        if (Math.abs(lat) > 90 && Math.abs(lon) > 180) return fail('lat, lon', `${lat}, ${lon}`, wrong);
        return fail(Math.abs(lat) > 90 ? 'lat' : 'lon', String(Math.abs(lat) > 90 ? lat : lon), wrong);
      }
      const name = cell(row, 'name');
      if (name === '') {
        problems.push({ file, line: row.line, column: 'name', value: '', message: `Venue “${shorten(id)}” has no name; its id is shown instead.`, severity: 'warning' });
      }
      return { id, name: name || id, country: cell(row, 'country'), lat, lon, line: row.line };
    },
    VENUE_TABLE_ALIASES,
  );
}

/** A venue table's coordinate columns as its header spells them (`lat` and `lon` where it names neither). */
export function venueColumnNames(text: string): { lat: string; lon: string } {
  const names = headerSpellings(text, VENUE_TABLE_ALIASES);
  return { lat: names.get('lat') ?? 'lat', lon: names.get('lon') ?? 'lon' };
}
