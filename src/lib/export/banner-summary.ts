import type { TopicCount, VenueSummary } from '../data/aggregate';
import { formatCount } from '../data/format-count';
import type { TrackInsight } from '../data/insights';
import { isolate } from '../data/isolate';
import type { NextFilter } from '../data/next-shown';
import { dueNextLine } from '../data/track-summary';

/**
 * What a frame too short for its chart (a 728×90 banner) says in one line instead: the most
 * discussed topics, what is due next, or the venues and their meetings. The banner links to the
 * chart itself. Each name isolated (FSI … PDI): Urdu topics would otherwise swap places and
 * leave their counts behind.
 */
export function bannerSummary(
  view: 'map' | 'topics' | 'cadence',
  shown: {
    topics: readonly TopicCount[];
    venues: readonly VenueSummary[];
    insights: readonly TrackInsight[];
    /** Under filters, what they leave shown of each track's next meeting, as the timeline shows it. */
    filter: NextFilter | null;
    meetings: number;
  },
): string {
  const n = (k: number, one: string) => `${formatCount(k)} ${k === 1 ? one : `${one}s`}`;
  if (view === 'topics') {
    const top = [...shown.topics]
      .filter((t) => t.total > 0)
      .sort((a, b) => b.total - a.total)
      .slice(0, 3);
    if (!top.length) return 'No meeting shown lists a topic.';
    const [first, ...rest] = top;
    return `Most discussed: ${isolate(first!.label)} (${formatCount(first!.total)} of ${n(shown.meetings, 'meeting')})${rest.map((t) => `, ${isolate(t.label)} (${formatCount(t.total)})`).join('')}.`;
  }
  if (view === 'cadence')
    return shown.insights.length ? dueNextLine(shown.insights, shown.filter) : 'No track matches.';
  const venues = [...shown.venues].sort((a, b) => b.meetings.length - a.meetings.length);
  if (!venues.length) return 'No meeting shown names a venue.';
  return `${n(venues.length, 'venue')}: ${venues.map((v) => `${isolate(v.venue.name)} ${formatCount(v.meetings.length)}`).join(', ')}.`;
}
