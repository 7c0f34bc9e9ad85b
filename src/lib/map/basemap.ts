import L from 'leaflet';
import type { FeatureCollection } from 'geojson';
import { loadCountries, loadOverview } from './countries';

/** At this zoom and closer the map swaps the 1:110m overview for the 1:50m shapes. */
export const DETAIL_ZOOM = 5;

/** The offline basemap: land and borders as vector shapes, no tiles. */
export function countriesLayer(countries: FeatureCollection): L.GeoJSON {
  return L.geoJSON(countries, {
    interactive: false,
    attribution: 'Country shapes: Natural Earth',
    // Colours come from CSS (.basemap-country), so the theme can change them.
    style: () => ({ className: 'basemap-country', weight: 0.8, fillOpacity: 1 }),
  });
}

/**
 * Fills `group` with the overview country shapes, and with the finer ones while the map is
 * zoomed in to DETAIL_ZOOM or closer (fetched, in a worker, the first time that happens; until
 * they arrive, or if they cannot, the overview stays). `onfail` is called if the overview cannot
 * load. Returns the cleanup.
 */
export function offlineBasemap(map: L.Map, group: L.LayerGroup, onfail: () => void): () => void {
  let cancelled = false;
  let overview: L.GeoJSON | null = null;
  let detail: L.GeoJSON | null = null;
  let detailAsked = false;
  const show = () => {
    const fine = map.getZoom() >= DETAIL_ZOOM;
    if (fine && !detailAsked) {
      detailAsked = true;
      loadCountries()
        .then((shapes) => {
          if (cancelled) return;
          detail = countriesLayer(shapes);
          show();
        })
        .catch(() => (detailAsked = false)); // asked again at the next zoom
    }
    const wanted = fine && detail ? detail : overview;
    for (const layer of [overview, detail]) if (layer && layer !== wanted) group.removeLayer(layer);
    if (wanted && !group.hasLayer(wanted)) group.addLayer(wanted);
  };
  loadOverview()
    .then((shapes) => {
      if (cancelled) return;
      overview = countriesLayer(shapes);
      show();
    })
    .catch(() => {
      if (!cancelled) onfail();
    });
  map.on('zoomend', show);
  return () => {
    cancelled = true;
    map.off('zoomend', show);
  };
}

/** The optional online basemap. It requests tiles from OpenStreetMap only once the viewer switches it on. */
export function openStreetMapLayer(): L.TileLayer {
  return L.tileLayer('https://tile.openstreetmap.org/{z}/{x}/{y}.png', {
    maxZoom: 19,
    attribution: '&copy; OpenStreetMap contributors',
  });
}
