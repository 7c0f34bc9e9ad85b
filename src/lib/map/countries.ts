import type { FeatureCollection } from 'geojson';
import overviewUrl from 'virtual:basemap-overview';
import detailUrl from 'world-atlas/countries-50m.json?url';
import BasemapWorker from './basemap.worker.ts?worker&inline';

/** Whose country shapes these are: the live map's credit line and every export that draws them say so. */
export const COUNTRY_SHAPES_CREDIT = 'Country shapes: Natural Earth';

let overview: Promise<FeatureCollection> | null = null;
let detail: Promise<FeatureCollection> | null = null;

/** Retries after a failure rather than keeping it. */
function once(get: () => Promise<FeatureCollection>, clear: () => void): Promise<FeatureCollection> {
  const p = get();
  p.catch(clear);
  return p;
}

/**
 * The overview shapes: Natural Earth 1:110m countries, already GeoJSON (converted and rounded at
 * build time, ~50 KB gzip), so the page only parses them. Served from our own origin; fetched once.
 */
export function loadOverview(fetcher: typeof fetch = fetch): Promise<FeatureCollection> {
  return (overview ??= once(
    async () => {
      const response = await fetcher(overviewUrl);
      if (!response.ok) throw new Error(`Could not load the basemap: the server answered ${response.status}.`);
      return (await response.json()) as FeatureCollection;
    },
    () => (overview = null),
  ));
}

/**
 * The finer shapes (Natural Earth 1:50m, world-atlas), for a zoomed-in map and for exports:
 * fetched and converted from TopoJSON in a Web Worker, so the main thread only receives them.
 */
export function loadCountries(): Promise<FeatureCollection> {
  return (detail ??= once(
    () =>
      new Promise<FeatureCollection>((resolve, reject) => {
        const worker = new BasemapWorker();
        const done = () => worker.terminate();
        worker.onmessage = (e: MessageEvent<{ shapes?: FeatureCollection; error?: string }>) => {
          done();
          if (e.data.shapes) resolve(e.data.shapes);
          else reject(new Error(`Could not load the detailed basemap: ${e.data.error ?? 'unknown error'}.`));
        };
        worker.onerror = () => {
          done();
          reject(new Error('Could not load the detailed basemap.'));
        };
        worker.postMessage(new URL(detailUrl, document.baseURI).href);
      }),
    () => (detail = null),
  ));
}
