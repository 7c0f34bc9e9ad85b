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

  // The address bar is updated after the frame that shows the change, so it never delays it.
  $effect(() => {
    const next = formatHash(view.snapshot);
    let timer = 0;
    const frame = requestAnimationFrame(() => {
      timer = window.setTimeout(() => {
        // Equal views give equal hashes: nothing to record.
        if (next !== formatHash(parseHash(location.hash).view)) history.pushState(null, '', next);
      });
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  });

  $effect(() => {
    window.addEventListener('popstate', read);
    return () => window.removeEventListener('popstate', read);
  });
}
