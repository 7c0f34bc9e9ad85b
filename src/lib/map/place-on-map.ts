import L from 'leaflet';
import { placeMarkers, type Box, type PlacedMarker } from './placement';
import { popupOptions } from './popup-options';
import type { PlacedVenue } from './venue-layers';
import { TARGET } from './venue-markers';

/**
 * Measures the venue markers where they are on screen and moves those that would overlap each other,
 * a label or a map control apart (placement.ts decides where), with a leader line back to their place.
 * A label that would run past the map's edge goes on the marker's other side.
 */
export function placeOnMap(m: L.Map, items: readonly PlacedVenue[]): void {
  const container = m.getContainer();
  const frame = container.getBoundingClientRect();
  const obstacles: Box[] = [...container.querySelectorAll<HTMLElement>('.leaflet-control')].map((c) => {
    const r = c.getBoundingClientRect();
    return { x: r.left - frame.left, y: r.top - frame.top, width: r.width, height: r.height };
  });
  // Only venues in view take part: one outside it, pulled inside the map's edge, would be drawn where
  // it is not (zoomed in, Brussels sat under the zoom buttons), with a leader line running off the map.
  const inView = items.filter(({ marker }) => {
    const p = m.latLngToContainerPoint(marker.getLatLng());
    return p.x >= 0 && p.y >= 0 && p.x <= frame.width && p.y <= frame.height;
  });
  const placedMarkers: PlacedMarker[] = inView.map(({ marker, summary, side }) => {
    const p = m.latLngToContainerPoint(marker.getLatLng());
    const el = marker.getElement();
    const label = el?.querySelector<HTMLElement>('.venue-label');
    const size = el?.offsetWidth || TARGET;
    // A label that would run past the map's edge goes on the marker's other side (a phone).
    const face = el?.querySelector<HTMLElement>('.venue-face');
    if (face && label) {
      const width = label.offsetWidth;
      const pastRight = p.x + size / 2 + width > frame.width;
      const pastLeft = p.x - size / 2 - width < 0;
      const flipped = side === 'right' ? pastRight && !pastLeft : pastLeft && !pastRight;
      const now = flipped ? (side === 'right' ? 'left' : 'right') : side;
      face.classList.toggle('label-left', now === 'left');
      face.classList.toggle('label-right', now === 'right');
    }
    // The label's box as drawn: from the target's edge, with the space between them.
    let reach = label?.offsetWidth ?? 0;
    if (el && label) {
      const target = el.getBoundingClientRect();
      const box = label.getBoundingClientRect();
      reach = Math.max(box.right - target.right, target.left - box.left, reach);
    }
    return {
      id: summary.venue.id,
      x: p.x,
      y: p.y,
      size,
      label: {
        width: reach,
        height: label?.offsetHeight ?? 0,
        side: el?.querySelector('.label-left') ? 'left' : 'right',
      },
      weight: Math.max(1, summary.meetings.length),
    };
  });
  const offsets = placeMarkers(placedMarkers, obstacles, { width: frame.width, height: frame.height });
  for (const { marker, summary, radius } of items) {
    const el = marker.getElement();
    if (!el) continue;
    const { dx, dy } = offsets.get(summary.venue.id) ?? { dx: 0, dy: 0 };
    const half = el.offsetWidth / 2;
    el.style.marginLeft = `${dx - half}px`;
    el.style.marginTop = `${dy - half}px`;
    el.style.setProperty('--dx', `${dx}px`);
    el.style.setProperty('--dy', `${dy}px`);
    el.style.setProperty('--leader-length', `${Math.hypot(dx, dy)}px`);
    el.style.setProperty('--leader-angle', `${Math.atan2(-dy, -dx)}rad`);
    el.classList.toggle('offset', dx !== 0 || dy !== 0);
    el.dataset.offset = `${dx},${dy}`;
    // The popup points at the marker where it is drawn, and fits the map as it is now.
    const popup = marker.getPopup();
    if (popup) Object.assign(popup.options, popupOptions(m), { offset: L.point(dx, dy - radius) });
  }
  flipCoveredLabels(inView, frame);
}

type Rect = { left: number; right: number; top: number; bottom: number };
const meets = (a: Rect, b: Rect) => a.left < b.right && a.right > b.left && a.top < b.bottom && a.bottom > b.top;

/**
 * A name still lying over another marker or name once the markers are placed (placement keeps
 * markers off names, not names off each other, and may stop short among many) goes on its
 * marker's other side where that side is clear and inside the map.
 */
function flipCoveredLabels(items: readonly PlacedVenue[], frame: Rect): void {
  const drawn = items.flatMap(({ marker }) => {
    const el = marker.getElement();
    const face = el?.querySelector<HTMLElement>('.venue-face');
    const label = el?.querySelector<HTMLElement>('.venue-label');
    return el && face && label
      ? [{ face, target: el.getBoundingClientRect() as Rect, label: label.getBoundingClientRect() as Rect }]
      : [];
  });
  for (const d of drawn) {
    const others = drawn.filter((o) => o !== d).flatMap((o) => [o.target, o.label]);
    if (!others.some((o) => meets(d.label, o))) continue;
    const right = d.face.classList.contains('label-right');
    const width = d.label.right - d.label.left;
    const gap = right ? d.label.left - d.target.right : d.target.left - d.label.right;
    const left = right ? d.target.left - gap - width : d.target.right + gap;
    const mirrored = { left, right: left + width, top: d.label.top, bottom: d.label.bottom };
    if (mirrored.left < frame.left || mirrored.right > frame.right || others.some((o) => meets(mirrored, o))) continue;
    d.face.classList.toggle('label-right', !right);
    d.face.classList.toggle('label-left', right);
    d.label = mirrored;
  }
}
