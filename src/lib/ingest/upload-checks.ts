import { csvRecords } from '../data/csv-parse';
import { mayMean, normaliseColumnName, slips } from '../data/csv-table';
import type { Problem } from '../data/problems';
import { doubleEncoded } from './double-encoded';
import { DIALOGUE_COLUMNS, SOURCE_COLUMNS, TOPIC_COLUMNS, type DataFileKind, type Venue } from '../data/schema';
import {
  isVenueTable,
  inFileStyle,
  parseVenueTable,
  VENUE_TABLE_ALIASES,
  VENUE_TABLE_COLUMNS,
  venueColumnNames,
} from '../data/venue-table';
import { placement } from '../data/venue-countries';
import { ownString, parseVenues, venueFileChecks } from '../data/venues';
import { projectedCoordinates } from './projected-coordinates';
import { oneSlipApart } from './typing-slips';
import { REQUIRED_DIALOGUE_COLUMNS } from '../data/dialogue-reader';

// A required column misspelt ("Stauts") is then named in the header's error as well as in its
// warning below: the upload's reading, here in the worker, measures as this file does.
slips.near = oneSlipApart;
// A venues file in metres is one error for the file, not one per feature (the upload's reading only).
venueFileChecks.metres = projectedCoordinates;

/**
 * Checks on uploaded files that the parsers leave to the validation path (browser worker and
 * command line alike): columns the app does not read, and venues whose point lies outside the
 * country their row names (swapped coordinates, a sign lost). Warnings: the data still loads.
 */
export function uploadChecks(uploaded: Partial<Record<DataFileKind, { name: string; text: string }>>): Problem[] {
  return uploadChecksAndSwaps(uploaded).problems;
}

/** The same checks, and the venues among them whose numbers look swapped (Apply asks about those first). */
export function uploadChecksAndSwaps(uploaded: Partial<Record<DataFileKind, { name: string; text: string }>>): {
  problems: Problem[];
  swapped: SwappedVenue[];
} {
  const problems: Problem[] = [];
  for (const kind of ['dialogues', 'topics', 'sources'] as const) {
    const u = uploaded[kind];
    if (u) problems.push(...extraColumns(u.text, u.name, KNOWN[kind], {}, REQUIRED[kind]));
    const mangled = u && doubleEncoded(u.text, u.name);
    if (mangled) problems.push(mangled);
  }
  const venues = uploaded.venues;
  if (venues && isVenueTable(venues.text)) {
    problems.push(
      ...extraColumns(venues.text, venues.name, VENUE_TABLE_COLUMNS, VENUE_TABLE_ALIASES, REQUIRED_VENUE_COLUMNS),
    );
    const mangled = doubleEncoded(venues.text, venues.name);
    if (mangled) problems.push(mangled);
  }
  if (venues && !isVenueTable(venues.text)) problems.push(...geoJsonAsToolsWriteIt(venues.text, venues.name));
  const misplaced = venues ? misplacedVenues(venues.text, venues.name) : [];
  problems.push(...misplaced.map((m) => m.problem));
  return { problems, swapped: misplaced.flatMap((m) => (m.swapped ? [m.swapped] : [])) };
}

/**
 * What the venues parser reads although GeoJSON has it otherwise, said once each: a collection
 * with no "type" (read by its "features"), and MultiPoints of one point (QGIS writes a point layer
 * from a shapefile so), read as their point. Nothing is lost; other tools may expect the usual form.
 */
export function geoJsonAsToolsWriteIt(text: string, file: string): Problem[] {
  let doc: { type?: unknown; features?: unknown };
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, '')) as typeof doc;
  } catch {
    return []; // the parser reports invalid JSON
  }
  if (typeof doc !== 'object' || doc === null || !Array.isArray(doc.features)) return [];
  const problems: Problem[] = [];
  if (doc.type === undefined)
    problems.push({
      file,
      column: 'type',
      value: '',
      message:
        'The file has no "type": "FeatureCollection" at its top: it is read as one, by its "features" (the Data package download writes the "type"). Other GIS tools may not read it without.',
      severity: 'warning',
    });
  const multi = doc.features.flatMap((f: { geometry?: { type?: unknown; coordinates?: unknown } } | null, i) =>
    f?.geometry?.type === 'MultiPoint' && Array.isArray(f.geometry.coordinates) && f.geometry.coordinates.length === 1
      ? [i + 1]
      : [],
  );
  const n = multi.length;
  if (n > 0)
    problems.push({
      file,
      feature: multi[0]!,
      column: 'geometry',
      value: 'MultiPoint',
      message: `${n === 1 ? 'This feature’s geometry is a MultiPoint' : `${n} features’ geometries (this one first) are MultiPoints`} of one point, as GIS tools write a point layer: ${n === 1 ? 'it is read as its point (the Data package download writes it as a Point)' : 'each is read as its point (the Data package download writes them as Points)'}.`,
      severity: 'warning',
    });
  return problems;
}

const KNOWN = { dialogues: DIALOGUE_COLUMNS, topics: TOPIC_COLUMNS, sources: SOURCE_COLUMNS } as const;
/** The columns without which each file is not read (as its reader requires them: dialogue-reader.ts, vocabulary.ts, venue-table.ts). */
const REQUIRED = { dialogues: REQUIRED_DIALOGUE_COLUMNS, topics: ['id', 'label'], sources: ['id', 'title'] } as const;
const REQUIRED_VENUE_COLUMNS = ['id', 'lat', 'lon'] as const;

/** Extra columns named one warning each up to this many; past it, one warning names a few and counts the rest. */
const NAMED_COLUMNS = 5;

/**
 * A warning for each header column the app does not read: it is dropped on apply and download. A
 * column named like a required one the header lacks (“Venue ID” for a venue table's id) has none:
 * the header's error says to rename it, and nothing of the file is read until it is (a warning
 * that its values were dropped and each row's id left empty said otherwise).
 */
export function extraColumns(
  text: string,
  file: string,
  known: readonly string[],
  aliases: Readonly<Record<string, string>> = {},
  required: readonly string[] = [],
): Problem[] {
  // The header as the readers take it (a `sep=` line passed over), from the file's start only.
  const records = csvRecords(text.slice(0, 64 * 1024));
  const first = records.next();
  const header = first.done ? [] : first.value.cells;
  const wanted = new Set(known);
  const read = (name: string) => aliases[normaliseColumnName(name)] ?? normaliseColumnName(name);
  let extra = header.map((name) => name.trim()).filter((name) => !isUnnamed(name) && !wanted.has(read(name)));
  // The app's columns the header lacks, each offered for at most one column named like it.
  const absent = known.filter((k) => !header.some((name) => read(name) === k));
  const meant = new Map<string, string>();
  for (const name of extra) {
    const k = absent.find((c) => ![...meant.values()].includes(c) && mayMean(name, c, oneSlipApart));
    if (k) meant.set(name, k);
  }
  // Said by the header's error, which names the column to rename (checkHeader, csv-table.ts).
  const told = extra.filter((name) => required.includes(meant.get(name) ?? ''));
  if (told.length > 0) extra = extra.filter((name) => !told.includes(name));
  const reads = `The columns read are: ${known.join(', ')}.`;
  const warning = (column: string, message: string): Problem => ({
    file,
    line: 1,
    column: cut(column),
    value: cut(column),
    message,
    severity: 'warning',
  });
  const unnamed = unnamedWithValues(header, records, file);
  if (extra.length <= NAMED_COLUMNS)
    return unnamed.concat(
      extra.map((name) => {
        const k = meant.get(name);
        return warning(
          name,
          k
            ? `The column “${cut(name)}” is not one the app reads: did you mean ${k}? Rename the column ${k} to read it; as it is, its values are dropped when the data is applied or downloaded, and each row’s ${k} is left empty.`
            : `The column “${cut(name)}” is not one the app reads: its values are dropped when the data is applied or downloaded. ${reads}`,
        );
      }),
    );
  // A header of thousands of unknown columns is one readable warning, not thousands.
  const named = extra.slice(0, NAMED_COLUMNS).map((name) => `“${cut(name)}”`);
  return [
    ...unnamed,
    warning(
      extra[0]!,
      `${extra.length.toLocaleString('en')} columns are not ones the app reads (${named.join(', ')} and ${(extra.length - NAMED_COLUMNS).toLocaleString('en')} more): their values are dropped when the data is applied or downloaded. ${reads}`,
    ),
  ];
}

/**
 * A header cell with no name: empty, or as pandas names such a column when it reads a file and
 * writes it out again ("Unnamed: 0" for an index written before, "Unnamed: 14" for a trailing comma).
 */
const isUnnamed = (name: string) => /^(unnamed: \d+)?$/i.test(name.trim());

/** Rows looked at for values under a column with no name. */
const UNNAMED_ROWS = 50;

/**
 * A warning for each column with no name in the header that has values in the first rows
 * (pandas' index, R's row names, or a heading left out by mistake): its values are not read.
 * Empty columns with no name (a spreadsheet's trailing commas, pandas' "Unnamed: 14") say nothing.
 */
function unnamedWithValues(header: readonly string[], records: Iterator<{ cells: string[] }>, file: string): Problem[] {
  const blank = header.map((name, i) => (isUnnamed(name) ? i : -1)).filter((i) => i >= 0);
  if (blank.length === 0) return [];
  const samples = new Map<number, string[]>(blank.map((i) => [i, []]));
  for (let n = 0; n < UNNAMED_ROWS; n++) {
    const next = records.next();
    if (next.done) break;
    for (const [i, values] of samples) {
      const value = next.value.cells[i]?.trim() ?? '';
      if (value !== '' && values.length < 3) values.push(value);
    }
  }
  return [...samples]
    .filter(([, values]) => values.length > 0)
    .map(([i, values]) => {
      const shown = values.map((v) => `“${cut(v)}”`).join(', ');
      const name = header[i]!.trim();
      return {
        file,
        line: 1,
        column: name || '(no name)',
        ...(name ? { value: name } : {}),
        message: `Column ${i + 1} has no name in the header${name ? ` (“${name}” is pandas’ name for such a column)` : ''}, so its values (${shown}…) are not read. A row number written by pandas or R can stay; if the column holds data, give it the name of a column the app reads.`,
        severity: 'warning' as const,
      };
    });
}

/** A column name as shown in a message: at most 60 characters. */
const cut = (name: string) => (name.length > 60 ? `${name.slice(0, 59)}…` : name);

/**
 * A venue whose point lies outside the country its row names but inside it read the other way
 * round: its numbers look swapped. Apply asks before placing it as written.
 */
export interface SwappedVenue {
  id: string;
  name: string;
  country: string;
  /** Where it is in the upload: the file, and its feature (GeoJSON) or line (a table). */
  file: string;
  feature?: number;
  line?: number;
  /** Its point as the file writes it ("[33.7, 73]", or "lat 33.7, lon 73" in a table), and read the other way round. */
  written: string;
  meant: string;
}

/** A warning for each venue whose point lies outside the country its row names. */
export function venuesOutsideCountry(text: string, file: string): Problem[] {
  return misplacedVenues(text, file).map((m) => m.problem);
}

/** Each venue placed outside the country its row names: its warning and, where the numbers look swapped, the venue. */
function misplacedVenues(text: string, file: string): { problem: Problem; swapped: SwappedVenue | null }[] {
  const found: { problem: Problem; swapped: SwappedVenue | null }[] = [];
  const table = isVenueTable(text);
  const parsed = table ? parseVenueTable(text, file) : parseVenues(text, file);
  const rows: (Venue & { line?: number })[] = parsed.rows;
  const featureOf = table ? null : featurePositions(text);
  const { lat, lon } = table ? venueColumnNames(text) : { lat: 'lat', lon: 'lon' };
  // A table not separated by commas whose numbers have decimal commas (European Excel): its numbers are quoted so.
  const comma = table && parsed.delimiter !== ',' && /\d,\d/.test(text);
  const num = (n: number) => inFileStyle(n, comma);
  for (const v of rows) {
    const where = placement(v);
    if (where === 'inside') continue;
    const swapped = where === 'swapped';
    const feature = featureOf?.get(v.id);
    const at = table ? { line: v.line } : { feature };
    const written = table ? `${lat} ${num(v.lat)}, ${lon} ${num(v.lon)}` : `[${v.lon}, ${v.lat}]`;
    const meant = table ? `${lat} ${num(v.lon)}, ${lon} ${num(v.lat)}` : `[${v.lat}, ${v.lon}]`;
    found.push({
      problem: {
        file,
        ...(table
          ? { line: v.line, column: 'lat, lon', value: comma ? `${num(v.lat)}; ${num(v.lon)}` : `${v.lat}, ${v.lon}` }
          : { feature, column: 'coordinates', value: `[${v.lon}, ${v.lat}]` }),
        message: table
          ? swapped
            ? `Venue “${v.id}” is placed outside ${v.country}: the numbers look swapped. Write ${meant}.`
            : `Venue “${v.id}” is placed outside ${v.country}, the country its row names: check ${lat}, ${lon} and the country.`
          : swapped
            ? `Venue “${v.id}” is placed outside ${v.country}: the numbers look swapped. GeoJSON puts longitude first: [${v.lat}, ${v.lon}].`
            : `Venue “${v.id}” is placed outside ${v.country}, the country its row names: check the coordinates ([longitude, latitude]) and the country.`,
        severity: 'warning',
      },
      swapped: swapped ? { id: v.id, name: v.name, country: v.country, file, ...at, written, meant } : null,
    });
  }
  return found;
}

/** Each venue id's feature number (from 1), as the parser counts them. */
export function featurePositions(text: string): Map<string, number> {
  const positions = new Map<string, number>();
  try {
    const doc = JSON.parse(text.replace(/^\uFEFF/, '')) as {
      features?: { id?: unknown; properties?: Record<string, unknown> | null }[];
    };
    doc.features?.forEach((f, i) => {
      const props = f?.properties;
      // As the parser reads it: the id in the properties (in any case), else the feature's own text id.
      const id =
        (props && typeof props === 'object' ? ownString(props, 'id') : '') ||
        (typeof f?.id === 'string' ? f.id.trim() : '');
      if (id !== '' && !positions.has(id)) positions.set(id, i + 1);
    });
  } catch {
    // The parser reports invalid JSON.
  }
  return positions;
}
