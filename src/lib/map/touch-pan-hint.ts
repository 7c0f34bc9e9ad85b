import type L from 'leaflet';

/** How long the hint stays after the last one-finger move over the map. */
const HINT_MS = 1500;

/**
 * Where one finger scrolls the page rather than moving the map (touchOptions), a swipe over the
 * map says once it moves: "Use two fingers to move the map", over the map, for a moment, as map
 * sites do. Text by textContent; shown to sight only (a screen reader's swipes do not reach here).
 */
export function addTouchPanHint(map: L.Map): () => void {
  if (map.dragging.enabled()) return () => {};
  const container = map.getContainer();
  const hint = document.createElement('div');
  hint.className = 'touch-pan-hint';
  hint.setAttribute('aria-hidden', 'true');
  hint.textContent = 'Use two fingers to move the map';
  container.append(hint);
  let start: { x: number; y: number } | null = null;
  let timer = 0;
  const onstart = (e: TouchEvent) => {
    const t = e.touches[0];
    start = e.touches.length === 1 && t ? { x: t.clientX, y: t.clientY } : null;
  };
  const onmove = (e: TouchEvent) => {
    const t = e.touches[0];
    if (!start || e.touches.length !== 1 || !t) {
      hint.classList.remove('shown');
      return;
    }
    // A tap that wobbles is not a swipe.
    if (Math.hypot(t.clientX - start.x, t.clientY - start.y) < 12) return;
    hint.classList.add('shown');
    clearTimeout(timer);
    timer = window.setTimeout(() => hint.classList.remove('shown'), HINT_MS);
  };
  container.addEventListener('touchstart', onstart, { passive: true });
  container.addEventListener('touchmove', onmove, { passive: true });
  return () => {
    clearTimeout(timer);
    container.removeEventListener('touchstart', onstart);
    container.removeEventListener('touchmove', onmove);
    hint.remove();
  };
}
