import { topicFrequency, type TopicCount } from '../data/aggregate';
import { isFiltering, matcher } from '../data/filters';
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
    return reconcile(view.snapshot, {
      partners: new Set(data.partners),
      topics: new Set(data.dataset.dialogues.flatMap((d) => d.topics)),
      venues: new Set(data.dataset.venues.map((v) => v.id)),
      meetings: new Set(data.dataset.dialogues.map((d) => d.id)),
    });
  });
  const filters = $derived(reconciled.view.filters);
  const filtering = $derived(isFiltering(filters));
  const visible = $derived(data.dataset.dialogues.filter(matcher(filters)));
  const visibleIds: ReadonlySet<string> = $derived(new Set(visible.map((d) => d.id)));
  const visibleTopicCounts: ReadonlyMap<string, TopicCount> = $derived(
    new Map(topicFrequency(visible, data.dataset.topics, data.partners).map((c) => [c.id, c])),
  );
  const selected = $derived(data.dataset.dialogues.find((d) => d.id === reconciled.view.meeting) ?? null);
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
    /** Meetings that pass the filters. */
    get visible() {
      return visible;
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
