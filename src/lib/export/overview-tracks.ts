import { formatCount } from '../data/format-count';

/**
 * Which tracks the deck's all-tracks timeline keeps when every track would leave its type too small
 * to read (the partners' own slides follow it with every track): no DOM, lanes in, keys out.
 */

/** The type size (pt) the overview's track names get at least, tracks given up for it. */
export const OVERVIEW_MIN_PT = 9;

/**
 * The keys of `count` of `lanes`: each partner's busiest track (most meetings) in turn, so that every
 * partner keeps one while there are as many tracks as partners; then each one's next busiest.
 * A track with something overdue (a planned round past its date, or past its usual interval) comes
 * before busier ones: the overview is where the audience sees what is overdue.
 * Ties go to the track with more meetings held (a meeting that took place before a round only
 * planned: the EU's one held meeting was left out for a planned round first in the page's order),
 * then to the track first in the lanes' order (the page's).
 */
export function overviewTracks(
  lanes: readonly { key: string; partner: string; rows: ArrayLike<number>; held: number }[],
  count: number,
  /** The keys of the tracks with something overdue. */
  overdue: ReadonlySet<string> = new Set(),
): Set<string> {
  type Track = { key: string; late: number; meetings: number; held: number; order: number };
  const byPartner = new Map<string, Track[]>();
  lanes.forEach((l, order) => {
    const list = byPartner.get(l.partner) ?? [];
    list.push({ key: l.key, late: overdue.has(l.key) ? 1 : 0, meetings: l.rows.length, held: l.held, order });
    byPartner.set(l.partner, list);
  });
  const busier = (a: Track, b: Track) =>
    b.late - a.late || b.meetings - a.meetings || b.held - a.held || a.order - b.order;
  for (const list of byPartner.values()) list.sort(busier);
  const kept = new Set<string>();
  for (let round = 0; kept.size < count; round++) {
    const next = [...byPartner.values()].flatMap((list) => (list[round] ? [list[round]!] : []));
    if (next.length === 0) break;
    // Within a round, the busier partners' tracks first: the last round may not take them all.
    next.sort(busier);
    for (const t of next) if (kept.size < count) kept.add(t.key);
  }
  return kept;
}

/** The overview's subtitle after the filters: how many of the tracks it draws (`overdue`: those overdue first), and where the rest are. */
export function overviewNote(shown: number, all: number, overdue = false): string {
  const which = overdue ? 'those overdue, then the busiest' : 'the busiest';
  return `${formatCount(shown)} of ${formatCount(all)} tracks, ${which}; all ${formatCount(all)} on the partners’ slides that follow`;
}
