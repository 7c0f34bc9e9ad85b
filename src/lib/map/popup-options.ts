import L from 'leaflet';

/** Room a popup keeps from the map's edges: clear of the zoom buttons (left) and the layer switcher (right). */
const POPUP_PAD_TOP_LEFT = L.point(50, 4);
const POPUP_PAD_BOTTOM_RIGHT = L.point(64, 24);

/** A popup as wide as the map allows, and no taller than it: it never spills past the map. */
export function popupOptions(m: L.Map): L.PopupOptions {
  const size = m.getSize();
  const room = Math.max(150, size.x - POPUP_PAD_TOP_LEFT.x - POPUP_PAD_BOTTOM_RIGHT.x);
  return {
    maxWidth: Math.min(340, room - 34),
    minWidth: Math.min(220, room - 34),
    // Less the padding, the popup's tip and its own margins.
    maxHeight: Math.max(60, size.y - POPUP_PAD_TOP_LEFT.y - POPUP_PAD_BOTTOM_RIGHT.y - 50),
    autoPanPaddingTopLeft: POPUP_PAD_TOP_LEFT,
    autoPanPaddingBottomRight: POPUP_PAD_BOTTOM_RIGHT,
    className: 'venue-popup-frame',
  };
}
