import type { CadenceLane } from '../data/aggregate';
import type { Dashboard } from '../state/dashboard.svelte';
import { isolate } from '../data/isolate';
import type { TrackInsight } from '../data/insights';
import { nextFilter, shownNext } from '../data/next-shown';
import { matchingTracks } from '../state/matching';
import { NO_FILTERS, type Filters } from '../data/filters';
import { unplacedMeetings, type Unplaced } from '../data/unplaced';
import { cadenceAltText, describeFilters, mapAltText, topicAltText, type VenueTally } from './describe';

export type ViewName = 'topics' | 'cadence' | 'map';

export const VIEW_TITLES: Record<ViewName, string> = {
  topics: 'What Pakistan’s security dialogues discuss',
  cadence: 'How regularly Pakistan’s security dialogues meet',
  map: 'Where Pakistan’s security dialogues meet',
};

/** Which rows pass the filters, by position (one byte per meeting). */
function visibleMask(dash: Dashboard): Uint8Array {
  const mask = new Uint8Array(dash.data.columns.n);
  for (const r of dash.visibleRows) mask[r] = 1;
  return mask;
}

/** The timeline's lanes as filtered: each lane's meetings that pass, lanes left empty dropped. */
export function visibleLanes(dash: Dashboard, mask = visibleMask(dash)): CadenceLane[] {
  if (!dash.filtering) return dash.data.lanes;
  const lanes: CadenceLane[] = [];
  for (const lane of dash.data.lanes) {
    const keep: number[] = [];
    for (let k = 0; k < lane.rows.length; k++) if (mask[lane.rows[k]!]) keep.push(k);
    if (keep.length === 0) continue;
    const meetings = keep.map((k) => lane.meetings[k]!);
    const held = meetings.filter((m) => m.status === 'held' && m.date).length;
    lanes.push({ ...lane, meetings, rows: Uint32Array.from(keep, (k) => lane.rows[k]!), held });
  }
  return lanes;
}

/** The meetings shown that the map cannot place (no venue, or one the venues file lacks), as its note counts them. */
export const shownUnplaced = (dash: Dashboard): Unplaced =>
  unplacedMeetings(dash.data.columns, dash.visibleRows, (id) => dash.data.venues.some((v) => v.venue.id === id));

/** Each venue with the held and planned meetings there that pass the filters. */
export function visibleVenueTallies(dash: Dashboard): VenueTally[] {
  const tallies = dash.visibleVenueTallies;
  if (!tallies) return dash.data.venues;
  // The dashboard counts them once per filter change (the map's "2/3" uses the same).
  return dash.data.venues.map(({ venue }) => {
    const t = tallies.get(venue.id);
    return { venue, held: t?.held ?? 0, planned: t?.planned ?? 0 };
  });
}

/** Names of a kind of filter named one by one; past this many, the first ones and how many more. */
const NAMED_VALUES = 3;

/**
 * What the filters narrow the meetings to, in words that open a text alternative (the counts after it are
 * of those meetings): "Filtered to partner European Union; topic Migration and mobility; held meetings
 * only; period: 2025." Long lists are cut: "partner A, B, C or 2 more". Empty without filters. The period
 * is worded as the slide's subtitle words it (describeFilters).
 */
export function filterSentence(
  f: Filters,
  labels: { topic: (id: string) => string; venue: (id: string) => string },
): string {
  const some = (kind: string, names: readonly string[]) => {
    const named = names.slice(0, NAMED_VALUES).map(isolate);
    const rest = names.length - named.length;
    return `${kind} ${rest > 0 ? `${named.join(', ')} or ${rest.toLocaleString('en')} more` : named.join(' or ')}`;
  };
  const parts = [
    ...(f.partners.length ? [some('partner', f.partners)] : []),
    ...(f.topics.length ? [some('topic', f.topics.map(labels.topic))] : []),
    ...(f.venues.length ? [some('venue', f.venues.map(labels.venue))] : []),
    ...(f.status !== 'all' ? [`${f.status} meetings only`] : []),
    ...(f.from || f.to ? [`period: ${describeFilters({ ...NO_FILTERS, from: f.from, to: f.to }, labels)}`] : []),
  ];
  return parts.length ? `Filtered to ${parts.join('; ')}.` : '';
}

/**
 * The text alternative of a view, from the data as filtered; `only`, for a timeline of some tracks
 * (a deck's slide of one partner): which tracks, by key. The page's Alt text, the SVG slide's <desc>
 * and the .pptx picture's descr are all this text. `overview`: `only` is the deck's timeline of every
 * track drawing some of them, which still says what is overdue across every track.
 */
export function altText(view: ViewName, dash: Dashboard, only?: ReadonlySet<string>, overview = false): string {
  const chart = chartAltText(view, dash, only, overview);
  if (!dash.filtering) return chart;
  const filters = filterSentence(dash.filters, {
    topic: (id) => dash.data.dataset.topics.find((t) => t.id === id)?.label ?? id,
    venue: (id) => dash.data.venueNames.get(id) ?? id,
  });
  return `${filters} ${chart}`;
}

function chartAltText(view: ViewName, dash: Dashboard, only?: ReadonlySet<string>, overview = false): string {
  // Not "no venues" or "no topics": the data has them, the filters match none of its meetings. (A
  // timeline still shows a track whose round expected from its usual interval matches: said below.)
  if (dash.filtering && dash.visibleCount === 0 && (view !== 'cadence' || !matchingTracks(dash)?.size))
    return `${VIEW_TITLES[view]}: no meetings match these filters.`;
  if (view === 'topics') {
    const counts = dash.filtering
      ? [...dash.visibleTopicCounts.values()].sort((a, b) => b.total - a.total)
      : dash.data.topicCounts;
    return topicAltText(counts, dash.visibleCount, dash.data.topicCounts.length, dash.filters.status);
  }
  if (view === 'cadence') {
    const mine = <T extends { key: string }>(items: T[]) => (only ? items.filter((i) => only.has(i.key)) : items);
    // The overview leaves tracks out: what is overdue is still told of every track.
    const every = (insights: TrackInsight[]) => (only && overview ? insights : undefined);
    if (!dash.filtering) return cadenceAltText(mine(dash.data.lanes), mine(dash.insights), false, every(dash.insights));
    const mask = visibleMask(dash);
    const all = visibleLanes(dash, mask);
    // The tracks the filters match: with a meeting shown, or a round expected in the period (matching.ts).
    const keys = matchingTracks(dash) ?? new Set(all.map((l) => l.key));
    // A track's rhythm is told for the tracks shown; "overdue" only where the timeline shows that next
    // meeting (a planned round that matches, a month expected in the period), as the line under it says.
    const insights = shownNext(
      dash.insights.filter((i) => keys.has(i.key)),
      nextFilter(dash) ?? { matches: null, inPeriod: null },
    );
    return cadenceAltText(mine(all), mine(insights), true, every(insights));
  }
  return mapAltText(visibleVenueTallies(dash), shownUnplaced(dash));
}
