import { NO_FILTERS, toggled, type Filters, type ListFilter } from '../data/filters';
import type { Status } from '../data/schema';
import type { Route, Theme, ViewState } from '../data/url-codec';

/** What is under the pointer or focus in one view: each view emphasises what goes with it. */
export type Hovered = { topic: string } | { venue: string } | { meeting: string } | null;

/** What the viewer is looking at: route, filters, the open meeting, and what is hovered. */
export class ViewStore {
  route = $state<Route>('');
  filters = $state.raw<Filters>(NO_FILTERS);
  meeting = $state<string | null>(null);
  /** A theme the link asks for (embeds); null leaves it to the viewer. */
  linkTheme = $state<Theme | null>(null);
  /** Settings in the link that were ignored, said once to the viewer. */
  notices = $state.raw<string[]>([]);
  /** The topic, venue or meeting under the pointer or focus in any view. */
  hovered = $state.raw<Hovered>(null);

  snapshot = $derived<ViewState>({
    route: this.route,
    filters: this.filters,
    meeting: this.meeting,
    theme: this.linkTheme,
  });

  apply(view: ViewState): void {
    this.route = view.route;
    this.filters = view.filters;
    this.meeting = view.meeting;
    this.linkTheme = view.theme;
  }

  toggle(kind: ListFilter, value: string): void {
    this.filters = { ...this.filters, [kind]: toggled(this.filters[kind], value) };
  }

  setStatus(status: Status | 'all'): void {
    this.filters = { ...this.filters, status };
  }

  setPeriod(from: string | null, to: string | null): void {
    this.filters = { ...this.filters, from, to };
  }

  clear(): void {
    this.filters = NO_FILTERS;
  }

  select(id: string | null): void {
    this.meeting = id;
  }

  hover(target: Hovered): void {
    this.hovered = target;
  }
}
