import type { CadenceLane, TopicCount } from '../data/aggregate';
import type { TrackInsight } from '../data/insights';
import { expectedMatches } from '../data/next-shown';
import type { Dashboard } from './dashboard.svelte';

/**
 * The tracks the filters match: those with a matching meeting (the dashboard's `shownLanes`), and
 * those whose round expected from the usual interval matches by itself (next-shown.ts,
 * expectedMatches: from Jan 2026, the U.S. track, expected Oct 2026 and overdue). The timeline draws
 * them unfaded, the table lists them, the line under it and the alt text count them, slides draw them.
 * Null when nothing is filtered. (Here, not in the dashboard: only lazily loaded views ask.)
 */
export function matchingTracks(
  dash: Pick<Dashboard, 'shownLanes' | 'insights' | 'filters'>,
): ReadonlySet<string> | null {
  const shown = dash.shownLanes;
  if (!shown) return null;
  const expected = dash.insights.filter((i) => !shown.has(i.key) && expectedMatches(i, dash.filters));
  return expected.length ? new Set([...shown, ...expected.map((i) => i.key)]) : shown;
}

/** The cadence of each track the filters match (every track's when nothing is filtered). */
export function matchingInsights(dash: Pick<Dashboard, 'shownLanes' | 'insights' | 'filters'>): TrackInsight[] {
  const shown = matchingTracks(dash);
  return shown ? dash.insights.filter((i) => shown.has(i.key)) : dash.insights;
}

/**
 * The lanes a chart placed elsewhere draws (a slide, an embed, Present): under filters, those
 * matching (matchingTracks). The dashboard keeps every lane, faded, to show what a filter leaves out.
 * (Apart from the dashboard's state: only those lazily loaded views ask.)
 */
export function matchingLanes(dash: Dashboard): CadenceLane[] {
  const shown = matchingTracks(dash);
  return shown ? dash.data.lanes.filter((l) => shown.has(l.key)) : dash.data.lanes;
}

/** The partners of `matchingLanes`, in the data's order: what such a chart's legend names. */
export function matchingPartners(dash: Dashboard, lanes = matchingLanes(dash)): string[] {
  if (!dash.shownLanes) return dash.data.partners;
  const drawn = new Set(lanes.map((l) => l.partner));
  return dash.data.partners.filter((p) => drawn.has(p));
}

/**
 * Whether a view placed alone (an embed, Present) draws something the filters leave out — a
 * topic's grey, wholly or in part; a faded meeting on a track drawn; a faded venue — so that its
 * key says "not matching the filters" then, and only then, whichever filter (held/planned too).
 * `topics` and `lanes` are those drawn.
 */
export function drawsUnmatched(
  dash: Pick<Dashboard, 'filtering' | 'visibleTopicCounts' | 'visibleIds' | 'visibleVenues' | 'data'>,
  view: 'topics' | 'cadence' | 'map',
  drawn: { topics?: readonly TopicCount[]; lanes?: readonly CadenceLane[] } = {},
): boolean {
  if (!dash.filtering) return false;
  if (view === 'topics')
    return (drawn.topics ?? []).some((c) => (dash.visibleTopicCounts.get(c.id)?.total ?? 0) < c.total);
  if (view === 'cadence') return (drawn.lanes ?? []).some((l) => l.meetings.some((d) => !dash.visibleIds.has(d.id)));
  return dash.data.usedVenues.some((v) => !dash.visibleVenues.has(v.venue.id));
}
