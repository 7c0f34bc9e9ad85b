import { createSubscriber } from 'svelte/reactivity';

/** The theme the page shows now: the one chosen (data-theme on <html>), else the system's. */
function currentPageTheme(): 'light' | 'dark' {
  if (typeof document === 'undefined') return 'light';
  const chosen = document.documentElement.dataset.theme;
  if (chosen === 'light' || chosen === 'dark') return chosen;
  return globalThis.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

const watch = createSubscriber((update) => {
  if (typeof document === 'undefined') return;
  const observer = new MutationObserver(update);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  const media = globalThis.matchMedia?.('(prefers-color-scheme: dark)');
  media?.addEventListener('change', update);
  return () => {
    observer.disconnect();
    media?.removeEventListener('change', update);
  };
});

/**
 * The theme the page shows, read reactively: an effect or derived that reads it runs again when the
 * Theme menu, another tab or the system changes it (for what CSS cannot restyle: export defaults,
 * colours resolved into a canvas's pixels).
 */
export function pageTheme(): 'light' | 'dark' {
  watch();
  return currentPageTheme();
}
