/**
 * Resolves once the browser has reported the first frame's paint (the build's frame in
 * index.html, vite-plugin-app-shell.ts), so the app replaces that frame only after it was counted.
 * Chromium drops a paint it has not reported yet when its element leaves the page: the app's
 * identical header, drawn a few milliseconds later, was then taken as the largest paint, and tools
 * that read it (Lighthouse) put the page's largest paint after the app's script instead of with the
 * first frame. At once where no such frame shows (an embed or present view, a briefing), where it
 * has been reported already, where the browser reports no paints, or in a hidden tab; at most
 * `wait` ms otherwise (a busy machine reported it 100–200 ms after the script was ready).
 */
export function shellPainted(shell: HTMLElement | null, wait = 300): Promise<void> {
  if (
    !shell ||
    shell.hidden ||
    document.hidden ||
    typeof PerformanceObserver === 'undefined' ||
    !PerformanceObserver.supportedEntryTypes?.includes('paint') ||
    performance.getEntriesByName('first-contentful-paint').length > 0
  )
    return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      observer.disconnect();
      clearTimeout(timer);
      resolve();
    };
    const observer = new PerformanceObserver((list) => {
      if (list.getEntriesByName('first-contentful-paint').length > 0) done();
    });
    observer.observe({ type: 'paint' });
    const timer = setTimeout(done, wait);
  });
}
