import type { Dashboard } from '../state/dashboard.svelte';
import { cadenceAltText, mapAltText, topicAltText } from './describe';

export type ViewName = 'topics' | 'cadence' | 'map';

export const VIEW_TITLES: Record<ViewName, string> = {
  topics: 'What Pakistan’s security dialogues discuss',
  cadence: 'How regularly Pakistan’s security dialogues meet',
  map: 'Where Pakistan’s security dialogues meet',
};

/** The text alternative of a view, from the data as filtered. */
export function altText(view: ViewName, dash: Dashboard): string {
  if (view === 'topics') {
    const counts = dash.filtering
      ? [...dash.visibleTopicCounts.values()].sort((a, b) => b.total - a.total)
      : dash.data.topicCounts;
    return topicAltText(counts, dash.visibleCount);
  }
  if (view === 'cadence') return cadenceAltText(dash.data.lanes, dash.insights);
  return mapAltText(dash.data.venues.filter((v) => !dash.filtering || dash.visibleVenues.has(v.venue.id)));
}
