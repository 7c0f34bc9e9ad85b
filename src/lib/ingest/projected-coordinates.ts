import type { Problem } from '../data/problems';
import { isObject, type Json } from '../data/venues';

/** A coordinate this far from zero is no degree of longitude or latitude mistyped: it is metres. */
const METRES = 1000;

/**
 * Coordinates in a projected system (metres: Web Mercator, a UTM zone, a national grid), as a
 * GIS tool exports a layer kept in one, rather than degrees of WGS 84: one error for the file,
 * where each feature's coordinates would each be "out of range". Known by the file's "crs"
 * (GeoJSON before RFC 7946 named it) when that names a projected system, or by every point
 * lying far beyond ±180, ±90 (whatever the "crs" says, or with none). Null when neither.
 */
export function projectedCoordinates(doc: Record<string, Json>, text: string, file: string): Problem | null {
  const points: [number, number, number][] = [];
  (doc.features as Json[]).forEach((f, i) => {
    const geom = isObject(f) && isObject(f.geometry) ? f.geometry : null;
    let c = geom?.coordinates;
    if (geom?.type === 'MultiPoint' && Array.isArray(c) && c.length === 1) c = c[0];
    if (Array.isArray(c) && typeof c[0] === 'number' && typeof c[1] === 'number') points.push([i + 1, c[0], c[1]]);
  });
  const crs = crsName(doc.crs);
  const code = crs === null ? null : epsgCode(crs);
  const system = code === null ? null : projectedSystem(code);
  const outside = ([, x, y]: readonly number[]) => Math.abs(x!) > 180 || Math.abs(y!) > 90;
  const far =
    points.length > 0 && points.every((p) => outside(p) && Math.max(Math.abs(p[1]), Math.abs(p[2])) >= METRES);
  if (system === null && !far) return null;
  const [feature, x, y] = points.find(outside) ?? points[0] ?? [undefined, NaN, NaN];
  const at = feature === undefined ? '' : `; feature ${feature} is at [${x}, ${y}]`;
  const fix =
    'export the file as WGS 84 (EPSG:4326), longitude and latitude in degrees, and upload it again (QGIS: Export › Save Features As…, CRS EPSG:4326; ogr2ogr: -t_srs EPSG:4326).';
  if (system !== null) {
    const line = text.slice(0, Math.max(0, text.indexOf('"crs"'))).split('\n').length;
    return {
      file,
      line,
      column: 'crs',
      value: crs!,
      message: `The coordinates are in metres (EPSG:${code}${system ? `, ${system}` : ''}, as the file’s "crs" names it${at}), not degrees: ${fix}`,
      severity: 'error',
    };
  }
  return {
    file,
    ...(feature !== undefined && { feature }),
    column: 'coordinates',
    value: `[${x}, ${y}]`,
    message: `The coordinates are in metres, not degrees: every feature lies far beyond longitude ±180 and latitude ±90 (feature ${feature} is at [${x}, ${y}]), as in a projected system such as Web Mercator (EPSG:3857) or a UTM zone. Expected [longitude, latitude] in degrees: ${fix}`,
    severity: 'error',
  };
}

/** The name a GeoJSON's "crs" gives ({ "type": "name", "properties": { "name": "urn:ogc:def:crs:EPSG::3857" } }, or an EPSG code), or null. */
function crsName(crs: Json | undefined): string | null {
  if (!isObject(crs) || !isObject(crs.properties)) return null;
  const { name, code } = crs.properties;
  if (typeof name === 'string' && name.trim() !== '') return name.trim();
  if (typeof code === 'number' || typeof code === 'string') return `EPSG:${code}`;
  return null;
}

/** A CRS name's EPSG code ("urn:ogc:def:crs:EPSG::3857", "EPSG:32643"; OGC's CRS84 is 4326's axes in GeoJSON's order), or null. */
function epsgCode(name: string): number | null {
  if (/CRS:?84|CRS:?83|CRS:?27/i.test(name)) return 4326;
  const m = /EPSG:*(?:[\d.]*:)?(\d+)\s*$/i.exec(name) ?? /EPSG\/0\/(\d+)/i.exec(name);
  return m ? Number(m[1]) : null;
}

/**
 * A projected system's name (metres), '' for one known projected but not named here, or null for
 * a system not known to be projected (a geographic one, in degrees, or an unknown code). EPSG
 * numbers projected systems 2000–3999 and 20000–32766 (UTM zones, national grids); Esri's and
 * the older codes for Web Mercator besides.
 */
function projectedSystem(code: number): string | null {
  if ([3857, 3785, 900913, 102100, 102113].includes(code)) return 'Web Mercator';
  if (code >= 32601 && code <= 32660) return `UTM zone ${code - 32600}N`;
  if (code >= 32701 && code <= 32760) return `UTM zone ${code - 32700}S`;
  if (code === 27700) return 'British National Grid';
  if ((code >= 2000 && code < 4000) || (code >= 20000 && code <= 32766)) return '';
  return null;
}

/** Where a JSON.parse error is (its 1-based line, when the engine gives a position) and whether the text was cut short. */
