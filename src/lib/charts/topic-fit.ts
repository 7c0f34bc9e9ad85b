import type { TopicCount } from '../data/aggregate';
import { formatCount } from '../data/format-count';
import { ROW_ONE_LINE, TOPIC_MARGIN } from './topic-layout';

/** Present's shortest row: its 12 px names 6 px apart, its bars 14 px thick. */
export const PRESENT_ROW = 20;

/** A topic chart's height besides its rows (fitted to a frame): its axis's margins, and 20 px for the line under the bars. */
export const TOPIC_FRAME_EXTRA = TOPIC_MARGIN.top + TOPIC_MARGIN.bottom + 20;

/**
 * The topics a frame `height` px tall has rows for (embeds, Present on a short screen), and a line
 * saying how many are left out and how often those came up: told exactly, as they may tie with
 * the last one drawn. Under filters (`visible`), the rows go to the topics the matching meetings
 * discussed most (ties: the topics `filtered` by first, then the page's order), drawn in the page's
 * order, and the topics left out are counted in the meetings matched, as the bars' "x/y" are. A
 * 300×250 embed filtered by Refugee management drew Counter-terrorism, Intelligence sharing and
 * Border security, its 1/1 tied with theirs, and left out the topic it was filtered by.
 */
export function fitTopics(
  all: TopicCount[],
  visible: ReadonlyMap<string, TopicCount> | null,
  height: number,
  filtered: readonly string[] = [],
  present = false,
): { counts: TopicCount[]; note: string | null; row?: number } {
  // TopicChart's rows with one-line labels (shown whole on hover or focus), with its axis and the line under the bars.
  const fits = Math.max(3, Math.floor((height - TOPIC_FRAME_EXTRA) / ROW_ONE_LINE));
  if (all.length <= fits) return { counts: all, note: null };
  // Presenting, whose bars are not targets, rows as short as PRESENT_ROW keep every bar, with no line
  // under them: at 1280×720, the filters naming six topics took a second line, and a bar of 20 went.
  // Up to 8 topics, never one left out: FitToFrame scales the chart into the frame instead.
  const room = height - TOPIC_FRAME_EXTRA + 20;
  if (present && (all.length * PRESENT_ROW <= room || all.length <= 8))
    return { counts: all, note: null, row: Math.max(PRESENT_ROW, Math.min(ROW_ONE_LINE, room / all.length)) };
  const matched = (c: TopicCount) => (visible ? (visible.get(c.id)?.total ?? 0) : c.total);
  const chosen = new Set(filtered);
  const first = (i: number) => (chosen.has(all[i]!.id) ? 0 : 1);
  const kept = all
    .map((_, i) => i)
    .sort((a, b) => matched(all[b]!) - matched(all[a]!) || first(a) - first(b) || a - b)
    .slice(0, fits)
    .sort((a, b) => a - b);
  const shown = new Set(kept);
  const counts = kept.map((i) => all[i]!);
  let [most, least, hidden] = [0, Infinity, 0];
  all.forEach((c, i) => {
    if (shown.has(i)) return;
    const n = matched(c);
    [most, least, hidden] = [Math.max(most, n), Math.min(least, n), hidden + 1];
  });
  const topics = `${formatCount(hidden)} more ${hidden === 1 ? 'topic' : 'topics'}`;
  if (most === 0) return { counts, note: `and ${topics}, not discussed in any matching meeting` };
  const meetings = most === 1 ? 'meeting' : 'meetings';
  return {
    counts,
    note: `and ${topics}, ${hidden === 1 ? 'in' : 'each in'} ${formatCount(most)} ${meetings}${most === least ? '' : ' or fewer'}`,
  };
}
