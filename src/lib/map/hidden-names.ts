import L from 'leaflet';
import { formatCount } from '../data/format-count';

/** What the map says while placement has hidden names for room: how many, and how to see them. */
export function hiddenNamesText(count: number): string {
  return `${formatCount(count)} ${count === 1 ? 'name' : 'names'} hidden: zoom in or pick a dot`;
}

/**
 * A line over the map's foot, above its credit, while some venues' names are hidden for room (a
 * phone's map of venues close together): it says how many, so a viewer knows the unnamed dots are
 * venues too. Text only. `set` shows it (or takes it away) and says whether that changed, as the
 * line is in placement's way (it is a map control) and the names are placed again round it.
 */
export function addHiddenNamesNote(m: L.Map): { set: (count: number) => boolean; remove: () => void } {
  const control = new L.Control({ position: 'bottomright' });
  const node = L.DomUtil.create('div', 'venue-hidden-names');
  node.dataset.testid = 'venue-hidden-names';
  control.onAdd = () => node;
  let shown = 0;
  return {
    set(count) {
      if (count === shown) return false;
      const changed = count > 0 !== shown > 0;
      shown = count;
      node.textContent = hiddenNamesText(count);
      if (count > 0 && changed) control.addTo(m);
      else if (count === 0) control.remove();
      return changed;
    },
    remove: () => control.remove(),
  };
}
