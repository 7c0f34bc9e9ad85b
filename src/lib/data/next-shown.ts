import type { Filters } from './filters';
import type { NextMeeting, TrackInsight } from './insights';
import { periodTest, type PartialDate } from './partial-date';

/**
 * What the timeline shows of each track's next meeting under the filters, as its marks show it: a
 * planned round that does not match them is faded, and so is the month expected from the usual
 * interval outside the period. The line under the timeline, the chart and its alt text all ask this,
 * so what one calls overdue the others do too.
 */
export interface NextFilter {
  /** Under filters, whether a meeting matches them (null: nothing is filtered). */
  matches: ((id: string) => boolean) | null;
  /** Under a period filter, whether a date is in the period (null: no period). */
  inPeriod: ((date: PartialDate) => boolean) | null;
}

/** Whether the filters leave a track's next meeting shown (its mark not faded). */
export const nextShown = (next: NextMeeting, { matches, inPeriod }: NextFilter): boolean =>
  'meeting' in next ? !matches || matches(next.meeting.id) : !inPeriod || inPeriod(next.date);

/** The tracks with a next meeting the filters fade given none: what is due and overdue of what is shown. */
export const shownNext = (insights: readonly TrackInsight[], filter: NextFilter): TrackInsight[] =>
  insights.map((i) => (i.next && !nextShown(i.next, filter) ? { ...i, next: null } : i));

/** The filters as {@link nextShown} asks them of a dashboard's: null when nothing is filtered. */
export const nextFilter = (dash: {
  filtering: boolean;
  visibleIds: ReadonlySet<string>;
  filters: { from: string | null; to: string | null };
}): NextFilter | null => {
  if (!dash.filtering) return null;
  const ids = dash.visibleIds;
  return { matches: (id) => ids.has(id), inPeriod: periodTest(dash.filters.from, dash.filters.to) };
};

/**
 * Whether a track's round expected from its usual interval matches the filters by itself, as a
 * meeting would (its track listed, its mark not faded, though none of its meetings matches: the
 * U.S. track from Jan 2026, expected Oct 2026). It has a partner, a track and a month, so it matches
 * a partner and a period; it has no topic or venue and is neither held nor planned (not announced),
 * so under a topic, venue or held/planned filter only its track's meetings can list it.
 */
export const expectedMatches = ({ next, partner }: TrackInsight, f: Filters): boolean =>
  next?.basis === 'interval' &&
  !f.topics.length &&
  !f.venues.length &&
  f.status === 'all' &&
  (!f.partners.length || f.partners.includes(partner)) &&
  (periodTest(f.from, f.to)?.(next.date) ?? true);
