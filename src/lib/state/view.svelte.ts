import { NO_FILTERS, toggled, type Filters, type ListFilter } from '../data/filters';
import type { Status } from '../data/schema';
import { orderedPeriod, type PanelName, type Route, type Theme, type ViewState } from '../data/url-codec';
import { periodText } from '../data/partial-date';

/** What is under the pointer or focus in one view: each view emphasises what goes with it. */
export type Hovered = { topic: string } | { venue: string } | { meeting: string } | null;

/** What the viewer is looking at: route, filters, the open meeting, and what is hovered. */
export class ViewStore {
  route = $state<Route>('');
  /**
   * Set with a change that should take the place of the address's entry rather than add one
   * (stepping through Present: Back then leaves Present at once). The address, when written, takes it.
   */
  inPlace = false;
  filters = $state.raw<Filters>(NO_FILTERS);
  meeting = $state<string | null>(null);
  /** A theme the link asks for (embeds); null leaves it to the viewer. */
  linkTheme = $state<Theme | null>(null);
  /** The panels shown as tables rather than charts (in a link's order; chosen here, in alphabetical order). */
  tables = $state.raw<PanelName[]>([]);
  /** Settings in the link that were ignored, said once to the viewer. */
  notices = $state.raw<string[]>([]);
  /** The topic, venue or meeting under the pointer or focus in any view. */
  hovered = $state.raw<Hovered>(null);

  /**
   * Drops ids the data does not have from filters (set by the dashboard once data is known), so
   * that the first change a viewer makes leaves a stale or hostile link's leftovers behind.
   */
  cleanFilters: (filters: Filters) => Filters = (f) => f;

  snapshot = $derived<ViewState>({
    route: this.route,
    filters: this.filters,
    meeting: this.meeting,
    theme: this.linkTheme,
    tables: this.tables,
  });

  apply(view: ViewState): void {
    this.route = view.route;
    this.filters = view.filters;
    this.meeting = view.meeting;
    this.linkTheme = view.theme;
    this.tables = view.tables;
  }

  /** Shows a panel as its table, or (false) as its chart. */
  showTable(panel: PanelName, table: boolean): void {
    const rest = this.tables.filter((t) => t !== panel);
    this.tables = table ? [...rest, panel].sort() : rest;
  }

  toggle(kind: ListFilter, value: string): void {
    const base = this.cleanFilters(this.filters);
    this.filters = { ...base, [kind]: toggled(base[kind], value) };
  }

  setStatus(status: Status | 'all'): void {
    this.filters = { ...this.cleanFilters(this.filters), status };
  }

  /** Sets the period; bounds given backwards are swapped, and the viewer is told. */
  setPeriod(from: string | null, to: string | null): void {
    const period = orderedPeriod(from, to);
    if (period.swapped) {
      this.notices = [`“From” was after “to”, so the two were swapped: ${periodText(period.from, period.to)}.`];
    }
    this.filters = { ...this.cleanFilters(this.filters), from: period.from, to: period.to };
  }

  clear(): void {
    this.filters = NO_FILTERS;
  }

  select(id: string | null): void {
    this.meeting = id;
  }

  hover(target: Hovered): void {
    if (this.#held) this.#held.target = target;
    else this.hovered = target;
  }

  /**
   * A new view drawn under a pointer at rest (Present opened, or stepped through by keys): the browser
   * reports the pointer as entering whatever now lies under it — as the view is drawn, and again
   * as it settles in its frame — which would fade the rest. Hover is cleared and held until the
   * pointer really moves (a move the browser makes up after a layout has no movement); then what
   * the pointer was last reported over is hovered (the real move's enter comes before its move).
   */
  #held: { target: Hovered } | null = null;
  holdHover(): void {
    this.hovered = null;
    if (this.#held) return void (this.#held.target = null);
    if (typeof window === 'undefined') return;
    this.#held = { target: null };
    // Charts' own :hover styles wait too (see TopicChart).
    const root = document.documentElement.dataset;
    root.hoverHeld = '';
    const moved = (e: PointerEvent) => {
      if (e.movementX === 0 && e.movementY === 0) return;
      window.removeEventListener('pointermove', moved, true);
      delete root.hoverHeld;
      this.hovered = this.#held?.target ?? null;
      this.#held = null;
    };
    window.addEventListener('pointermove', moved, true);
  }
}
