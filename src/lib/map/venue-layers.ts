import L from 'leaflet';
import { max } from 'd3-array';
import type { VenueSummary } from '../data/aggregate';
import { KEEP_CLEAR, overlap, roomBeside, sidewaysClear, union, type KeepClearDetail } from './keep-clear';
import { popupOptions } from './popup-options';
import { labelSide, markerRadius, MIN_RADIUS, TARGET, venueAccessibleName, venueMarkerElement } from './venue-markers';

/** What a venue's marker does; each is called when it happens (a new handler never rebuilds a layer). */
export interface VenueHandlers {
  /** The popup's content, built when it opens. */
  popup: (summary: VenueSummary) => HTMLElement;
  /**
   * A click on the venue, its popup open or not before it: whether the popup is to be open after it
   * (see onMarkerClick); undefined where markers do not filter (embeds, Present) and Leaflet's own
   * click opens and closes it.
   */
  toggle: (venueId: string, popupOpen: boolean) => boolean | undefined;
  hover: (venueId: string | null) => void;
}

/** A venue marker on the map, with what placement needs to know of it. */
export interface PlacedVenue {
  marker: L.Marker;
  summary: VenueSummary;
  radius: number;
  side: 'left' | 'right';
}

/**
 * A click on a venue, where markers filter: it filters by the venue and opens its popup, or, with
 * the popup open, lets the venue go and closes it; a venue still filtered whose popup was closed
 * (Escape, its ×) opens it again. Leaflet's own click toggles the popup, which fell out of step
 * once the filter was removed elsewhere (its chip, Back). Set before bindPopup, so the popup is
 * read as it was before the click; put right once Leaflet's own handler has run.
 */
function onMarkerClick(marker: L.Marker | L.CircleMarker, venueId: string, on: VenueHandlers): void {
  marker.on('click', () => {
    const open = on.toggle(venueId, marker.isPopupOpen());
    if (open === undefined) return;
    queueMicrotask(() => {
      if (open === marker.isPopupOpen()) return;
      if (open) marker.openPopup();
      else marker.closePopup();
    });
  });
}

/** Many venues: circle markers on one canvas (no labels), which stays smooth with 10,000 of them. */
export function addCanvasVenues(
  m: L.Map,
  summaries: readonly VenueSummary[],
  on: VenueHandlers,
): { group: L.LayerGroup; markers: Map<string, L.CircleMarker> } {
  const renderer = L.canvas({ padding: 0.5 });
  const maxCount = max(summaries, (s) => s.meetings.length) ?? 1;
  const markers = new Map<string, L.CircleMarker>();
  const group = L.layerGroup();
  // Alike for every marker, and read from the page once: per marker, each read laid the page out again.
  const options = popupOptions(m);
  for (const s of summaries) {
    const marker = L.circleMarker([s.venue.lat, s.venue.lon], {
      renderer,
      radius: Math.max(3, markerRadius(s.meetings.length, maxCount) * 0.6),
      weight: 1,
      className: 'venue-circle',
      fillOpacity: 0.75,
    });
    onMarkerClick(marker, s.venue.id, on);
    marker.bindPopup(() => on.popup(s), { ...options });
    clearOfPanels(m, marker, () => []);
    markers.set(s.venue.id, marker);
    group.addLayer(marker);
  }
  group.addTo(m);
  return { group, markers };
}

/**
 * A labelled marker per venue, sized by its meetings, reachable by Tab and working with Enter and
 * Space; returns the layer, the markers for placement and their elements by venue id for restyling.
 */
export function addVenueMarkers(
  m: L.Map,
  summaries: readonly VenueSummary[],
  on: VenueHandlers,
): { group: L.LayerGroup; placed: PlacedVenue[]; elements: Map<string, HTMLElement> } {
  const maxCount = max(summaries, (s) => s.meetings.length) ?? 1;
  const venues = summaries.map((s) => s.venue);
  const options = popupOptions(m);
  const markers = summaries.map((s) => {
    const r = Math.max(MIN_RADIUS, markerRadius(s.meetings.length, maxCount));
    const size = Math.max(TARGET, Math.ceil(r * 2));
    const side = labelSide(s.venue, venues);
    const icon = L.divIcon({
      html: venueMarkerElement(s, r, side),
      className: 'venue-icon',
      iconSize: [size, size],
      iconAnchor: [size / 2, size / 2],
      popupAnchor: [0, -r],
    });
    const marker = L.marker([s.venue.lat, s.venue.lon], { icon, keyboard: true, riseOnHover: true });
    onMarkerClick(marker, s.venue.id, on);
    marker.bindPopup(() => on.popup(s), { ...options });
    // The venue's dot and its name, kept in sight with its popup.
    clearOfPanels(m, marker, () => {
      const node = marker.getElement();
      return node ? [node, ...node.querySelectorAll('.venue-dot, .venue-label')] : [];
    });
    // While its popup is open (which names the venue and its count), a name set above the dot is
    // not drawn: the popup stands over that place, and covered half of it (map.css).
    marker.on('popupopen', () => marker.getElement()?.classList.add('popup-open'));
    // Closing the popup gives focus back to its marker.
    marker.on('popupclose', () => {
      const el = marker.getElement();
      el?.classList.remove('popup-open');
      const active = document.activeElement;
      if (el && (active === document.body || active === null || m.getContainer().contains(active)))
        el.focus({ preventScroll: true });
    });
    return { marker, summary: s, radius: r, side };
  });
  const group = L.layerGroup(markers.map((v) => v.marker)).addTo(m);
  const elements = new Map<string, HTMLElement>();
  // The markers in the order Tab reaches them (Leaflet adds their elements in this order).
  const ring: { node: HTMLElement; marker: L.Marker }[] = [];
  // Whether the focus moving now is the browser's own Shift+Tab (it moves once the keydown is over).
  const keys = { shiftTab: false };
  const container = m.getContainer();
  const onKey = (e: KeyboardEvent) => {
    keys.shiftTab = e.key === 'Tab' && e.shiftKey;
    if (keys.shiftTab) setTimeout(() => (keys.shiftTab = false));
  };
  container.addEventListener('keydown', onKey, true);
  group.on('remove', () => container.removeEventListener('keydown', onKey, true));
  for (const { marker, summary } of markers) {
    const node = marker.getElement();
    if (!node) continue;
    elements.set(summary.venue.id, node);
    ring.push({ node, marker });
    node.setAttribute('data-testid', 'venue-marker');
    node.setAttribute('data-venue-id', summary.venue.id);
    node.setAttribute('data-meetings', String(summary.meetings.length));
    node.setAttribute('aria-label', venueAccessibleName(summary));
    // Hovered by a mouse or a pen, not a finger: a tap is followed by a made-up mouseover and no
    // mouseout (Leaflet's own hover events), which kept the other views faded after Back took the
    // venue's filter away, until the next tap elsewhere.
    node.addEventListener('pointerenter', (e) => {
      if (e.pointerType !== 'touch') on.hover(summary.venue.id);
    });
    node.addEventListener('pointerleave', () => on.hover(null));
    // Enter and Space do what a click does: filter by the venue and open its list.
    node.addEventListener('keydown', (e) => {
      if (e.key !== 'Enter' && e.key !== ' ') return;
      e.preventDefault();
      e.stopPropagation();
      marker.fire('click', { originalEvent: e, latlng: marker.getLatLng() });
    });
    tabThroughPopup(marker, node, ring, keys);
  }
  return { group, placed: markers, elements };
}

/**
 * A panel over the page that covers this marker's open popup (a meeting's details, beside a phone's
 * map held sideways) says so by KEEP_CLEAR on the popup: the map pans the popup and the venue
 * (`parts`) sideways from under it, inside the room the popup keeps from the map's edges and
 * buttons, and cancels the event once they are clear. A pan to fit, as Leaflet's own: closing the
 * popup puts the map back.
 */
function clearOfPanels(m: L.Map, marker: L.Marker | L.CircleMarker, parts: () => Element[]): void {
  let wired = false;
  marker.on('popupopen', (ev) => {
    const popup = (ev as L.PopupEvent).popup;
    const el = popup.getElement();
    if (wired || !el) return;
    wired = true;
    el.addEventListener(KEEP_CLEAR, (e) => {
      const panel = (e as CustomEvent<KeepClearDetail>).detail;
      const map = m.getContainer().getBoundingClientRect();
      const topLeft = L.point(popup.options.autoPanPaddingTopLeft ?? [0, 0]);
      const bottomRight = L.point(popup.options.autoPanPaddingBottomRight ?? [0, 0]);
      const room = { left: map.left + topLeft.x, right: map.right - bottomRight.x, top: map.top, bottom: map.bottom };
      const measure = () => union([el, ...parts()].map((n) => n.getBoundingClientRect()));
      let box = measure();
      let by = sidewaysClear(box, panel, room);
      // Too wide for the room beside the details on either side (a small phone on its side: 366 px
      // where 300 are left at 667×375), the popup narrows to it, its lines wrapping, and moves there.
      if (by === 0 && overlap(box, panel) && panel.narrow && narrowTo(popup, roomBeside(panel, room))) {
        box = measure();
        by = sidewaysClear(box, panel, room);
      }
      if (by === 0 && overlap(box, panel)) return; // no room beside it: the details try elsewhere
      e.preventDefault();
      // Wrapped taller, it may reach above the map: down again, as far as the venue's room allows.
      const down = Math.max(0, Math.min(map.top + topLeft.y - box.top, map.bottom - bottomRight.y - box.bottom));
      // The venue under a popup the page scrolled on screen may be below the screen's foot (a map
      // taller than a phone on its side): the page scrolls up to it, the popup's head kept in sight.
      const lift = Math.min(box.bottom + down - window.innerHeight + 8, box.top + down - 8);
      if (lift > 0) window.scrollBy({ top: lift, behavior: 'instant' });
      if (Math.abs(by) < 1 && down < 1) return;
      m.fire('autopanstart');
      m.panBy([-by, -down]);
    });
  });
}

/** The narrowest a popup's content is made to fit beside a panel: its rows stay readable (a date, a status, a partner). */
const NARROWEST_CONTENT = 200;

/**
 * Lays `popup` out again no wider than `width` (its frame included), without Leaflet's pan to fit
 * (the caller pans it clear). False, and nothing changed, where that leaves its content too narrow
 * or it already fits. placeOnMap sets its usual width back at the next move, for its next opening.
 */
function narrowTo(popup: L.Popup, width: number): boolean {
  const el = popup.getElement();
  const content = el?.querySelector<HTMLElement>('.leaflet-popup-content');
  const wrapper = el?.querySelector<HTMLElement>('.leaflet-popup-content-wrapper');
  if (!content || !wrapper) return false;
  // A pixel or two short: the boxes measured are fractional, the width set is whole.
  const widest = Math.floor(width - (wrapper.offsetWidth - content.offsetWidth)) - 2;
  if (widest < NARROWEST_CONTENT || widest >= content.offsetWidth) return false;
  const { autoPan } = popup.options;
  popup.options.maxWidth = widest;
  popup.options.minWidth = Math.min(popup.options.minWidth ?? 0, widest);
  popup.options.autoPan = false;
  popup.update();
  popup.options.autoPan = autoPan;
  return true;
}

const TABBABLE = 'button:not([disabled]), a[href], [tabindex="0"]';

/** What Tab reaches in a marker's popup, in order; nothing while it is closed. */
function popupStops(marker: L.Marker | undefined): HTMLElement[] {
  if (!marker?.isPopupOpen()) return [];
  return [...(marker.getPopup()?.getElement()?.querySelectorAll<HTMLElement>(TABBABLE) ?? [])];
}

/**
 * The keyboard reaches an open popup as if it came right after its marker: Tab from the marker goes
 * into the popup (its meetings, then its ×) and Tab past the popup on to the next marker; backwards
 * mirrors it: Shift+Tab from the next marker goes to the popup's last stop, and from its first stop
 * back to its marker. Leaflet puts every popup after every marker, so the document's own order
 * reached the popup only after the last marker; and from the last marker, Tab went back into a
 * popup already passed (which sent it to the last marker again: a loop with no way out), so it
 * goes past the popup there, and Shift+Tab from past the popup goes to the last marker.
 */
function tabThroughPopup(
  marker: L.Marker,
  node: HTMLElement,
  ring: readonly { node: HTMLElement; marker: L.Marker }[],
  keys: { shiftTab: boolean },
): void {
  const index = () => ring.findIndex((v) => v.node === node);
  node.addEventListener('keydown', (e) => {
    if (e.key !== 'Tab') return;
    const stop = e.shiftKey ? popupStops(ring[index() - 1]?.marker).at(-1) : popupStops(marker)[0];
    if (stop) {
      e.preventDefault();
      stop.focus({ preventScroll: true });
    } else if (!e.shiftKey && node === ring.at(-1)?.node) {
      // An earlier marker's popup, next in the document: from its last stop, the browser's own Tab
      // (not prevented) goes on to what follows it.
      popupStops(ring.find((v) => v.marker.isPopupOpen())?.marker)
        .at(-1)
        ?.focus({ preventScroll: true });
    }
  });
  let wired = false;
  marker.on('popupopen', (ev) => {
    const popup = (ev as L.PopupEvent).popup.getElement();
    if (wired || !popup) return;
    wired = true;
    popup.addEventListener('keydown', (e) => {
      if (e.key !== 'Tab') return;
      const all = popupStops(marker);
      const next = ring[index() + 1]?.node;
      if (e.shiftKey && e.target === all[0]) {
        e.preventDefault();
        node.focus({ preventScroll: true });
      } else if (!e.shiftKey && e.target === all.at(-1) && next) {
        e.preventDefault();
        next.focus({ preventScroll: true });
      }
    });
    // Shift+Tab from what follows the popup in the document: the markers after this one come first.
    popup.addEventListener('focusin', (e) => {
      const from = e.relatedTarget;
      const last = ring.at(-1)?.node;
      if (!keys.shiftTab || !(from instanceof Node) || popup.contains(from) || !last || last === node) return;
      if (popup.compareDocumentPosition(from) & Node.DOCUMENT_POSITION_FOLLOWING) last.focus({ preventScroll: true });
    });
  });
}
