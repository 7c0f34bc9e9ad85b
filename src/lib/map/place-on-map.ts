import L from 'leaflet';
import { findLabelSpot, hitAreas, labelSpots, placeMarkers, type Box, type PlacedMarker, type Rect } from './placement';
import { popupOptions, TIP_POINT_ABOVE_FOOT } from './popup-options';
import type { PlacedVenue } from './venue-layers';
import { TARGET } from './venue-markers';

/**
 * Measures the venue markers where they are on screen and moves those that would overlap each other,
 * a label or a map control apart (placement.ts decides where, and puts a name over another's marker
 * on its own marker's other side first), with a leader line back to their place.
 * A label that would run past the map's edge goes on the marker's other side.
 * Returns how many venues in view have their name hidden for want of room.
 */
export function placeOnMap(m: L.Map, items: readonly PlacedVenue[]): number {
  const container = m.getContainer();
  const frame = container.getBoundingClientRect();
  // The popups' room, alike for every marker: read once, before the markers are moved (read per
  // marker, between their moves, it laid the whole page out again each time: 14 ms at 1× on a phone).
  const { belowButtons, ...popupRoom } = popupOptions(m);
  // The map's buttons and credit, on screen: markers are kept off them, and so are names; and off the
  // credit's links, which reach above it (targets 24 px tall, map.css).
  const controls = [...container.querySelectorAll<HTMLElement>('.leaflet-control, .leaflet-control-attribution a')].map(
    (c) => c.getBoundingClientRect(),
  );
  const obstacles: Box[] = controls.map((r) => ({
    x: r.left - frame.left,
    y: r.top - frame.top,
    width: r.width,
    height: r.height,
  }));
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
      face.classList.remove('label-above', 'label-below', 'label-hidden');
      face.style.removeProperty('--label-dx');
      face.style.removeProperty('--label-dy');
      const width = label.offsetWidth;
      const pastRight = p.x + size / 2 + width > frame.width;
      const pastLeft = p.x - size / 2 - width < 0;
      const flipped = side === 'right' ? pastRight && !pastLeft : pastLeft && !pastRight;
      const now = flipped ? (side === 'right' ? 'left' : 'right') : side;
      face.classList.toggle('label-left', now === 'left');
      face.classList.toggle('label-right', now === 'right');
    }
    return {
      id: summary.venue.id,
      x: p.x,
      y: p.y,
      size,
      // Markers are moved off each other and the map's buttons only, not off names: the names are
      // placed after them, each clear of every dot (flipCoveredLabels). Moved off names first, on a
      // 390 px phone Tehran went 48 px west and Islamabad 31 px south for names then put elsewhere.
      label: {
        width: 0,
        height: label?.offsetHeight ?? 0,
        side: el?.querySelector('.label-left') ? 'left' : 'right',
      },
      weight: Math.max(1, summary.meetings.length),
    };
  });
  const offsets = placeMarkers(placedMarkers, obstacles, { width: frame.width, height: frame.height });
  // A venue out of view keeps its name hidden: a name left on from before would show in part at the
  // map's edge ("don 5"), over names that are placed.
  for (const { marker } of items)
    if (!inView.some((v) => v.marker === marker))
      marker.getElement()?.querySelector('.venue-face')?.classList.add('label-hidden');
  for (const { marker, summary, radius } of items) {
    const el = marker.getElement();
    if (!el) continue;
    const { dx, dy, side } = offsets.get(summary.venue.id) ?? { dx: 0, dy: 0, side: null };
    // Its name on the side placement chose (the other one where it covered another's marker).
    const face = el.querySelector<HTMLElement>('.venue-face');
    if (face && side) {
      face.classList.toggle('label-left', side === 'left');
      face.classList.toggle('label-right', side === 'right');
    }
    const half = el.offsetWidth / 2;
    el.style.marginLeft = `${dx - half}px`;
    el.style.marginTop = `${dy - half}px`;
    el.style.setProperty('--dx', `${dx}px`);
    el.style.setProperty('--dy', `${dy}px`);
    el.style.setProperty('--leader-length', `${Math.hypot(dx, dy)}px`);
    el.style.setProperty('--leader-angle', `${Math.atan2(-dy, -dx)}rad`);
    el.classList.toggle('offset', dx !== 0 || dy !== 0);
    el.dataset.offset = `${dx},${dy}`;
    // The popup points at the marker where it is drawn, and fits the map as it is now. A phone's
    // (below the map's buttons, as wide as the map) has its tip's point half a pixel above the dot.
    const popup = marker.getPopup();
    const tip = belowButtons ? TIP_POINT_ABOVE_FOOT - 1 : -radius;
    if (popup) Object.assign(popup.options, popupRoom, { offset: L.point(dx, dy + tip) });
  }
  // Targets placement left overlapping share the overlap, each the part nearer its own dot: a tap on
  // Dushanbe's centre opened Rawalpindi, whose square (drawn above it) reached over it.
  const targets = items.map(({ marker, summary }) => {
    const p = m.latLngToContainerPoint(marker.getLatLng());
    const { dx, dy } = offsets.get(summary.venue.id) ?? { dx: 0, dy: 0 };
    return { x: p.x + dx, y: p.y + dy, size: marker.getElement()?.offsetWidth || TARGET };
  });
  hitAreas(targets).forEach((cell, i) => {
    const el = items[i]!.marker.getElement();
    if (!cell) el?.style.removeProperty('--hit-clip');
    else
      el?.style.setProperty(
        '--hit-clip',
        `polygon(${cell.map(([x, y]) => `${+x.toFixed(1)}px ${+y.toFixed(1)}px`).join(', ')})`,
      );
  });
  // Where an offset venue really is (its leader line's end): a name over it would look like its label.
  const anchors = new Map<L.Marker, Rect>();
  for (const { marker, summary } of inView) {
    const { dx, dy } = offsets.get(summary.venue.id) ?? { dx: 0, dy: 0 };
    if (dx === 0 && dy === 0) continue;
    const p = m.latLngToContainerPoint(marker.getLatLng());
    const [x, y] = [frame.left + p.x, frame.top + p.y];
    anchors.set(marker, { left: x - 3, right: x + 3, top: y - 3, bottom: y + 3 });
  }
  // A marker drawn farther than its own target's width from its place keeps its dot and line, not its
  // name: beside a dot pushed 80–130 px off among many venues, a 390 px phone read "Tehran" over the
  // Balkans and "Tashkent" west of Europe. Within a target's width its name is at most ~40 px from the
  // place (half a target and a 5 px gap beyond the dot), nearer it than to a neighbour's name.
  const far = new Set(
    inView
      .filter(({ summary }) => {
        const { dx, dy } = offsets.get(summary.venue.id) ?? { dx: 0, dy: 0 };
        return Math.hypot(dx, dy) > FARTHEST_NAMED;
      })
      .map(({ marker }) => marker),
  );
  return flipCoveredLabels(inView, frame, controls, anchors, far);
}

/** How far (px) a marker may be drawn from its place and keep its name shown: one touch target. */
export const FARTHEST_NAMED = TARGET;

/**
 * Names placed busiest venue first, each where it covers no marker's dot, map button or name placed before it:
 * its side, its marker's other side, above or below it, then the same slid a little along its marker
 * (the first that is clear and inside the map: see labelSpots).
 * Placement keeps markers off names, not names off each other, and may stop short among many. A
 * name with no clear spot is hidden (its marker still says it, to the pointer, the popup and a
 * screen reader) rather than drawn half under a dot: zooming in gives it room again; so is the name of a
 * marker drawn `far` from its place. Returns how many are hidden.
 */
function flipCoveredLabels(
  items: readonly PlacedVenue[],
  frame: Rect,
  controls: readonly Rect[],
  anchors: ReadonlyMap<L.Marker, Rect>,
  far: ReadonlySet<L.Marker>,
): number {
  const drawn = items
    .flatMap(({ marker, summary }) => {
      const el = marker.getElement();
      const face = el?.querySelector<HTMLElement>('.venue-face');
      const label = el?.querySelector<HTMLElement>('.venue-label');
      const dot = el?.querySelector<HTMLElement>('.venue-dot');
      return el && face && label && dot
        ? [
            {
              marker,
              face,
              weight: summary.meetings.length,
              target: el.getBoundingClientRect() as Rect,
              dot: dot.getBoundingClientRect() as Rect,
              label: label.getBoundingClientRect() as Rect,
            },
          ]
        : [];
    })
    .sort((a, b) => b.weight - a.weight);
  const settled: Rect[] = [];
  let hidden = 0;
  for (const d of drawn) {
    // What a person sees covered: another dot (its touch target may be larger), the place another
    // venue's leader line points to (under "London 5", Berlin's read as a line to London) or a name.
    const others = drawn
      .filter((o) => o !== d)
      .flatMap((o) => [o.dot, ...(anchors.has(o.marker) ? [anchors.get(o.marker)!] : [])])
      .concat(settled, controls);
    const right = d.face.classList.contains('label-right');
    // Every spot inside the map (the name's own side too: a pan can leave it past the edge) and
    // clear of the map's buttons, other dots and names placed before it.
    const spot = far.has(d.marker) ? undefined : findLabelSpot(labelSpots(d.target, d.label, right), frame, others);
    if (!spot) {
      d.face.classList.add('label-hidden');
      hidden++;
      continue;
    }
    const { place, rect, dx, dy } = spot;
    if (dx) d.face.style.setProperty('--label-dx', `${dx}px`);
    if (dy) d.face.style.setProperty('--label-dy', `${dy}px`);
    if (place === 'label-left' || place === 'label-right') {
      d.face.classList.toggle('label-right', place === 'label-right');
      d.face.classList.toggle('label-left', place === 'label-left');
    } else if (place) d.face.classList.add(place);
    settled.push(rect);
  }
  return hidden;
}
