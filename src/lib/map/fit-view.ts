import L from 'leaflet';

/**
 * Fits the view to these places, and again when the map is resized, until the viewer pans or
 * zooms it themselves. Returns the cleanup.
 */
export function fitToPlaces(m: L.Map, points: [number, number][]): () => void {
  // Room on the right for the venue labels, which sit to the right of their dots (but for a crowded west neighbour).
  // Without animation: the view follows the frame at once, and a marker is never clicked mid-flight.
  const fit = () =>
    m.fitBounds(L.latLngBounds(points), {
      paddingTopLeft: [60, 48],
      paddingBottomRight: [120, 48],
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
