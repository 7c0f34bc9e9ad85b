import L from 'leaflet';

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
 * query) has narrower margins: the map's height left two and a half meetings in sight.
 */
const FRAME = { x: 30 + 2 + 2, y: 24 + 2 + 20 + 4 };
const PHONE_FRAME = { x: 20 + 2, y: 16 + 2 + 20 + 4 };

/** A popup as wide as the map allows, and no taller than it: it never spills past the map. */
export function popupOptions(m: L.Map): L.PopupOptions {
  const size = m.getSize();
  const below = size.x < NARROW_MAP ? belowButtons(m) : null;
  // A map so short that it shows no buttons (an embed a few lines tall) has nothing to keep clear of either.
  const [topLeft, bottomRight] =
    below && (size.y >= TALL_ENOUGH_TO_GO_BELOW || below[0].y <= NO_BUTTONS)
      ? below
      : [POPUP_PAD_TOP_LEFT, POPUP_PAD_BOTTOM_RIGHT];
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
  };
}

/** Padding that keeps a popup below the buttons in the map's top corners (as drawn now), and clear of its credit. */
function belowButtons(m: L.Map): [L.Point, L.Point] {
  const container = m.getContainer();
  const top = container.getBoundingClientRect().top;
  let below = NO_BUTTONS;
  for (const button of container.querySelectorAll('.leaflet-top .leaflet-control')) {
    const box = button.getBoundingClientRect();
    if (box.height > 0) below = Math.max(below, Math.ceil(box.bottom - top) + 6);
  }
  return [L.point(8, below), L.point(8, POPUP_PAD_BOTTOM_RIGHT.y)];
}
