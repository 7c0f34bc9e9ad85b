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
    const map = L.map(node, options);
    const resize = new ResizeObserver(() => map.invalidateSize({ pan: false }));
    resize.observe(node);
    ready(map);
    return () => {
      resize.disconnect();
      ready(null);
      map.remove();
    };
  };
