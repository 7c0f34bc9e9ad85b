import L from 'leaflet';
import { afterEach, describe, expect, it } from 'vitest';
import { venuePopupContent } from '../../src/lib/map/venue-markers';
import { addVenueMarkers } from '../../src/lib/map/venue-layers';
import { bundledViews } from './data';

/**
 * Presses Tab (or Shift+Tab) as a browser does: the keydown goes to the focused element, and unless
 * a handler prevents it, focus moves on from the element focused once the handlers have run.
 */
function tab(shift = false): void {
  const handled = !document.activeElement!.dispatchEvent(
    new KeyboardEvent('keydown', { key: 'Tab', shiftKey: shift, bubbles: true, cancelable: true }),
  );
  if (handled) return;
  const order = [...document.querySelectorAll<HTMLElement>('button, a[href], [tabindex="0"]')].filter(
    (e) => e.tabIndex >= 0,
  );
  order[order.indexOf(document.activeElement as HTMLElement) + (shift ? -1 : 1)]?.focus();
}

/** The focused element, named: a venue by its id, a popup's stop by its text, a zoom button by its title. */
function focused(): string {
  const e = document.activeElement as HTMLElement;
  if (e.dataset.venueId) return e.dataset.venueId;
  if (e.closest('.leaflet-popup'))
    return `popup: ${e.querySelector('.date')?.firstChild?.textContent ?? e.textContent}`;
  return e.title || e.textContent || e.tagName;
}

describe('Tab through a venue popup', () => {
  let map: L.Map | undefined;
  afterEach(() => {
    map?.remove();
    document.body.replaceChildren();
  });

  /** The bundled venues on a map (Brussels, Islamabad, Kabul), with the popup of `open` shown. */
  function mapWithPopup(open: string) {
    const node = document.body.appendChild(document.createElement('div'));
    map = L.map(node, { center: [40, 40], zoom: 3 });
    const { venues } = bundledViews();
    const { elements } = addVenueMarkers(map, venues, {
      popup: (s) => venuePopupContent(s, () => {}),
      toggle: () => undefined,
      hover: () => {},
    });
    const owner = elements.get(open)!;
    map.eachLayer((l) => {
      if (l instanceof L.Marker && l.getElement() === owner) l.openPopup();
    });
    expect([...elements.keys()]).toEqual(['brussels', 'islamabad', 'kabul']);
    return elements;
  }

  const walk = (from: HTMLElement, steps: number, shift = false) => {
    from.focus();
    const seen = [focused()];
    for (let i = 0; i < steps; i++) {
      tab(shift);
      seen.push(focused());
    }
    return seen;
  };

  it('reaches an open popup right after its venue, and Shift+Tab comes back the same way', () => {
    const elements = mapWithPopup('brussels');
    const forward = walk(elements.get('brussels')!, 5);
    expect(forward).toEqual(['brussels', 'popup: 17 Jul 2025', 'popup: ×', 'islamabad', 'kabul', 'Zoom in']);
    expect(walk(document.activeElement as HTMLElement, 5, true)).toEqual([...forward].reverse());
  });

  it('goes on past the popup of a venue before the last one, with no loop back into it, both ways', () => {
    const elements = mapWithPopup('islamabad');
    const forward = walk(elements.get('brussels')!, 7);
    expect(forward).toEqual([
      'brussels',
      'islamabad',
      'popup: 27 Jun 2025',
      'popup: 12 Aug 2025',
      'popup: 2026',
      'popup: ×',
      'kabul',
      'Zoom in',
    ]);
    expect(walk(document.activeElement as HTMLElement, 7, true)).toEqual([...forward].reverse());
  });
});
