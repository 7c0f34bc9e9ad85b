import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import { unwrapRing } from '../src/lib/map/antimeridian.ts';

/**
 * Turns a world-atlas TopoJSON topology into the GeoJSON the map draws as it is: country shapes
 * with no properties (the basemap only fills and outlines them), coordinates rounded to `digits`
 * decimals (at 1:110m, 0.01° ≈ 1 km is finer than the data) and repeated points dropped. Done at
 * build time, so the browser only parses JSON and never runs topojson on its main thread.
 */
export function basemapGeoJson(topology: Topology<{ countries: GeometryCollection }>, digits = 2): FeatureCollection {
  const scale = 10 ** digits;
  const round = (p: Position): Position => [Math.round(p[0]! * scale) / scale, Math.round(p[1]! * scale) / scale];
  /** A ring with repeated points removed; null when fewer than 4 points (a closed triangle) remain. */
  const ring = (points: Position[]): Position[] | null => {
    const out: Position[] = [];
    for (const p of unwrapRing(points.map(round))) {
      const last = out[out.length - 1];
      if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
    }
    return out.length >= 4 ? out : null;
  };
  const polygon = (rings: Position[][]): Position[][] | null => {
    const outer = ring(rings[0] ?? []);
    if (!outer) return null;
    const holes = rings
      .slice(1)
      .map(ring)
      .filter((r): r is Position[] => r !== null);
    return [outer, ...holes];
  };
  const geometry = (g: Geometry): Geometry | null => {
    if (g.type === 'Polygon') {
      const p = polygon(g.coordinates);
      return p && { type: 'Polygon', coordinates: p };
    }
    if (g.type === 'MultiPolygon') {
      const ps = g.coordinates.map(polygon).filter((p): p is Position[][] => p !== null);
      return ps.length ? { type: 'MultiPolygon', coordinates: ps } : null;
    }
    return null;
  };
  const countries = feature(topology, topology.objects.countries) as FeatureCollection;
  const features: Feature[] = [];
  for (const f of countries.features) {
    const g = f.geometry && geometry(f.geometry);
    if (g) features.push({ type: 'Feature', properties: {}, geometry: g });
  }
  return { type: 'FeatureCollection', features };
}
