import L from 'leaflet';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { FeatureCollection } from 'geojson';
import countriesUrl from 'world-atlas/countries-50m.json?url';

/** Natural Earth country shapes (1:50m) from world-atlas, served from our own origin. */
export async function loadCountries(fetcher: typeof fetch = fetch): Promise<FeatureCollection> {
  const response = await fetcher(countriesUrl);
  if (!response.ok) throw new Error(`Could not load the basemap: the server answered ${response.status}.`);
  const topology = (await response.json()) as Topology<{ countries: GeometryCollection }>;
  return feature(topology, topology.objects.countries);
}

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
