import { laneKey, topicCounts, venueSummaries, type TopicCount, type VenueSummary } from '../data/aggregate';
import {
  commonRows,
  countTopics,
  filterRows,
  tallyRows,
  venueIdsOf,
  venuesOf,
  venueTalliesOf,
  type VenueTally,
} from '../data/columns';
import { isFiltering, type Filters } from '../data/filters';
import { trackInsights } from '../data/insights';
import { reconcile } from '../data/url-codec';
import { SVG_MARK_LIMIT } from '../charts/cadence-geometry';
import { dayOf, followDay } from './today';
import type { DatasetState } from './dataset.svelte';
import type { ViewStore } from './view.svelte';

/** What goes with the hovered topic, venue or meeting. */
export interface Highlight {
  /** The meetings, when there are few enough for the timeline to mark each (else null). */
  meetings: ReadonlySet<string> | null;
  venues: ReadonlySet<string>;
  topics: ReadonlySet<string>;
}

/**
 * The data as the viewer has filtered it: what every view draws.
 * `today` (what is overdue, the timeline's "today" line) is the viewer's date: it moves at their
 * midnight, a page left open for days included.
 */
export function createDashboard(data: DatasetState, view: ViewStore) {
  const first = dayOf(new Date());
  let today = $state(first);
  $effect(() => followDay(first, (day) => (today = day)));
  /** The link's filters less any id the data does not have. */
  const reconciled = $derived.by(() => {
    if (data.status !== 'ready') return { view: view.snapshot, notices: [] as string[] };
    return reconcile(view.snapshot, data.known);
  });
  // The filters keep their identity while their values stay (a meeting opened, Back to the same filters):
  // what derives from them (every row filtered, the Set of ids, a venue's popup) is not made again.
  let key = '';
  let kept: Filters;
  const filters = $derived.by(() => {
    const f = reconciled.view.filters;
    // Filters are all made from NO_FILTERS (same key order); another order would only filter again.
    const was = key;
    key = JSON.stringify(f);
    return key === was ? kept : (kept = f);
  });
  view.cleanFilters = (f) =>
    data.status === 'ready' ? reconcile({ ...view.snapshot, filters: f, meeting: null }, data.known).view.filters : f;
  const filtering = $derived(isFiltering(filters));
  // The filter runs over typed columns; objects and Sets are made only when a view asks for them.
  const selection = $derived(filterRows(data.columns, filters));
  const visibleCount = $derived(filtering ? selection.rows.length : data.columns.n);
  const visibleIds: ReadonlySet<string> = $derived.by(() => {
    // Read signals once, outside per-row callbacks: a read per row of 100,000 is what costs.
    const { dialogues } = data.dataset;
    return new Set(Array.from(selection.rows, (i) => dialogues[i]!.id));
  });
  /** The counts over the rows that pass (venues, held and planned, tracks): one pass for all. */
  const tally = $derived(tallyRows(data.columns, selection.rows));
  const visibleVenues: ReadonlySet<string> = $derived(venueIdsOf(data.columns, tally));
  /** While filtering: each venue's matching meetings (held, planned), for the map's counts. */
  const visibleVenueTallies: ReadonlyMap<string, VenueTally> | null = $derived(
    filtering ? venueTalliesOf(data.columns, tally) : null,
  );
  const visibleTopicCounts: ReadonlyMap<string, TopicCount> = $derived.by(() => {
    const c = data.columns;
    const counts = topicCounts(c, countTopics(c, selection.rows), data.partners, data.dataset.topics);
    return new Map(counts.map((t) => [t.id, t]));
  });
  const selected = $derived.by(() => {
    const id = reconciled.view.meeting;
    const row = id === null ? -1 : data.views.rowOfMeeting(id);
    return row < 0 ? null : data.dataset.dialogues[row]!;
  });
  const highlight = $derived.by((): Highlight | null => {
    const hovered = view.hovered;
    if (!hovered) return null;
    const c = data.columns;
    let rows: ArrayLike<number> = [];
    const topics = new Set<string>();
    // The topic filtered on alone, hovered (as after clicking its bar): its meetings are those shown.
    if ('topic' in hovered && filters.topics.length === 1 && filters.topics[0] === hovered.topic) {
      const meetings = c.n <= SVG_MARK_LIMIT ? visibleIds : null;
      return { meetings, venues: visibleVenues, topics: new Set([hovered.topic]) };
    }
    if ('meeting' in hovered) {
      const row = data.views.rowOfMeeting(hovered.meeting);
      if (row >= 0) rows = [row];
    } else if ('venue' in hovered) {
      const v = c.venues.indexOf(hovered.venue);
      const found: number[] = [];
      if (v >= 0) for (let i = 0; i < c.n; i++) if (c.venueOf[i] === v) found.push(i);
      rows = found;
    } else {
      // A topic: the meetings shown that discussed it (both lists of rows are ascending).
      topics.add(hovered.topic);
      const t = c.topics.indexOf(hovered.topic);
      if (t >= 0) rows = filtering ? commonRows(c.rowsByTopic[t]!, selection.rows) : c.rowsByTopic[t]!;
    }
    // Venues marked once each, by their index (a Set add a row is what costs at a million rows).
    const venues = venuesOf(c, rows);
    if ('venue' in hovered) venues.add(hovered.venue);
    if (!('topic' in hovered))
      for (let r = 0; r < rows.length; r++) {
        const i = rows[r]!;
        for (let k = c.topicStart[i]!; k < c.topicStart[i + 1]!; k++) topics.add(c.topics[c.topicIds[k]!]!);
      }
    // Meetings are marked one by one only while there are few enough to draw each.
    const { dialogues } = data.dataset;
    const meetings = c.n <= SVG_MARK_LIMIT ? new Set(Array.from(rows, (i) => dialogues[i]!.id)) : null;
    return { meetings, venues, topics };
  });
  const insights = $derived(trackInsights(data.lanes, today));
  const notices = $derived([...view.notices, ...reconciled.notices]);

  // What the tables and the header's figures show: the meetings that pass the filters.
  // Each is made only when something reads it (a table opened), so 100,000 rows cost nothing until then.
  const shownFigures = $derived.by(() => {
    const c = data.columns;
    if (!filtering) return { meetings: c.n, held: data.held, planned: data.planned, venues: data.usedVenues.length };
    return { meetings: selection.rows.length, held: tally.held, planned: tally.planned, venues: visibleVenues.size };
  });
  const tableVenues = $derived.by((): VenueSummary[] => {
    if (!filtering) return data.usedVenues;
    const { dialogues, venues } = data.dataset;
    const shown = Array.from(selection.rows, (i) => dialogues[i]!);
    return venueSummaries(shown, venues).filter((s) => s.meetings.length > 0);
  });
  const tableTopics = $derived.by((): TopicCount[] => {
    if (!filtering) return data.topicCounts;
    return data.topicCounts.flatMap((c) => {
      const v = visibleTopicCounts.get(c.id);
      return v && v.total > 0 ? [v] : [];
    });
  });
  const tableMeetings = $derived.by(() => {
    const all = data.lanes.flatMap((l) => l.meetings);
    return filtering ? all.filter((d) => visibleIds.has(d.id)) : all;
  });
  // The tracks with a matching meeting, from the typed columns (partner × track per row): no
  // set of a million ids on every filter change (the cadence table is always on screen).
  const shownLanes = $derived.by(() => {
    if (!filtering) return null;
    const c = data.columns;
    const keys = new Set<string>();
    tally.lanes.forEach((s, k) => {
      if (s) keys.add(laneKey(c.partners[Math.floor(k / c.tracks.length)]!, c.tracks[k % c.tracks.length]!));
    });
    return keys;
  });
  const shownInsights = $derived(shownLanes ? insights.filter((i) => shownLanes.has(i.key)) : insights);

  return {
    data,
    view,
    get today() {
      return today;
    },
    get filters() {
      return filters;
    },
    get filtering() {
      return filtering;
    },
    /** The lanes (partner and track) with a meeting that passes the filters; null when nothing is filtered. */
    get shownLanes() {
      return shownLanes;
    },
    /** Positions of the meetings that pass the filters, ascending. */
    get visibleRows() {
      return selection.rows;
    },
    get visibleCount() {
      return visibleCount;
    },
    /** Venues with a meeting that passes the filters. */
    get visibleVenues() {
      return visibleVenues;
    },
    get visibleIds() {
      return visibleIds;
    },
    /** While filtering, matching meetings per venue (absent: none match); null when nothing is filtered. */
    get visibleVenueTallies() {
      return visibleVenueTallies;
    },
    /** Topic counts among the visible meetings, by topic id. */
    get visibleTopicCounts() {
      return visibleTopicCounts;
    },
    get selected() {
      return selected;
    },
    /** What goes with the topic, venue or meeting under the pointer, for each view to emphasise. */
    get highlight() {
      return highlight;
    },
    get insights() {
      return insights;
    },
    /** The view as a link should keep it: less ids the data does not have. */
    get linkView() {
      return reconciled.view;
    },
    /** The header's figures: of the meetings that pass the filters. */
    get shownFigures() {
      return shownFigures;
    },
    /** Venues with their matching meetings (all venues when nothing is filtered). */
    get tableVenues() {
      return tableVenues;
    },
    /** Topics counted over the matching meetings, those with none left out. */
    get tableTopics() {
      return tableTopics;
    },
    /** The matching meetings, by track and date. */
    get tableMeetings() {
      return tableMeetings;
    },
    /** The cadence of each track with a matching meeting. */
    get shownInsights() {
      return shownInsights;
    },
    /** Link settings that were ignored, in words for the viewer. */
    get notices() {
      return notices;
    },
  };
}

export type Dashboard = ReturnType<typeof createDashboard>;
