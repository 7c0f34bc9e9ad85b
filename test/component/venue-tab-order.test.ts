import L from 'leaflet';
import { afterEach, describe, expect, it } from 'vitest';
import { venuePopupContent } from '../../src/lib/map/venue-markers';
import { addVenueMarkers } from '../../src/lib/map/venue-layers';
import { bundledViews } from './data';

/** What the browser does with an unhandled Tab: the next or previous element in `order`. */
function tab(order: HTMLElement[], shift = false): void {
  const from = document.activeElement as HTMLElement;
  const handled = !from.dispatchEvent(
    new KeyboardEvent('keydown', { key: 'Tab', shiftKey: shift, bubbles: true, cancelable: true }),
  );
  if (handled) return;
  order[order.indexOf(from) + (shift ? -1 : 1)]?.focus();
}

describe('Tab through a venue popup', () => {
  let map: L.Map | undefined;
  afterEach(() => {
    map?.remove();
    document.body.replaceChildren();
  });

  it('Shift+Tab from the next venue goes back into the open popup, mirroring Tab', () => {
    const node = document.body.appendChild(document.createElement('div'));
    map = L.map(node, { center: [40, 40], zoom: 3 });
    const { venues } = bundledViews();
    const { elements } = addVenueMarkers(map, venues, {
      popup: (s) => venuePopupContent(s, () => {}),
      toggle: () => {},
      hover: () => {},
    });
    const [first, second] = [...elements.values()];
    first!.focus();
    first!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
    // The marker's click is the app's toggle; open its popup as the app does.
    const marker = Object.values((map as unknown as { _layers: Record<string, L.Layer> })._layers).find(
      (l): l is L.Marker => l instanceof L.Marker && l.getElement() === first,
    )!;
    marker.openPopup();
    const popup = node.querySelector('.leaflet-popup')!;
    // The document's own order: every marker, then the popup (Leaflet's panes).
    const order = [
      ...node.querySelectorAll<HTMLElement>('.leaflet-marker-icon, .leaflet-popup button, .leaflet-popup a[href]'),
    ];
    const stops = [...popup.querySelectorAll<HTMLElement>('button, a[href]')];
    expect(stops.length).toBeGreaterThan(1);

    const forward: (Element | null)[] = [];
    first!.focus();
    for (let i = 0; i <= stops.length; i++) {
      tab(order);
      forward.push(document.activeElement);
    }
    expect(forward).toEqual([...stops, second]);

    const backward: (Element | null)[] = [];
    for (let i = 0; i <= stops.length; i++) {
      tab(order, true);
      backward.push(document.activeElement);
    }
    expect(backward).toEqual([...stops].reverse().concat(first!));
  });
});
