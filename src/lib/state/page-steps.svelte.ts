import { afterNextPaint } from './after-paint';

/**
 * The page mounts in steps, one task each, so no task holds a phone's main thread for long: the
 * header first (`mounted` 0), then the data panel and filters (1), then the views (2) — all below
 * what is there, so nothing moves. The first chart (topics) and the map's frame paint in the views'
 * task (or, when the data comes later, in the task that shows it); once they have painted, the
 * timeline (`drawn` 1), then its table of what is due next and the sources under the page (2),
 * each in a task of its own: no single task draws the whole page (a phone's CPU is 4× slower, and
 * every task over 50 ms there holds up a tap).
 */
export class PageSteps {
  mounted = $state(0);
  drawn = $state(0);
  #drawing = false;

  /**
   * `beside`: the code the data panel and filters need (they mount together once it is here);
   * `after`: what to load once the views are mounted; `ready`: the data is shown.
   */
  constructor(beside: () => Promise<unknown>, after: () => void, ready: () => boolean) {
    // `beside` failing (its code did not come: the site was updated, or the connection dropped) does
    // not stop the page: the views mount next as usual, and the parts whose code it was say so in
    // their place, with Reload (DashboardPage's {:catch} blocks await the same promises).
    const mountNext = (): void =>
      void afterNextPaint()
        .then(() => (this.mounted === 0 ? beside().catch(() => {}) : undefined))
        .then(() => (++this.mounted < 2 ? mountNext() : after()));
    mountNext();
    const drawNext = (): void =>
      void afterNextPaint().then(() => {
        if (++this.drawn < 2) drawNext();
      });
    $effect(() => {
      if (ready() && this.mounted >= 2 && !this.#drawing) {
        this.#drawing = true;
        drawNext();
      }
    });
  }
}
