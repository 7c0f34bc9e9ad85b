import { NO_FILTERS, type Filters } from './filters';
import { parsePartialDate } from './partial-date';
import { STATUSES } from './schema';

/** The routes the app answers: the dashboard, one view alone for embedding, or one view full screen. */
export const ROUTES = [
  '',
  'embed/topics',
  'embed/cadence',
  'embed/map',
  'present/topics',
  'present/cadence',
  'present/map',
] as const;
export type Route = (typeof ROUTES)[number];
export type Theme = 'light' | 'dark';

/** Everything a link reproduces. */
export interface ViewState {
  route: Route;
  filters: Filters;
  /** The meeting whose details are open. */
  meeting: string | null;
  /** A theme forced by the link (embeds), else the viewer's own. */
  theme: Theme | null;
}

export const DEFAULT_VIEW: ViewState = { route: '', filters: NO_FILTERS, meeting: null, theme: null };

const LISTS = { partner: 'partners', topic: 'topics', venue: 'venues' } as const;

/**
 * `#/embed/topics?partner=European%20Union&topic=migration&status=held&from=2024-01` → a view.
 * Anything it cannot use is dropped with a notice for the viewer; it never throws.
 */
export function parseHash(hash: string): { view: ViewState; notices: string[] } {
  const notices: string[] = [];
  const body = hash.replace(/^#/, '').replace(/^\//, '');
  const q = body.indexOf('?');
  const path = decodeURIComponentSafe(q === -1 ? body : body.slice(0, q)).replace(/\/$/, '');
  const params = new URLSearchParams(q === -1 ? '' : body.slice(q + 1));
  const route = (ROUTES as readonly string[]).includes(path) ? (path as Route) : '';
  if (route !== path) notices.push(`There is no view “${path}”; showing the dashboard.`);

  const filters: Filters = { ...NO_FILTERS, partners: [], topics: [], venues: [] };
  let meeting: string | null = null;
  let theme: Theme | null = null;
  for (const [key, value] of params) {
    if (Object.hasOwn(LISTS, key)) {
      const list = filters[LISTS[key as keyof typeof LISTS]];
      if (value !== '' && !list.includes(value)) list.push(value);
    } else if (key === 'status') {
      if ((STATUSES as readonly string[]).includes(value)) filters.status = value as Filters['status'];
      else notices.push(`Ignored status “${value}”: expected held or planned.`);
    } else if (key === 'from' || key === 'to') {
      const date = parsePartialDate(value);
      if (date && date.precision !== 'year') filters[key] = date.text;
      else notices.push(`Ignored ${key} “${value}”: expected a month (2025-07) or a day (2025-07-17).`);
    } else if (key === 'meeting') {
      meeting = value || null;
    } else if (key === 'theme') {
      if (value === 'light' || value === 'dark') theme = value;
      else notices.push(`Ignored theme “${value}”: expected light or dark.`);
    } else {
      notices.push(`Ignored the unknown link setting “${key}”.`);
    }
  }
  return { view: { route, filters, meeting, theme }, notices };
}

/** The view as a hash, with keys in a fixed order so equal views give equal links. */
export function formatHash(view: ViewState): string {
  const params = new URLSearchParams();
  for (const p of view.filters.partners) params.append('partner', p);
  for (const t of view.filters.topics) params.append('topic', t);
  for (const v of view.filters.venues) params.append('venue', v);
  if (view.filters.status !== 'all') params.set('status', view.filters.status);
  if (view.filters.from) params.set('from', view.filters.from);
  if (view.filters.to) params.set('to', view.filters.to);
  if (view.meeting) params.set('meeting', view.meeting);
  if (view.theme) params.set('theme', view.theme);
  const query = params.toString().replace(/\+/g, '%20');
  return `#/${view.route}${query ? `?${query}` : ''}`;
}

/**
 * Drops ids the data does not have (a stale link), with a notice for each.
 */
export function reconcile(
  view: ViewState,
  known: {
    partners: ReadonlySet<string>;
    topics: ReadonlySet<string>;
    venues: ReadonlySet<string>;
    meetings: { has(id: string): boolean };
  },
): { view: ViewState; notices: string[] } {
  const notices: string[] = [];
  const keep = (list: string[], set: ReadonlySet<string>, what: string) =>
    list.filter((v) => {
      if (set.has(v)) return true;
      notices.push(`The link names ${what} “${v}”, which the data does not have; it was ignored.`);
      return false;
    });
  const filters: Filters = {
    ...view.filters,
    partners: keep(view.filters.partners, known.partners, 'the partner'),
    topics: keep(view.filters.topics, known.topics, 'the topic'),
    venues: keep(view.filters.venues, known.venues, 'the venue'),
  };
  let meeting = view.meeting;
  if (meeting !== null && !known.meetings.has(meeting)) {
    notices.push(`The link names the meeting “${meeting}”, which the data does not have; it was ignored.`);
    meeting = null;
  }
  return { view: { ...view, filters, meeting }, notices };
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
