import L from 'leaflet';
import type { FeatureCollection } from 'geojson';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { countriesLayer } from '../../src/lib/map/basemap';

/** `n` small square countries. */
const squares = (n: number): FeatureCollection => ({
  type: 'FeatureCollection',
  features: Array.from({ length: n }, (_, i) => ({
    type: 'Feature',
    properties: {},
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [i, 0],
          [i + 0.5, 0],
          [i + 0.5, 0.5],
          [i, 0.5],
          [i, 0],
        ],
      ],
    },
  })),
});

describe('the offline basemap’s credit', () => {
  let map: L.Map | undefined;
  afterEach(() => {
    map?.remove();
    document.body.replaceChildren();
  });

  it('is written once for the layer, not once for each country drawn (the credit line is rebuilt each time)', () => {
    map = L.map(document.body.appendChild(document.createElement('div')), { center: [0, 20], zoom: 3 });
    const credit = vi.spyOn(map.attributionControl!, 'addAttribution');
    const layer = countriesLayer();
    map.addLayer(layer);
    layer.addData(squares(40));
    layer.addData(squares(40));
    expect(layer.getLayers()).toHaveLength(80);
    expect(credit.mock.calls.filter(([text]) => text)).toEqual([['Country shapes: Natural Earth']]);
    expect(map.attributionControl!.getContainer()!.textContent).toContain('Country shapes: Natural Earth');
    map.removeLayer(layer);
    expect(map.attributionControl!.getContainer()!.textContent).not.toContain('Natural Earth');
  });
});
