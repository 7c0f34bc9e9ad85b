import type { Route } from '../data/url-codec';
import type { ViewStore } from './view.svelte';

/** A view's name as the routes spell it (the same names as the export's): 'map', 'topics', 'cadence'. */
export type ViewName = NameIn<Route>;
type NameIn<R> = R extends `${'embed' | 'present'}/${infer Name}` ? Name : never;

/** The order views are presented in: the arrows step through it, round and round. */
export const PRESENT_ORDER: readonly ViewName[] = ['map', 'topics', 'cadence'];

/** A view shown alone: embedded in another page, or presented full screen. */
export interface SingleRoute {
  mode: 'embed' | 'present';
  name: ViewName;
}

/**
 * The single-view routes and presenting: which view is shown alone, full screen on the way in
 * and out, the presenting keys, and the viewer put back where they were when they leave.
 */
export class Presentation {
  #view: ViewStore;
  /** Where the viewer was when presenting began: leaving puts them back there, focus on Present. */
  #from: { scrollY: number; name: ViewName } | null = null;

  /** embed/topics → { mode: 'embed', name: 'topics' }; the dashboard → null. */
  single = $derived.by((): SingleRoute | null => {
    const [mode, name] = this.#view.route.split('/') as ['embed' | 'present', ViewName];
    return this.#view.route === '' ? null : { mode, name };
  });

  /** `ready`: the dashboard's data is shown (its buttons can take focus again). */
  constructor(view: ViewStore, ready: () => boolean) {
    this.#view = view;
    // Back on the dashboard (Exit, Escape, Back, leaving full screen): the same scroll, and focus on
    // the Present button pressed, not the top of the page and <body>.
    $effect(() => {
      if (!this.single) this.#leaving = false;
      if (this.single || !ready() || !this.#from) return;
      const { scrollY, name } = this.#from;
      this.#from = null;
      // The views' tools load after the charts: the button may come a few frames later.
      let frames = 0;
      const settle = () => {
        window.scrollTo({ top: scrollY, behavior: 'instant' });
        const button = document.querySelector<HTMLElement>(`button[data-present="${name}"]`);
        if (button) button.focus({ preventScroll: true });
        else if (frames++ < 120) requestAnimationFrame(settle);
      };
      settle();
    });
  }

  /**
   * Present was opened here, from the dashboard: its one history entry (steps take its place) is
   * left by going back to the dashboard's, so Back after leaving does not go into Present again.
   */
  #entered = false;
  /** Going back to the dashboard's entry (history.back() answers a moment later). */
  #leaving = false;

  present = (name: ViewName): void => {
    this.#from = { scrollY: window.scrollY, name };
    this.#entered = true;
    this.#leaving = false;
    // Full screen where the browser allows it; the view fills the window either way.
    document.documentElement.requestFullscreen?.().catch(() => {});
    this.#view.route = `present/${name}`;
    // Drawn under the pointer that pressed Present, at rest.
    this.#view.holdHover();
  };

  leave = (): void => {
    this.#back();
    if (document.fullscreenElement) document.exitFullscreen().catch(() => {});
  };

  #back(): void {
    if (this.#leaving) return;
    // Only over Present's own entry: left before the address had caught up, there is none to go back from.
    if (this.#entered && location.hash.startsWith('#/present/')) {
      this.#leaving = true;
      history.back();
    } else this.#view.route = '';
    this.#entered = false;
  }

  /** The next (+1) or previous (-1) view while presenting. */
  step = (by: 1 | -1): void => {
    if (this.single?.mode !== 'present') return;
    const i = PRESENT_ORDER.indexOf(this.single.name);
    this.#view.inPlace = true;
    this.#view.route = `present/${PRESENT_ORDER[(i + by + PRESENT_ORDER.length) % PRESENT_ORDER.length]!}`;
    this.#view.holdHover();
  };

  onkeydown = (e: KeyboardEvent): void => {
    if (this.single?.mode !== 'present') return;
    // Escape first lets go of the meeting chosen, then leaves.
    if (e.key === 'Escape') {
      // A venue's popup open on the map: Escape closes it (the map does), and the presentation stays.
      const map = e.target instanceof Element ? e.target.closest('.leaflet-container') : null;
      if (map?.querySelector('.leaflet-popup')) return;
      if (this.#view.meeting) this.#view.select(null);
      else this.leave();
    } else if (e.key === 'ArrowRight' || e.key === 'ArrowDown' || e.key === 'PageDown') this.step(1);
    else if (e.key === 'ArrowLeft' || e.key === 'ArrowUp' || e.key === 'PageUp') this.step(-1);
    else return;
    e.preventDefault();
  };

  /**
   * The map pans with the arrow keys when it has the focus (Leaflet stops them there): presenting,
   * they step as everywhere else, taken before the map (a presenter who clicked a venue was stuck
   * on the map). Escape still reaches the map first, to close its popup.
   */
  onkeydowncapture = (e: KeyboardEvent): void => {
    if (this.single?.mode !== 'present' || e.key === 'Escape') return;
    if (!(e.target instanceof Element) || !e.target.closest('.leaflet-container')) return;
    this.onkeydown(e);
    if (e.defaultPrevented) e.stopPropagation();
  };

  /** Escape in full screen is taken by the browser: leaving full screen leaves the presentation too. */
  onfullscreenchange = (): void => {
    if (!document.fullscreenElement && this.single?.mode === 'present') this.#back();
  };
}
