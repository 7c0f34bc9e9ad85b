import L from 'leaflet';
import { GAP } from './placement';
import { MAX_RADIUS, TARGET } from './venue-markers';

/** Room a popup keeps from the map's edges: clear of the zoom buttons (left) and the layer switcher (right). */
const POPUP_PAD_TOP_LEFT = L.point(50, 4);
const POPUP_PAD_BOTTOM_RIGHT = L.point(64, 24);

/**
 * A map narrower than this (a phone's) has too little room beside its buttons: a popup there was
 * 117 px wide on a 320 px phone, a venue's name broken over two lines. It goes below them instead,
 * as wide as the map, where the map is tall enough to give up their height.
 */
const NARROW_MAP = 480;
const TALL_ENOUGH_TO_GO_BELOW = 320;
/** The room kept above a popup where the map shows no buttons. */
const NO_BUTTONS = 4;
/**
 * Beside its content, a popup takes its margins (map.css), its 1 px border each side and its tip
 * (20 px), with 4 px to spare in height. A phone's (narrow and tall enough: map.css's container
 * query) has narrower margins: the map's height left two and a half meetings in sight. Its padding
 * below counts the venue's marker under the tip, and 2 px above the buttons: nothing to spare at
 * 320 px, where Islamabad's three meetings just fit.
 */
const FRAME = { x: 30 + 2 + 2, y: 24 + 2 + 20 + 4 };
const PHONE_FRAME = { x: 20 + 2, y: 16 + 2 + 20 };

/** A venue popup's options, and whether it stands below the map's buttons (a phone's). */
export interface VenuePopupOptions extends L.PopupOptions {
  belowButtons: boolean;
}

/** A popup as wide as the map allows, and no taller than it: it never spills past the map. */
export function popupOptions(m: L.Map): VenuePopupOptions {
  const size = m.getSize();
  // A map so short that it shows no buttons (an embed a few lines tall) has nothing to keep clear of either.
  const below = size.x < NARROW_MAP ? paddingBelowButtons(m) : null;
  const belowButtons = !!below && (size.y >= TALL_ENOUGH_TO_GO_BELOW || below[0].y <= NO_BUTTONS);
  const [topLeft, bottomRight] = below && belowButtons ? below : [POPUP_PAD_TOP_LEFT, POPUP_PAD_BOTTOM_RIGHT];
  const room = Math.max(150, size.x - topLeft.x - bottomRight.x);
  const frame = size.x < NARROW_MAP && size.y >= TALL_ENOUGH_TO_GO_BELOW ? PHONE_FRAME : FRAME;
  return {
    maxWidth: Math.min(340, room - frame.x),
    minWidth: Math.min(220, room - frame.x),
    // Less the padding, the popup's tip and its own margins.
    maxHeight: Math.max(60, size.y - topLeft.y - bottomRight.y - frame.y),
    autoPanPaddingTopLeft: topLeft,
    autoPanPaddingBottomRight: bottomRight,
    className: 'venue-popup-frame',
    belowButtons,
  };
}

/**
 * How far a popup's foot (its tip's box, 20 px, Leaflet's CSS) reaches below the tip's point. A
 * phone's popup (below the map's buttons) points just above its venue's dot (place-on-map.ts), whose
 * touch target (TARGET px, round a dot of at most MAX_RADIUS) then reaches MARKER_BELOW_FOOT below the foot,
 * placement's GAP from the map's credit included: kept clear of the credit and notes at the map's
 * foot, placement does not move the marker up under the popup (at 320 px it covered the top of
 * Islamabad's dot).
 */
export const TIP_POINT_ABOVE_FOOT = 11;
const MARKER_BELOW_FOOT = TARGET / 2 + MAX_RADIUS - (TIP_POINT_ABOVE_FOOT - 1) + GAP;

/**
 * Padding that keeps a popup below the buttons in the map's top corners (as drawn now), and its
 * venue's marker above the credit and notes at its foot.
 */
function paddingBelowButtons(m: L.Map): [L.Point, L.Point] {
  const container = m.getContainer();
  const frame = container.getBoundingClientRect();
  let below = NO_BUTTONS;
  for (const button of container.querySelectorAll('.leaflet-top .leaflet-control')) {
    const box = button.getBoundingClientRect();
    if (box.height > 0) below = Math.max(below, Math.ceil(box.bottom - frame.top) + 2);
  }
  let foot = 0;
  for (const control of container.querySelectorAll('.leaflet-bottom .leaflet-control')) {
    const box = control.getBoundingClientRect();
    if (box.height > 0) foot = Math.max(foot, Math.ceil(frame.bottom - box.top));
  }
  return [L.point(8, below), L.point(8, foot + MARKER_BELOW_FOOT)];
}
