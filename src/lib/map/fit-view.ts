import L from 'leaflet';

/**
 * The room kept round the venues: 60 px left, 120 px right (for the labels), 48 px above and below,
 * but in a small map never more than a sixth (left), a quarter (right) or a fifth (above and below) of it. In a short map (the
 * Embed code's frame in a phone's column leaves it 68 px) fixed padding taller than the map left
 * Leaflet no room to fit, and it showed open sea with no venue on it.
 */
export function fitPadding(size: { x: number; y: number }): {
  paddingTopLeft: [number, number];
  paddingBottomRight: [number, number];
} {
  const y = Math.min(48, Math.floor(size.y / 5));
  return {
    paddingTopLeft: [Math.min(60, Math.floor(size.x / 6)), y],
    paddingBottomRight: [Math.min(120, Math.floor(size.x / 4)), y],
  };
}

/**
 * The least zoom a map this wide may have: the world no narrower than the map (256 px at zoom 0),
 * in quarter steps, and never above 1 (a wide map keeps zoom 1). A phone's 258 px map stopped at
 * zoom 1, where Washington and Beijing are 275 px apart: Washington was off the map.
 */
export function leastZoom(width: number): number {
  return Math.min(1, Math.max(0, Math.floor(Math.log2(Math.max(1, width) / 256) * 4) / 4));
}

/**
 * Room kept round the venues when the usual room leaves one outside the map (a phone's map, venues
 * a world apart): a marker's half and a gap on each side. Their names then go where placement finds room.
 */
export const TIGHT_PADDING = 20;

/**
 * Fits the view to these places, and again when the map is resized, until the viewer pans or
 * zooms it themselves. Where the room kept for names would zoom it out below 1, it keeps a marker's
 * room instead, so that every place is in view and they are no closer than they must be. Returns the cleanup.
 */
export function fitToPlaces(m: L.Map, points: [number, number][]): () => void {
  // Room on the right for the venue labels, which sit to the right of their dots (but for a crowded west neighbour).
  // Without animation: the view follows the frame at once, and a marker is never clicked mid-flight.
  const fit = () => {
    const size = m.getSize();
    const least = leastZoom(size.x);
    if (m.getMinZoom() !== least) m.setMinZoom(least);
    const bounds = L.latLngBounds(points);
    const usual = fitPadding(size);
    const room = L.point(usual.paddingTopLeft).add(usual.paddingBottomRight);
    // Kept round venues a world apart on a phone, the usual room zooms the map out below 1 (or,
    // there, left Washington off it), where names crowd: the view keeps a marker's room instead.
    const y = usual.paddingTopLeft[1];
    const padding =
      m.getBoundsZoom(bounds, false, room) < 1
        ? {
            paddingTopLeft: [TIGHT_PADDING, y] as [number, number],
            paddingBottomRight: [TIGHT_PADDING, y] as [number, number],
          }
        : usual;
    m.fitBounds(bounds, { ...padding, maxZoom: 6, animate: false });
  };
  fit();
  let touched = false;
  const container = m.getContainer();
  const touch = () => (touched = true);
  const refit = () => {
    if (!touched) fit();
  };
  const inputs = ['pointerdown', 'wheel', 'keydown', 'touchstart'] as const;
  // Captured: a marker's Enter stops its keydown (it opens the venue's popup, which pans the map
  // into view); heard only as it bubbled, a later resize fitted the map back over the popup.
  for (const e of inputs) container.addEventListener(e, touch, { passive: true, capture: true });
  m.on('resize', refit);
  return () => {
    for (const e of inputs) container.removeEventListener(e, touch, { capture: true });
    m.off('resize', refit);
  };
}
