import { formatHash, parseHash, type ViewState } from '../data/url-codec';
import type { ViewStore } from './view.svelte';

/**
 * Keeps the view and the address bar's hash in step: the hash sets the view on load and on
 * Back/Forward; each change of the view adds a history entry (or, `view.inPlace`, takes the place
 * of the one shown). Call from a component's init.
 * `written` is the view as the address should keep it (less ids the data lacks): a link's
 * unknown settings stay in the address until the viewer changes something, then all go.
 * `dataChanges` counts the viewer's changes of the data (Apply, Undo, Redo, Reset): after one,
 * the address drops the ids the data shown now lacks, in place (Back would only bring them back
 * to a data that lacks them). Data arriving by itself (at load, from storage) does not count: a
 * link's ids may be in the data still to come.
 */
export function syncViewWithUrl(
  view: ViewStore,
  written: () => ViewState = () => view.snapshot,
  dataChanges: () => number = () => 0,
): void {
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
  let changesWritten = 0;
  $effect(() => {
    const raw = formatHash(view.snapshot);
    const next = formatHash(written());
    const changes = dataChanges();
    let timer = 0;
    const frame = requestAnimationFrame(() => {
      timer = window.setTimeout(() => {
        // Equal views give equal hashes: nothing to record. A view the viewer has not changed
        // keeps its address as the link gave it, unless the viewer has changed the data since.
        if (raw === viewOfAddress()) {
          if (changes === changesWritten) return;
          changesWritten = changes;
          if (next !== location.hash) {
            history.replaceState(null, '', next);
            known = { hash: location.hash, view: raw };
          }
          return;
        }
        changesWritten = changes;
        // In place only over an entry of the same kind of view (a Present step over a Present
        // entry): keys pressed before the address caught up must not write over the dashboard's.
        // In place too over an export card's entry, the only ones with a state (ExportTools.svelte):
        // the click that closed the card changed the view.
        const mode = (route: string) => route.split('/')[0];
        const shown = parseHash(location.hash).view.route;
        if ((view.inPlace && shown !== '' && mode(shown) === mode(view.route)) || history.state)
          history.replaceState(null, '', next);
        else history.pushState(null, '', next);
        view.inPlace = false;
        known = { hash: location.hash, view: raw };
      });
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  });

  // Back, Forward or an address edited to another view: it is drawn under a pointer at rest, which
  // hovers nothing (fades nothing) until it moves, as when Present is opened by its button.
  const moved = () => {
    const route = view.route;
    read();
    if (view.route !== route) view.holdHover();
  };
  $effect(() => {
    window.addEventListener('popstate', moved);
    return () => window.removeEventListener('popstate', moved);
  });
}
