import { nfc, normaliseColumnName } from './csv-table';
import type { Parsed } from './dialogues';
import type { Problem } from './problems';
import { DATA_FILES, type Venue } from './schema';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export const isObject = (v: unknown): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);
/**
 * A property, by its name as the app writes it (`id`, `name`, `country`), else by the same name in
 * another case or with spaces (`Name`, `COUNTRY` as QGIS and ArcGIS write them), as a CSV's columns are read.
 */
const ownValue = (o: Readonly<Record<string, unknown>>, key: string): unknown => {
  const found = Object.hasOwn(o, key) ? key : Object.keys(o).find((k) => normaliseColumnName(k) === key);
  return found === undefined ? undefined : o[found];
};
/** A property's text (a number written as one). */
export const ownString = (o: Readonly<Record<string, unknown>>, key: string): string => {
  const v = ownValue(o, key);
  return typeof v === 'string' ? nfc(v.trim()) : typeof v === 'number' ? String(v) : '';
};

/**
 * Checks of a whole venues file that only an upload makes, set by the upload's checks (upload-checks.ts,
 * which the worker and `npm run validate` load): the published data's first view does without them,
 * and without their bytes.
 */
export const venueFileChecks: {
  /** Coordinates in metres rather than degrees, as one problem for the file (projected-coordinates.ts). */
  metres?: (doc: Record<string, Json>, text: string, file: string) => Problem | null;
} = {};

const POINT = 'Expected a Point geometry: { "type": "Point", "coordinates": [longitude, latitude] }.';

/**
 * venues.geojson → venues. Expects an RFC 7946 FeatureCollection of Points with
 * `[longitude, latitude]` and properties `id` (or the feature's own text `id`), `name`, `country`. A feature that cannot be
 * placed is reported (with a hint when the coordinates look swapped) and left out.
 */
export function parseVenues(text: string, file: string = DATA_FILES.venues): Parsed<Venue> {
  const problems: Problem[] = [];
  const rows: Venue[] = [];
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    const { line, cutShort } = jsonErrorAt(text.replace(/^\uFEFF/, ''), detail);
    const hint = cutShort ? ' The file ends before its JSON does: was it cut short?' : '';
    problems.push({ file, line, message: `This is not valid JSON (${detail}).${hint} Expected a GeoJSON FeatureCollection.`, severity: 'error' });
    return { rows, problems, delimiter: '', unreadable: true };
  }
  // A collection whose "type" was left out is still one, by its "features" (said in the upload's checks, upload-checks.ts).
  if (!isObject(doc) || (doc.type ?? 'FeatureCollection') !== 'FeatureCollection' || !Array.isArray(doc.features)) {
    problems.push({ file, column: 'type', value: isObject(doc) ? String(doc.type ?? '') : typeof doc, message: 'Expected a GeoJSON FeatureCollection: an object with "type": "FeatureCollection" and a "features" array.', severity: 'error' });
    return { rows, problems, delimiter: '', unreadable: true };
  }
  // Coordinates in metres (a projected system, as GIS tools export a layer): said once for the file, not once per feature.
  const metres = venueFileChecks.metres?.(doc, text, file);
  if (metres) return { rows, problems: [metres], delimiter: '', unreadable: true };
  const firstFeatureOf = new Map<string, number>();
  const leftOut = new Map<string, number>();
  doc.features.forEach((f, i) => {
    const feature = i + 1;
    let id = '';
    const fail = (column: string, value: string, message: string) => {
      problems.push({ file, feature, column, value, message, severity: 'error' });
      // A venue whose id is read but whose place is not: the diff says why it would go.
      if (column === 'geometry' || column === 'coordinates') leftOut.set(id, feature);
    };
    if (!isObject(f) || f.type !== 'Feature')
      return fail('type', isObject(f) ? String(f.type ?? '') : typeof f, 'Expected a Feature object ("type": "Feature").');
    const props = isObject(f.properties) ? f.properties : {};
    // The id in the properties, as the app writes it; else the feature's own "id" (RFC 7946 allows
    // it there, and GIS tools put it there), when it is text: a number there is a tool's row count.
    id = ownString(props, 'id') || (typeof f.id === 'string' ? f.id.trim() : '');
    if (id === '') {
      const counted = typeof f.id === 'number' ? ` The feature's own "id" is ${f.id}, a number a tool counts features by, not a venue id.` : '';
      return fail('id', '', `This venue has no "id", in its properties or as the feature's own "id"; dialogues refer to venues by it.${counted}`);
    }
    if (firstFeatureOf.has(id)) return fail('id', id, `Duplicate venue id “${id}”: already used by feature ${firstFeatureOf.get(id)}.`);
    firstFeatureOf.set(id, feature);
    const geom = f.geometry;
    let c: Json | undefined = isObject(geom) ? geom.coordinates : undefined;
    // A MultiPoint of one point, as GIS tools write a point layer, is that point (said in the upload's checks).
    const points = isObject(geom) && geom.type === 'MultiPoint' && Array.isArray(c) ? c : null;
    if (points?.length === 1) c = points[0];
    else if (!isObject(geom) || geom.type !== 'Point') {
      const what = points ? `MultiPoint ${JSON.stringify(points).slice(0, 80)}` : isObject(geom) ? String(geom.type ?? '') : '';
      return fail('geometry', what, `${points ? `A MultiPoint of ${points.length} points: a venue is one place. ` : ''}${POINT}`);
    }
    if (!Array.isArray(c) || c.length < 2 || typeof c[0] !== 'number' || typeof c[1] !== 'number' || !Number.isFinite(c[0]) || !Number.isFinite(c[1])) {
      return fail('coordinates', JSON.stringify(c ?? null), 'Expected coordinates as two numbers: [longitude, latitude].');
    }
    const [lon, lat] = c;
    const wrong = placeProblem(lon, lat, `GeoJSON puts longitude first, [${lat}, ${lon}]`);
    if (wrong) return fail('coordinates', `[${lon}, ${lat}]`, wrong);
    const name = ownString(props, 'name');
    if (name === '') problems.push({ file, feature, column: 'name', value: '', message: `Venue “${id}” has no "name"; its id is shown instead.`, severity: 'warning' });
    // A JSON number as the id is how a GIS tool numbers features (a row count, QGIS's "fid"), seldom a venue's id.
    if (typeof ownValue(props, 'id') === 'number')
      problems.push({ file, feature, column: 'id', value: id, message: `The venue id ${id} is a number, as a GIS tool numbers its features: dialogues.csv names a venue by an id such as “islamabad”, so no meeting may name this one. Give it a word id, or check that its meetings' venue_id is ${id}.`, severity: 'warning' });
    rows.push({ id, name: name || id, country: ownString(props, 'country'), lon, lat });
  });
  return { rows, problems, delimiter: '', leftOut };
}

/**
 * Why a point cannot be placed (a latitude or longitude out of range, or both), or null. `swapped`
 * says, in the file's own terms, what to write when the two look exchanged.
 */
export function placeProblem(lon: number, lat: number, swapped: string): string | null {
  const latOut = Math.abs(lat) > 90;
  const lonOut = Math.abs(lon) > 180;
  if (latOut && Math.abs(lon) <= 90) return `Latitude ${lat} is out of range (−90 to 90). The numbers look swapped: ${swapped}.`;
  if (latOut && lonOut)
    return `Longitude ${lon} and latitude ${lat} are both out of range: expected a longitude from −180 to 180 and a latitude from −90 to 90.`;
  if (latOut) return `Latitude ${lat} is out of range: expected −90 to 90.`;
  if (lonOut) return `Longitude ${lon} is out of range: expected −180 to 180.`;
  return null;
}

function jsonErrorAt(text: string, message: string): { line: number | undefined; cutShort: boolean } {
  const lastLine = () => text.trimEnd().split('\n').length;
  // Cut short (a download stopped, a copy not finished): the error is at the file's end, its last line.
  if (/end of JSON input/i.test(message)) return { line: lastLine(), cutShort: true };
  const pos = /position (\d+)/.exec(message);
  if (pos) {
    const at = Number(pos[1]);
    if (at >= text.trimEnd().length) return { line: lastLine(), cutShort: true };
    return { line: text.slice(0, at).split('\n').length, cutShort: false };
  }
  const line = /line (\d+)/.exec(message);
  return { line: line ? Number(line[1]) : undefined, cutShort: false };
}
