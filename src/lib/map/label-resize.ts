import type { PlacedVenue } from './venue-layers';

/**
 * Calls `changed` when a venue's name changes size after it was first laid out: a new count
 * ("2/3" while filtering), or the reader's text spacing (a style sheet sends no event, and widened
 * letters ran "Islamabad 2/3" past the map's edge on a phone: WCAG 1.4.12). Called as the page is
 * laid out, before it paints, so the names are placed again within the frame that changed them.
 * A name's first size is the placement's own business. Returns the cleanup.
 */
export function onLabelResize(items: readonly PlacedVenue[], changed: () => void): () => void {
  const seen = new WeakSet<Element>();
  const resize = new ResizeObserver((entries) => {
    let resized = false;
    for (const { target } of entries)
      if (seen.has(target)) resized = true;
      else seen.add(target);
    if (resized) changed();
  });
  for (const { marker } of items) {
    const label = marker.getElement()?.querySelector('.venue-label');
    if (label) resize.observe(label);
  }
  return () => resize.disconnect();
}
