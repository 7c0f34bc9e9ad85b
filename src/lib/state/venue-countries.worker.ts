/// <reference lib="webworker" />
import type { Venue } from '../data/schema';
import { placedOutside } from '../data/venue-countries';

/**
 * The data panel's check of the venues shown (see venues-outside.ts), off the page's thread: it
 * carries the countries' outlines (Natural Earth 1:110m, 108 KB of TopoJSON). Message in: the
 * venues. Message out: the positions (in that list) of those placed outside their country, and
 * whether each looks swapped.
 */
self.onmessage = (event: MessageEvent<Venue[]>) => {
  const venues = event.data;
  const index = new Map(venues.map((v, i) => [v, i]));
  self.postMessage(placedOutside(venues).map(({ venue, swapped }) => ({ at: index.get(venue)!, swapped })));
};
