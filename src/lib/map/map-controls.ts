import L from 'leaflet';
import { offlineBasemap, openStreetMapLayer } from './basemap';
import { POPUP_SHOWN } from './keep-clear';

/** A popup being opened by the address (a link, Back, Forward), not by the viewer's hand: see openFromAddress. */
let fromAddress = false;

/**
 * Opens a venue's popup that the address asks for: the map pans to show it, as for a tap, but the
 * page is not scrolled to it (a link opens at the page's start, on a phone above the map).
 */
export function openFromAddress(marker: L.Marker | L.CircleMarker): void {
  fromAddress = true;
  try {
    marker.openPopup();
  } finally {
    fromAddress = false;
  }
}

/**
 * The map's own furniture: the offline basemap and the layer switcher (offline or OpenStreetMap),
 * and Escape to close a popup. Returns the cleanup.
 */
export function addMapControls(m: L.Map, onbasemapfail: () => void): () => void {
  // The country shapes are drawn in the overlay pane's SVG, which a screen reader met as an unnamed
  // image: the venues (their markers, in their own pane) and the note under the map say what it shows.
  m.getPane('overlayPane')?.setAttribute('aria-hidden', 'true');
  // The offline basemap group exists from the start so the layer switcher can offer it at once.
  const offline = L.layerGroup().addTo(m);
  const control = L.control
    .layers({ 'Offline map (Natural Earth)': offline, 'OpenStreetMap (online)': openStreetMapLayer() }, undefined, {
      position: 'topright',
    })
    .addTo(m);
  const stopLayersKeys = layersByKeyboard(control);
  const stopBasemap = offlineBasemap(m, offline, onbasemapfail);
  // Escape closes an open popup wherever focus is in the map (on a marker, in the popup);
  // Leaflet's own handler only listens while the map itself has focus.
  let popupOpen = false;
  const opened = (e: L.PopupEvent) => {
    popupOpen = true;
    popupOnScreen(e.popup, !fromAddress);
  };
  // Leaflet keeps a popup inside the map, but a map taller than the screen (a phone on its side)
  // left its title and × above it, out of reach while one finger scrolls the page and not the map.
  // Once Leaflet's pan to fit it has ended (or at once, without one), the page scrolls it into view.
  let settle = 0;
  const popupOnScreen = (popup: L.Popup, scroll: boolean) => {
    const show = () => {
      clearTimeout(settle);
      m.off('moveend', show);
      const r = popup.getElement()?.getBoundingClientRect();
      if (!r || !popup.isOpen()) return;
      const by =
        r.top < 0
          ? r.top - 8
          : r.bottom > window.innerHeight
            ? Math.min(r.bottom - window.innerHeight + 8, r.top - 8)
            : 0;
      if (by !== 0 && scroll) window.scrollBy({ top: by, behavior: 'instant' });
      shown = popup;
      stillFor();
    };
    m.on('moveend', show);
    settle = window.setTimeout(show, 400);
  };
  // Once the map has been still a moment (a pan may follow the resize of a page that a filter has
  // changed), the popup is said to be where it stays: a meeting's details open over the page move
  // clear of it where they can (see keep-clear).
  let shown: L.Popup | null = null;
  let still = 0;
  const stillFor = () => {
    clearTimeout(still);
    still = window.setTimeout(() => {
      if (shown?.isOpen()) shown.getElement()?.dispatchEvent(new CustomEvent(POPUP_SHOWN, { bubbles: true }));
      shown = null;
    }, 200);
  };
  const stirred = () => shown && stillFor();
  m.on('move moveend', stirred);
  const closed = () => (popupOpen = false);
  const onEscape = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || !popupOpen) return;
    e.preventDefault();
    m.closePopup();
  };
  // A popup pans the map to fit (on a phone, far from the venues): closed, the map goes back to
  // where it was, unless the viewer has moved it since. Switching straight to another popup keeps
  // the first place to go back to.
  let before: { center: L.LatLng; zoom: number } | null = null;
  const panning = () => (before ??= { center: m.getCenter(), zoom: m.getZoom() });
  const movedByViewer = () => (before = null);
  let timer = 0;
  const restore = () => {
    clearTimeout(timer);
    timer = window.setTimeout(() => {
      if (popupOpen || !before) return;
      m.setView(before.center, before.zoom);
      before = null;
    });
  };
  m.on('autopanstart', panning);
  m.on('dragstart zoomstart', movedByViewer);
  m.on('popupclose', restore);
  m.on('popupopen', opened);
  m.on('popupclose', closed);
  m.getContainer().addEventListener('keydown', onEscape);
  return () => {
    stopLayersKeys();
    stopBasemap();
    m.off('popupopen', opened);
    m.off('popupclose', closed);
    m.off('autopanstart', panning);
    m.off('dragstart zoomstart', movedByViewer);
    m.off('popupclose', restore);
    clearTimeout(timer);
    clearTimeout(settle);
    clearTimeout(still);
    m.off('move moveend', stirred);
    m.getContainer().removeEventListener('keydown', onEscape);
    control.remove();
    offline.remove();
  };
}

/**
 * Leaflet's layer switcher opens with Enter on its button, but then hides that button (focus is
 * lost) and offers no key to close it. Here: Enter puts focus on the chosen layer, Escape closes
 * the switcher and returns to its button, and tabbing out of it closes it. Returns the cleanup.
 */
function layersByKeyboard(control: L.Control.Layers): () => void {
  const container = control.getContainer();
  const toggle = container?.querySelector<HTMLElement>('.leaflet-control-layers-toggle');
  if (!container || !toggle) return () => {};
  const expanded = () => container.classList.contains('leaflet-control-layers-expanded');
  // Runs after Leaflet's own handler on the button, which has just opened the list.
  const onToggleKey = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && expanded()) container.querySelector<HTMLInputElement>('input:checked, input')?.focus();
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || !expanded()) return;
    e.preventDefault();
    e.stopPropagation(); // the switcher closes, not a popup behind it
    control.collapse();
    toggle.focus();
  };
  // Only a move to somewhere else closes it: the button hidden under a pointer's click loses focus to nothing.
  const onFocusOut = (e: FocusEvent) => {
    if (e.relatedTarget instanceof Node && !container.contains(e.relatedTarget)) control.collapse();
  };
  toggle.addEventListener('keydown', onToggleKey);
  container.addEventListener('keydown', onKey);
  container.addEventListener('focusout', onFocusOut);
  return () => {
    toggle.removeEventListener('keydown', onToggleKey);
    container.removeEventListener('keydown', onKey);
    container.removeEventListener('focusout', onFocusOut);
  };
}
