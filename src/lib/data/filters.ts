import { periodTest } from './partial-date';
import type { Dialogue, Status } from './schema';

/** What the viewer has narrowed the meetings to. Empty lists mean "any". */
export interface Filters {
  partners: string[];
  topics: string[];
  venues: string[];
  status: Status | 'all';
  /** A period as ISO text (`YYYY-MM` or `YYYY-MM-DD`), both ends included; null for open. */
  from: string | null;
  to: string | null;
}

export const NO_FILTERS: Filters = { partners: [], topics: [], venues: [], status: 'all', from: null, to: null };

export type ListFilter = 'partners' | 'topics' | 'venues';

/** A predicate for the filters: any of the values within a kind, all kinds together. */
export function matcher(f: Filters): (d: Dialogue) => boolean {
  const partners = f.partners.length ? new Set(f.partners) : null;
  const topics = f.topics.length ? new Set(f.topics) : null;
  const venues = f.venues.length ? new Set(f.venues) : null;
  const inPeriod = periodTest(f.from, f.to);
  return (d) =>
    (partners === null || partners.has(d.partner)) &&
    (topics === null || d.topics.some((t) => topics.has(t))) &&
    (venues === null || (d.venueId !== null && venues.has(d.venueId))) &&
    (f.status === 'all' || d.status === f.status) &&
    (inPeriod === null || (d.date !== null && inPeriod(d.date)));
}

export function isFiltering(f: Filters): boolean {
  return f.partners.length + f.topics.length + f.venues.length > 0 || f.status !== 'all' || f.from !== null || f.to !== null;
}

/** The list with `value` added, or removed if it was there. */
export function toggled(list: readonly string[], value: string): string[] {
  return list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
}
