import { NO_FILTERS, type Filters } from './filters';
import { parsePartialDate } from './partial-date';
import { STATUSES } from './schema';
import { ROUTES } from './routes';

export { ROUTES };

export type Route = (typeof ROUTES)[number];
export type Theme = 'light' | 'dark';
/** A dashboard panel: each can show its chart or, instead, a table of the same data. */
export type PanelName = 'map' | 'topics' | 'cadence';

/** Everything a link reproduces. */
export interface ViewState {
  route: Route;
  filters: Filters;
  /** The meeting whose details are open. */
  meeting: string | null;
  /** A theme forced by the link (embeds), else the viewer's own. */
  theme: Theme | null;
  /** The panels shown as tables (the rest show their charts), in the order the link names them. */
  tables: PanelName[];
}

export const DEFAULT_VIEW: ViewState = { route: '', filters: NO_FILTERS, meeting: null, theme: null, tables: [] };

const LISTS = { partner: 'partners', topic: 'topics', venue: 'venues' } as const;

/** How many ignored names a notice spells out; the rest are counted. */
export const NAMED_IN_NOTICE = 5;

/** “a”, “b”, “c” and 4,997 more: a few names, then a count, so a notice stays short however long the link. */
export function listSome(names: readonly string[], max = NAMED_IN_NOTICE): string {
  const quoted = names.slice(0, max).map((n) => `“${n.length > 40 ? `${n.slice(0, 39)}…` : n}”`);
  const rest = names.length - quoted.length;
  if (rest > 0) return `${quoted.join(', ')} and ${rest.toLocaleString('en')} more`;
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1)}`;
}

/**
 * `#/embed/topics?partner=European%20Union&topic=migration&status=held&from=2024-01` → a view.
 * Anything it cannot use is dropped with a notice for the viewer; it never throws.
 */
export function parseHash(hash: string): { view: ViewState; notices: string[] } {
  const notices: string[] = [];
  const body = hash.replace(/^#/, '').replace(/^\//, '');
  const q = body.indexOf('?');
  let path = decodeURIComponentSafe(q === -1 ? body : body.slice(0, q)).replace(/\/$/, '');
  // Presenting with no view named starts where the arrows do: the map.
  if (path === 'present') path = 'present/map';
  const params = new URLSearchParams(q === -1 ? '' : body.slice(q + 1));
  const route = (ROUTES as readonly string[]).includes(path) ? (path as Route) : '';
  if (route !== path) notices.push(`There is no view “${path}”; showing the dashboard.`);

  const filters: Filters = { ...NO_FILTERS, partners: [], topics: [], venues: [] };
  // Sets alongside the lists: a link with 60,000 topics is read in one pass, not 60,000².
  const seen = { partners: new Set<string>(), topics: new Set<string>(), venues: new Set<string>() };
  const unknownKeys: string[] = [];
  const unknownSeen = new Set<string>();
  let meeting: string | null = null;
  let theme: Theme | null = null;
  const tables: PanelName[] = [];
  for (const [key, raw] of params) {
    // A name as the data is read: composed (NFC), so "é" as e + U+0301 finds it too.
    const value = raw.normalize();
    if (Object.hasOwn(LISTS, key)) {
      const kind = LISTS[key as keyof typeof LISTS];
      if (value !== '' && !seen[kind].has(value)) {
        seen[kind].add(value);
        filters[kind].push(value);
      }
    } else if (key === 'status') {
      if ((STATUSES as readonly string[]).includes(value)) filters.status = value as Filters['status'];
      else notices.push(`Ignored status “${value}”: expected held or planned.`);
    } else if (key === 'from' || key === 'to') {
      const date = parsePartialDate(value);
      if (date) filters[key] = date.text;
      else notices.push(`Ignored ${key} “${value}”: expected a year (2025), a month (2025-07) or a day (2025-07-17).`);
    } else if (key === 'meeting') {
      meeting = value || null;
    } else if (key === 'theme') {
      if (value === 'light' || value === 'dark') theme = value;
      else notices.push(`Ignored theme “${value}”: expected light or dark.`);
    } else if (key === 'table') {
      // A panel is one a route embeds alone: embed/map, embed/topics, embed/cadence. Typed by hand,
      // a link may say `table=TOPICS` or `table=topics,map`: any case, a comma list.
      for (const piece of value.split(',')) {
        const name = piece.trim();
        const panel = name.toLowerCase() as PanelName;
        if (!name) continue;
        if ((ROUTES as readonly string[]).includes(`embed/${panel}`)) {
          if (!tables.includes(panel)) tables.push(panel);
        } else notices.push(`Ignored table “${name}”: expected map, topics or cadence.`);
      }
    } else if (!unknownSeen.has(key)) {
      unknownSeen.add(key);
      unknownKeys.push(key);
    }
  }
  if (unknownKeys.length === 1) notices.push(`Ignored the unknown link setting ${listSome(unknownKeys)}.`);
  else if (unknownKeys.length > 1)
    notices.push(`Ignored ${unknownKeys.length.toLocaleString('en')} unknown link settings: ${listSome(unknownKeys)}.`);
  const period = orderedPeriod(filters.from, filters.to);
  if (period.swapped) {
    notices.push(`The period in the link ran backwards (from ${filters.from} to ${filters.to}); it was read as ${period.from} to ${period.to}.`);
    filters.from = period.from;
    filters.to = period.to;
  }
  return { view: { route, filters, meeting, theme, tables }, notices };
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
  for (const t of view.tables) params.append('table', t);
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
  /** `folded`: the names by their lower case, for a link typed by hand (`partner=afghanistan`). */
  const keep = (
    list: string[],
    set: ReadonlySet<string>,
    one: string,
    many: string,
    folded?: ReadonlyMap<string, string>,
  ) => {
    const missing: string[] = [];
    const kept: string[] = [];
    let renamed = false;
    for (const v of list) {
      const name = set.has(v) ? v : folded?.get(v.toLowerCase());
      if (name === undefined) missing.push(v);
      else {
        kept.push(name);
        renamed ||= name !== v;
      }
    }
    if (missing.length === 1)
      notices.push(`The ${one} ${listSome(missing)} is not in the data shown: its filter is off.`);
    else if (missing.length > 1)
      notices.push(
        `${missing.length.toLocaleString("en")} ${many} are not in the data shown (${listSome(missing)}): their filters are off.`,
      );
    return kept.length === list.length && !renamed ? list : kept;
  };
  const filters: Filters = {
    ...view.filters,
    partners: keep(
      view.filters.partners,
      known.partners,
      'partner',
      'partners',
      view.filters.partners.some((p) => !known.partners.has(p))
        ? new Map([...known.partners].map((p) => [p.toLowerCase(), p]))
        : undefined,
    ),
    topics: keep(view.filters.topics, known.topics, 'topic', 'topics'),
    venues: keep(view.filters.venues, known.venues, 'venue', 'venues'),
  };
  let meeting = view.meeting;
  if (meeting !== null && !known.meetings.has(meeting)) {
    notices.push(`The meeting “${meeting}” is not in the data shown, so it is not opened.`);
    meeting = null;
  }
  return { view: { ...view, filters, meeting }, notices };
}

/**
 * A period with its bounds in order: a range given backwards (from after to) is swapped, so
 * `from=2025-06&to=2024-01` means Jan 2024 – Jun 2025. Bounds of any precision (year, month, day).
 */
export function orderedPeriod(
  from: string | null,
  to: string | null,
): { from: string | null; to: string | null; swapped: boolean } {
  const a = from ? parsePartialDate(from) : null;
  const b = to ? parsePartialDate(to) : null;
  if (a && b && a.start.getTime() >= b.end.getTime()) return { from: to, to: from, swapped: true };
  return { from, to, swapped: false };
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
