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
 * Fits the view to these places, and again when the map is resized, until the viewer pans or
 * zooms it themselves. Returns the cleanup.
 */
export function fitToPlaces(m: L.Map, points: [number, number][]): () => void {
  // Room on the right for the venue labels, which sit to the right of their dots (but for a crowded west neighbour).
  // Without animation: the view follows the frame at once, and a marker is never clicked mid-flight.
  const fit = () =>
    m.fitBounds(L.latLngBounds(points), {
      ...fitPadding(m.getSize()),
      maxZoom: 6,
      animate: false,
    });
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
