import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Position } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { basemapGeoJson } from '../../scripts/basemap-shapes';

const topology = JSON.parse(
  readFileSync(createRequire(import.meta.url).resolve('world-atlas/countries-110m.json'), 'utf8'),
) as Topology<{ countries: GeometryCollection }>;
const shapes = basemapGeoJson(topology, 2);
const rings = shapes.features.flatMap((f) =>
  f.geometry.type === 'Polygon'
    ? f.geometry.coordinates
    : f.geometry.type === 'MultiPolygon'
      ? f.geometry.coordinates.flat()
      : [],
);

describe('the overview basemap made at build time', () => {
  it('keeps every country of Natural Earth 1:110m, without properties', () => {
    expect(shapes.features).toHaveLength(177);
    expect(shapes.features.every((f) => Object.keys(f.properties ?? {}).length === 0)).toBe(true);
  });

  it('has closed rings of at least 4 points, none repeated in a row', () => {
    for (const ring of rings) {
      expect(ring.length).toBeGreaterThanOrEqual(4);
      expect(ring[0]).toEqual(ring[ring.length - 1]);
      ring.slice(1).forEach((p: Position, i) => expect(p).not.toEqual(ring[i]));
    }
  });

  it('rounds coordinates to 0.01° and keeps them on the globe (east of 180° only where a shape crosses it)', () => {
    for (const [lon, lat] of rings.flat() as [number, number][]) {
      expect(Math.round(lon * 100) / 100).toBe(lon);
      expect(Math.round(lat * 100) / 100).toBe(lat);
      expect(Math.abs(lon)).toBeLessThanOrEqual(360);
      expect(Math.abs(lat)).toBeLessThanOrEqual(90);
    }
    const crossing = rings.filter((r) => r.some(([lon]) => Math.abs(lon!) > 180));
    expect(crossing.length).toBeGreaterThan(0); // Chukotka, Fiji
    expect(crossing.length).toBeLessThan(10);
  });

  it('draws no band across the world: no step of a ring is longer than 180° of longitude', () => {
    // A ring that jumps from +180° to −180° (the antimeridian) is a line across the whole map in Leaflet.
    // A ring around a pole (Antarctica) closes along the pole itself, off the map's edge.
    const atPole = (p: Position) => Math.abs(p[1]!) === 90;
    for (const ring of rings)
      ring.slice(1).forEach((p, i) => {
        if (!(atPole(p) && atPole(ring[i]!))) expect(Math.abs(p[0]! - ring[i]![0]!)).toBeLessThanOrEqual(180);
      });
  });

  it('is small enough to parse on a phone: under 200 KB of JSON', () => {
    expect(JSON.stringify(shapes).length).toBeLessThan(200_000);
  });
});
