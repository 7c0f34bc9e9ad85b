import type { Venue } from '../data/schema';

/** A venue placed outside the country its row names; `swapped`: inside it read the other way round. */
export interface VenueOutside {
  venue: Venue;
  swapped: boolean;
}

/**
 * The venues placed outside the country their row names (venue-countries.ts), checked in a
 * worker of their own: the outlines stay out of the page's code (and out of the one-file briefing,
 * which inlines every import but not a worker). Nothing (an empty list) where there are no workers.
 * `signal` ends the worker when the answer is no longer wanted (the data shown changed again).
 */
export function venuesOutside(venues: readonly Venue[], signal?: AbortSignal): Promise<VenueOutside[]> {
  if (typeof Worker === 'undefined' || venues.length === 0) return Promise.resolve([]);
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./venue-countries.worker.ts', import.meta.url), { type: 'module' });
    signal?.addEventListener('abort', () => {
      worker.terminate();
      reject(signal.reason);
    });
    worker.onmessage = (e: MessageEvent<{ at: number; swapped: boolean }[]>) => {
      worker.terminate();
      resolve(e.data.map(({ at, swapped }) => ({ venue: venues[at]!, swapped })));
    };
    worker.onerror = () => {
      worker.terminate();
      reject(new Error('The venues could not be checked.'));
    };
    worker.postMessage(venues.map(({ id, name, country, lon, lat }) => ({ id, name, country, lon, lat })));
  });
}
