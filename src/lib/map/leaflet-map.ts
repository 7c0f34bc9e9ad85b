import L from 'leaflet';
import type { Attachment } from 'svelte/attachments';

/**
 * Creates the Leaflet map on its element once and removes it when the element goes.
 * Reads no reactive state, so nothing re-runs it: layers are added by their own effects.
 * Keeps the map's size in step with its element (Leaflet by itself only follows the window).
 */
export const leafletMap =
  (options: L.MapOptions, ready: (map: L.Map | null) => void): Attachment<HTMLElement> =>
  (node) => {
    const map = L.map(node, { ...options, ...motionOptions(), ...touchOptions() });
    const resize = new ResizeObserver(() => map.invalidateSize({ pan: false }));
    resize.observe(node);
    ready(map);
    return () => {
      resize.disconnect();
      ready(null);
      map.remove();
    };
  };

/**
 * A viewer who asks for less motion (prefers-reduced-motion) gets zooms that jump, without
 * Leaflet's 250 ms scaling of the map, its markers and their fades. Read when the map is made:
 * Leaflet sets its zoom animation up once, so a change of the setting applies to the next map.
 */
export function motionOptions(
  reduce = globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false,
): L.MapOptions {
  return reduce ? { zoomAnimation: false, fadeAnimation: false, markerZoomAnimation: false } : {};
}

/**
 * On a touch screen (a coarse primary pointer: phones, tablets) one finger scrolls the page and
 * two move and zoom the map. With Leaflet's one-finger drag the map, 90% of a phone held on its
 * side, caught every swipe that began on it and the page could not be scrolled past it. Leaflet's
 * pinch follows the two fingers' midpoint, so they pan as they zoom; its CSS then leaves the page
 * its vertical and sideways scrolling (touch-action: pan-x pan-y). A mouse on such a device
 * zooms and pans by its wheel, the buttons and the keys.
 */
export function touchOptions(coarse = globalThis.matchMedia?.('(pointer: coarse)').matches ?? false): L.MapOptions {
  return coarse ? { dragging: false } : {};
}
