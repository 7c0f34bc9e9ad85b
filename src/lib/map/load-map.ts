import type VenueMap from './VenueMap.svelte';

type VenueMapModule = { default: typeof VenueMap };

let requested: Promise<VenueMapModule> | null = null;

/** Whether the map's code has been asked for yet (it is asked for once, then kept). */
export const mapRequested = (): boolean => requested !== null;

/**
 * The map's code: Leaflet, the largest part of the page, and the basemap it fetches. Asked for
 * once the data is shown, after the next frame, so the charts paint first and the map never
 * competes with them for the network or the main thread.
 */
export function loadVenueMap(): Promise<VenueMapModule> {
  requested ??= new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))).then(
    () => import('./VenueMap.svelte'),
  );
  requested.catch(() => (requested = null));
  return requested;
}
