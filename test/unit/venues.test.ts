import { describe, expect, it } from 'vitest';
import { parseVenues } from '../../src/lib/data/venues';
import { detectKind } from '../../src/lib/ingest/detect';
import { uploadChecks } from '../../src/lib/ingest/upload-checks';
import { fixture } from '../fixtures/read';

describe('parseVenues', () => {
  it('says when coordinates look swapped, and keeps the good features', () => {
    const { rows, problems } = parseVenues(fixture('venues-swapped-coordinates.geojson'));
    expect(rows.map((v) => v.id)).toEqual(['brussels']);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'venues.geojson', feature: 2, column: 'coordinates', severity: 'error' });
    expect(problems[0]!.message).toMatch(/look swapped.*longitude first, \[139\.6503, 35\.6762\]/);
  });

  it('rejects a longitude out of range', () => {
    const { rows, problems } = parseVenues(fixture('venues-out-of-range.geojson'));
    expect(rows).toEqual([]);
    expect(problems[0]!.message).toMatch(/Longitude 190 is out of range/);
  });

  it('reports each problem by feature: no name, duplicate id, not a point, non-numeric coordinates, no id', () => {
    const { rows, problems } = parseVenues(fixture('venues-mixed-problems.geojson'));
    expect(rows.map((v) => [v.id, v.name])).toEqual([['brussels', 'brussels']]);
    expect(problems.map((p) => [p.feature, p.column, p.severity])).toEqual([
      [1, 'name', 'warning'],
      [2, 'id', 'error'],
      [3, 'geometry', 'error'],
      [4, 'coordinates', 'error'],
      [5, 'id', 'error'],
    ]);
  });

  it('takes the feature’s own text id where the properties have none (QGIS, ogr2ogr, mapshaper), but not a number a tool counts by', () => {
    const text = JSON.stringify({
      type: 'FeatureCollection',
      crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:OGC:1.3:CRS84' } },
      features: [
        {
          type: 'Feature',
          id: 'tokyo',
          geometry: { type: 'Point', coordinates: [139.69, 35.69, 0] },
          properties: { name: 'Tokyo' },
        },
        {
          type: 'Feature',
          id: 'ignored',
          geometry: { type: 'Point', coordinates: [2, 3] },
          properties: { id: 'paris', name: 'Paris' },
        },
        { type: 'Feature', id: 3, geometry: { type: 'Point', coordinates: [4, 5] }, properties: { name: 'Row three' } },
      ],
    });
    const { rows, problems } = parseVenues(text);
    expect(rows.map((v) => v.id)).toEqual(['tokyo', 'paris']);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ feature: 3, column: 'id', severity: 'error' });
    expect(problems[0]!.message).toContain('The feature\'s own "id" is 3, a number a tool counts features by');
  });

  it('a number as the id in the properties (QGIS numbers its features) is read, with a warning naming it', () => {
    const point = (coordinates: number[], properties: Record<string, unknown>) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates },
      properties,
    });
    const text = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        point([116.4, 39.9], { fid: 2, id: 7, name: 'Beijing', country: 'China' }),
        point([2.35, 48.85], { id: '8', name: 'Paris', country: 'France' }),
      ],
    });
    const { rows, problems } = parseVenues(text);
    expect(rows.map((v) => v.id)).toEqual(['7', '8']);
    // Only the JSON number: "8" written as text is an id someone chose.
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ feature: 1, column: 'id', value: '7', severity: 'warning' });
    expect(problems[0]!.message).toContain('The venue id 7 is a number, as a GIS tool numbers its features');
  });

  it('reads the properties in any case or spacing, as QGIS and ArcGIS write them (Name, COUNTRY, ID)', () => {
    const text = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [32.86, 39.93] },
          properties: { ID: 'ankara', Name: 'Ankara', COUNTRY: 'Türkiye' },
        },
        {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [2.35, 48.85] },
          properties: { ' Id ': 'paris', name: 'Paris', Country: 'France' },
        },
      ],
    });
    const { rows, problems } = parseVenues(text);
    expect(problems).toEqual([]);
    expect(rows.map((v) => [v.id, v.name, v.country])).toEqual([
      ['ankara', 'Ankara', 'Türkiye'],
      ['paris', 'Paris', 'France'],
    ]);
  });

  it('gives the line of a JSON syntax error', () => {
    const { rows, problems } = parseVenues(fixture('venues-invalid-json.geojson'));
    expect(rows).toEqual([]);
    expect(problems[0]).toMatchObject({ severity: 'error', line: 3 });
    expect(problems[0]!.message).toMatch(/not valid JSON/);
  });

  it('rejects JSON that is not a FeatureCollection', () => {
    expect(parseVenues('{"type":"Feature"}').problems[0]!.message).toMatch(/FeatureCollection/);
    expect(parseVenues('[]').problems[0]!.message).toMatch(/FeatureCollection/);
  });

  describe('as GIS tools and scripts write GeoJSON', () => {
    const feature = (id: string, geometry: object) => ({ type: 'Feature', geometry, properties: { id, name: id } });
    const point = (lon: number, lat: number) => ({ type: 'Point', coordinates: [lon, lat] });
    const multi = (...points: [number, number][]) => ({ type: 'MultiPoint', coordinates: points });

    it('reads a MultiPoint of one point (QGIS’s point layer from a shapefile) as that point; the upload says so once', () => {
      const text = JSON.stringify({
        type: 'FeatureCollection',
        features: [feature('a', point(1, 2)), feature('b', multi([4.35, 50.85])), feature('c', multi([73.05, 33.68]))],
      });
      const { rows, problems } = parseVenues(text, 'qgis.geojson');
      expect(rows.map((v) => [v.id, v.lon, v.lat])).toEqual([
        ['a', 1, 2],
        ['b', 4.35, 50.85],
        ['c', 73.05, 33.68],
      ]);
      // Nothing on every page load: the upload's review says it, not the data shown.
      expect(problems).toEqual([]);
      const said = uploadChecks({ venues: { name: 'qgis.geojson', text } });
      expect(said).toEqual([
        expect.objectContaining({
          file: 'qgis.geojson',
          feature: 2,
          column: 'geometry',
          value: 'MultiPoint',
          severity: 'warning',
        }),
      ]);
      expect(said[0]!.message).toContain('2 features’ geometries (this one first) are MultiPoints of one point');
    });

    it('a MultiPoint of several points is an error naming them: a venue is one place', () => {
      const text = JSON.stringify({ type: 'FeatureCollection', features: [feature('a', multi([1, 2], [3, 4]))] });
      const { rows, problems, leftOut } = parseVenues(text);
      expect(rows).toEqual([]);
      expect(problems).toEqual([
        expect.objectContaining({
          feature: 1,
          column: 'geometry',
          value: 'MultiPoint [[1,2],[3,4]]',
          severity: 'error',
        }),
      ]);
      expect(problems[0]!.message).toMatch(/A MultiPoint of 2 points.*Expected a Point geometry/);
      expect(leftOut?.get('a')).toBe(1); // the diff says its removal is only because of this feature
      expect(uploadChecks({ venues: { name: 'v.geojson', text } })).toEqual([]);
    });

    it('reads a collection whose "type" was left out, by its "features"; the upload says so', () => {
      const text = JSON.stringify({ features: [feature('a', point(1, 2))] });
      expect(detectKind(text)).toEqual({ kind: 'venues' });
      const { rows, problems, unreadable } = parseVenues(text);
      expect(unreadable).toBeUndefined();
      expect(rows.map((v) => v.id)).toEqual(['a']);
      expect(problems).toEqual([]);
      const said = uploadChecks({ venues: { name: 'v.geojson', text } });
      expect(said).toEqual([
        expect.objectContaining({ file: 'v.geojson', column: 'type', value: '', severity: 'warning' }),
      ]);
      expect(said[0]!.message).toContain('no "type": "FeatureCollection"');
    });

    it('features without their "type" are recognised as venues, and each is an error saying what a feature is', () => {
      const text = JSON.stringify({ features: [{ geometry: point(1, 2), properties: { id: 'a' } }] });
      expect(detectKind(text)).toEqual({ kind: 'venues' });
      expect(parseVenues(text).problems).toEqual([
        {
          file: 'venues.geojson',
          feature: 1,
          column: 'type',
          value: '',
          message: 'Expected a Feature object ("type": "Feature").',
          severity: 'error',
        },
      ]);
    });
  });

  it('reads a property named __proto__ as nothing special', () => {
    const text = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [1, 2] },
          properties: JSON.parse('{"__proto__":{"id":"evil"},"id":"x","name":"X"}'),
        },
      ],
    });
    const { rows } = parseVenues(text);
    expect(rows).toEqual([{ id: 'x', name: 'X', country: '', lon: 1, lat: 2 }]);
  });
});
