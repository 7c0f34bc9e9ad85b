import L from 'leaflet';
import type { FeatureCollection } from 'geojson';

/** The offline basemap: land and borders as vector shapes, no tiles. */
export function countriesLayer(countries: FeatureCollection): L.GeoJSON {
  return L.geoJSON(countries, {
    interactive: false,
    attribution: 'Country shapes: Natural Earth',
    // Colours come from CSS (.basemap-country), so the theme can change them.
    style: () => ({ className: 'basemap-country', weight: 0.8, fillOpacity: 1 }),
  });
}

/** The optional online basemap. It requests tiles from OpenStreetMap only once the viewer switches it on. */
export function openStreetMapLayer(): L.TileLayer {
  return L.tileLayer('https://tile.openstreetmap.org/{z}/{x}/{y}.png', {
    maxZoom: 19,
    attribution: '&copy; OpenStreetMap contributors',
  });
}
