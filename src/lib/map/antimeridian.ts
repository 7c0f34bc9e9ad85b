import type { Position } from 'geojson';

/**
 * A ring of [lon, lat] points made drawable on a flat map: Natural Earth cuts no shape at the
 * antimeridian (d3 draws on the sphere), so a ring that crosses it jumps from +180° to −180°,
 * and Leaflet, drawing straight lines, fills a band across the whole world. Each point's
 * longitude is shifted by 360° where needed so no step is longer than 180° (Chukotka and Fiji
 * run past 180° to the east, as on a globe). A ring around a pole (Antarctica) cannot close that
 * way: it is closed along the pole's parallel instead. Written by hand: d3-geo clips for its own
 * projections only, and no kept library cuts GeoJSON for Leaflet.
 */
export function unwrapRing(points: readonly Position[]): Position[] {
  if (points.length === 0) return [];
  const out: Position[] = [[points[0]![0]!, points[0]![1]!]];
  let shift = 0;
  let latSum = points[0]![1]!;
  for (let i = 1; i < points.length; i++) {
    const [lon, lat] = points[i] as [number, number];
    const prev = out[out.length - 1]![0]!;
    let x = lon + shift;
    // Whole turns that bring this point within 180° of the one before.
    const turns = Math.round((prev - x) / 360);
    x += turns * 360;
    shift += turns * 360;
    out.push([x, lat]);
    latSum += lat;
  }
  const first = out[0]!;
  const last = out[out.length - 1]!;
  if (Math.abs(last[0]! - first[0]!) > 180) {
    const pole = latSum / points.length < 0 ? -90 : 90;
    out.push([last[0]!, pole], [first[0]!, pole], [first[0]!, first[1]!]);
  }
  return out;
}

/** The same for every ring of a Polygon or MultiPolygon (other geometries pass unchanged). */
export function unwrapGeometry<G extends { type: string; coordinates?: unknown }>(g: G): G {
  if (g.type === 'Polygon') return { ...g, coordinates: (g.coordinates as Position[][]).map(unwrapRing) };
  if (g.type === 'MultiPolygon')
    return { ...g, coordinates: (g.coordinates as Position[][][]).map((p) => p.map(unwrapRing)) };
  return g;
}
