import type { TopicCount } from '../data/aggregate';
import { countTopics, filterRows, venuesOf } from '../data/columns';
import { isFiltering } from '../data/filters';
import { trackInsights } from '../data/insights';
import { reconcile } from '../data/url-codec';
import type { DatasetState } from './dataset.svelte';
import type { ViewStore } from './view.svelte';

/**
 * The data as the viewer has filtered it: what every view draws.
 * `today` (for what is overdue) is fixed per page load.
 */
export function createDashboard(data: DatasetState, view: ViewStore, today: Date = new Date()) {
  /** The link's filters less any id the data does not have. */
  const reconciled = $derived.by(() => {
    if (data.status !== 'ready') return { view: view.snapshot, notices: [] as string[] };
    return reconcile(view.snapshot, data.known);
  });
  const filters = $derived(reconciled.view.filters);
  const filtering = $derived(isFiltering(filters));
  // The filter runs over typed columns; objects and Sets are made only when a view asks for them.
  const selection = $derived(filterRows(data.columns, filters));
  const visibleCount = $derived(selection.rows.length);
  // Read signals once, outside per-row callbacks: a read per row of 100,000 is what costs.
  const visible = $derived.by(() => {
    const { dialogues } = data.dataset;
    return Array.from(selection.rows, (i) => dialogues[i]!);
  });
  const visibleIds: ReadonlySet<string> = $derived(new Set(visible.map((d) => d.id)));
  const visibleVenues: ReadonlySet<string> = $derived(venuesOf(data.columns, selection.rows));
  const visibleTopicCounts: ReadonlyMap<string, TopicCount> = $derived.by(() => {
    const c = data.columns;
    const counts = countTopics(c, selection.rows);
    const partnerPos = data.partners.map((p) => c.partners.indexOf(p));
    const labels = new Map(data.dataset.topics.map((t) => [t.id, t]));
    const result = new Map<string, TopicCount>();
    c.topics.forEach((id, t) => {
      const byPartner = data.partners.map((partner, j) => ({
        partner,
        count: partnerPos[j]! < 0 ? 0 : counts[t * c.partners.length + partnerPos[j]!]!,
      }));
      const total = byPartner.reduce((s, b) => s + b.count, 0);
      const topic = labels.get(id);
      if (total > 0) result.set(id, { id, label: topic?.label ?? id, theme: topic?.theme ?? '', total, byPartner });
    });
    return result;
  });
  const selected = $derived.by(() => {
    const id = reconciled.view.meeting;
    return id === null ? null : (data.dataset.dialogues.find((d) => d.id === id) ?? null);
  });
  const insights = $derived(trackInsights(data.lanes, today));
  const notices = $derived([...view.notices, ...reconciled.notices]);

  return {
    data,
    view,
    today,
    get filters() {
      return filters;
    },
    get filtering() {
      return filtering;
    },
    /** Positions of the meetings that pass the filters, ascending. */
    get visibleRows() {
      return selection.rows;
    },
    get visibleCount() {
      return visibleCount;
    },
    /** Meetings that pass the filters. */
    get visible() {
      return visible;
    },
    /** Venues with a meeting that passes the filters. */
    get visibleVenues() {
      return visibleVenues;
    },
    get visibleIds() {
      return visibleIds;
    },
    /** Topic counts among the visible meetings, by topic id. */
    get visibleTopicCounts() {
      return visibleTopicCounts;
    },
    get selected() {
      return selected;
    },
    get insights() {
      return insights;
    },
    /** Link settings that were ignored, in words for the viewer. */
    get notices() {
      return notices;
    },
  };
}

export type Dashboard = ReturnType<typeof createDashboard>;
