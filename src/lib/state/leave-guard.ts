/**
 * The browser's own question on leaving ("Leave site? Changes you made may not be saved."), held
 * by whoever has something the page would lose: an upload under review (upload.svelte.ts), data
 * applied but not yet kept in this browser (UploadPanel.svelte). Holds are counted, so one
 * released does not drop another's; the listener is there only while something is held, so the
 * page is never held up otherwise (a beforeunload listener also keeps some browsers from keeping
 * the page in their back-forward cache).
 */
let holds = 0;

const leaving = (e: BeforeUnloadEvent): void => {
  e.preventDefault();
  // Older browsers ask only when this is set.
  e.returnValue = '';
};

/** Asks before leaving until the returned function is called (once; later calls do nothing). */
export function holdLeaving(): () => void {
  if (typeof window === 'undefined') return () => {};
  if (holds++ === 0) window.addEventListener('beforeunload', leaving);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    if (--holds === 0) window.removeEventListener('beforeunload', leaving);
  };
}
