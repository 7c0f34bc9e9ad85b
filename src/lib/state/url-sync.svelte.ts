import { formatHash, parseHash, type ViewState } from '../data/url-codec';
import type { ViewStore } from './view.svelte';

/**
 * Keeps the view and the address bar's hash in step: the hash sets the view on load and on
 * Back/Forward; each change of the view adds a history entry. Call from a component's init.
 * `written` is the view as the address should keep it (less ids the data lacks): a link's
 * unknown settings stay in the address until the viewer changes something, then all go.
 */
export function syncViewWithUrl(view: ViewStore, written: () => ViewState = () => view.snapshot): void {
  const read = () => {
    const { view: fromLink, notices } = parseHash(location.hash);
    view.apply(fromLink);
    view.notices = notices;
  };
  read();

  // The address bar is updated after the frame that shows the change, so it never delays it.
  /** The hash last read or written, and its view as a hash: parsed once, not on every change. */
  // (Nothing known yet: an address with no hash at all is the default view, and must not read as an unknown one.)
  let known: { hash: string | null; view: string } = { hash: null, view: '' };
  const viewOfAddress = () => {
    if (known.hash !== location.hash) known = { hash: location.hash, view: formatHash(parseHash(location.hash).view) };
    return known.view;
  };
  $effect(() => {
    const raw = formatHash(view.snapshot);
    const next = formatHash(written());
    let timer = 0;
    const frame = requestAnimationFrame(() => {
      timer = window.setTimeout(() => {
        // Equal views give equal hashes: nothing to record. A view the viewer has not changed
        // keeps its address as the link gave it.
        if (raw === viewOfAddress()) return;
        history.pushState(null, '', next);
        known = { hash: location.hash, view: raw };
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
