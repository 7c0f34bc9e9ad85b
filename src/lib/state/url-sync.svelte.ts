import { formatHash, parseHash } from '../data/url-codec';
import type { ViewStore } from './view.svelte';

/**
 * Keeps the view and the address bar's hash in step: the hash sets the view on load and on
 * Back/Forward; each change of the view adds a history entry. Call from a component's init.
 */
export function syncViewWithUrl(view: ViewStore): void {
  const read = () => {
    const { view: fromLink, notices } = parseHash(location.hash);
    view.apply(fromLink);
    view.notices = notices;
  };
  read();

  $effect(() => {
    const next = formatHash(view.snapshot);
    // Equal views give equal hashes: nothing to record.
    if (next === formatHash(parseHash(location.hash).view)) return;
    history.pushState(null, '', next);
  });

  $effect(() => {
    window.addEventListener('popstate', read);
    return () => window.removeEventListener('popstate', read);
  });
}
