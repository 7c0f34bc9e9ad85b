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
  requested ??= nextTask(true)
    .then(() => import('./VenueMap.svelte'))
    // Leaflet's code runs in one task, the map is drawn in the next: two shorter tasks, not one long one.
    .then((module) => nextTask(false).then(() => module));
  requested.catch(() => (requested = null));
  return requested;
}

/** Resolves in a later task (after the next frame is painted, with `afterPaint`). */
function nextTask(afterPaint: boolean): Promise<void> {
  return new Promise((resolve) =>
    afterPaint ? requestAnimationFrame(() => setTimeout(resolve, 0)) : setTimeout(resolve, 0),
  );
}
