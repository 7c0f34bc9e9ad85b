import L from 'leaflet';
import type { FeatureCollection } from 'geojson';
import { runInSlices, type Steps } from '../data/steps';
import { COUNTRY_SHAPES_CREDIT, loadCountries, loadOverview } from './countries';

/** At this zoom and closer the map swaps the 1:110m overview for the 1:50m shapes. */
export const DETAIL_ZOOM = 5;

/** The offline basemap: land and borders as vector shapes, no tiles. Empty until filled. */
export function countriesLayer(countries?: FeatureCollection): L.GeoJSON {
  const layer = L.geoJSON(countries, {
    interactive: false,
    // Colours come from CSS (.basemap-country), so the theme can change them.
    style: () => ({ className: 'basemap-country', weight: 0.8, fillOpacity: 1 }),
  });
  // The credit is the layer's, not each country's: given in the options, it is passed to every
  // country's shape, and the map's credit line was written anew (innerHTML) for each of 177 shapes.
  layer.getAttribution = () => COUNTRY_SHAPES_CREDIT;
  return layer;
}

/** Milliseconds of drawing countries per task: a phone's main thread (4× slower) is never held for 50 ms by the basemap. */
const BUDGET_MS = 8;

/** The countries of `shapes`, added to `layer` one at a time; stops at the first after `cancelled()`. */
function* countrySteps(layer: L.GeoJSON, shapes: FeatureCollection, cancelled: () => boolean): Steps<void> {
  for (const feature of shapes.features) {
    if (cancelled()) return;
    layer.addData(feature);
    yield;
  }
}

/** Draws `shapes` into `layer` (already on the map) in slices of a few milliseconds. */
function fillInSlices(layer: L.GeoJSON, shapes: FeatureCollection, cancelled: () => boolean): Promise<void> {
  return runInSlices(countrySteps(layer, shapes, cancelled), { budgetMs: BUDGET_MS });
}

/**
 * Fills `group` with the overview country shapes, and with the finer ones while the map is
 * zoomed in to DETAIL_ZOOM or closer (fetched, in a worker, the first time that happens, and
 * drawn over the overview until complete; if they cannot load, the overview stays). Both are
 * drawn a few countries per task. `onfail` is called if the overview cannot load. Returns the
 * cleanup.
 */
export function offlineBasemap(map: L.Map, group: L.LayerGroup, onfail: () => void): () => void {
  let cancelled = false;
  const isCancelled = () => cancelled;
  let overview: L.GeoJSON | null = null;
  let detail: L.GeoJSON | null = null;
  let detailState: 'none' | 'loading' | 'ready' = 'none';
  const show = () => {
    const fine = map.getZoom() >= DETAIL_ZOOM;
    if (fine && detailState === 'none') {
      detailState = 'loading';
      loadCountries()
        .then(async (shapes) => {
          if (cancelled) return;
          const layer = (detail = countriesLayer());
          group.addLayer(layer); // over the overview while it fills
          await fillInSlices(layer, shapes, isCancelled);
          detailState = 'ready';
          show();
        })
        .catch(() => (detailState = 'none')); // asked again at the next zoom
    }
    if (detailState !== 'ready' || !detail) return;
    const [wanted, other] = fine ? [detail, overview] : [overview ?? detail, detail];
    if (other && other !== wanted) group.removeLayer(other);
    if (!group.hasLayer(wanted)) group.addLayer(wanted);
  };
  // The overview's layer is on the map at once, empty until its shapes come: its attribution shows
  // with the map, not when they come (the control would grow then and move: layout shift).
  const layer = countriesLayer();
  group.addLayer(layer);
  loadOverview()
    .then(async (shapes) => {
      if (cancelled) return;
      overview = layer;
      await fillInSlices(layer, shapes, isCancelled);
      if (group.hasLayer(layer)) layer.bringToBack();
      show();
    })
    .catch(() => {
      if (cancelled) return;
      group.removeLayer(layer);
      onfail();
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
