import type { CadenceLane } from '../data/aggregate';

/** A packed lane's least height (10 px names), and the room around the lanes: year labels above, "today" below. */
const LANE = 15;
const AROUND = 26 + 22;
/** The line under the lanes that counts those left out. */
const NOTE = 20;

/**
 * The tracks a frame `height` px tall has room for (an embed, Present on a short screen): every
 * one when they fit packed, else the tracks with the latest meetings (held or planned), in the
 * page's order, and a line saying how many are left out. Drawn instead, the chart would be
 * scaled down into type too small to read.
 */
export function fitLanes(lanes: CadenceLane[], height: number): { lanes: CadenceLane[]; note: string | null } {
  if (lanes.length * LANE + AROUND <= height) return { lanes, note: null };
  const room = Math.max(1, Math.floor((height - AROUND - NOTE) / LANE));
  if (lanes.length <= room) return { lanes, note: null };
  const last = (l: CadenceLane) => l.span?.[1].getTime() ?? -Infinity;
  const kept = new Set(
    lanes
      .map((_, i) => i)
      .sort((a, b) => last(lanes[b]!) - last(lanes[a]!) || a - b)
      .slice(0, room),
  );
  const left = lanes.length - kept.size;
  // Not "active less recently": a track kept for a round it plans may have last met before one left out.
  const undated = lanes.some((l, i) => !kept.has(i) && !l.span);
  return {
    lanes: lanes.filter((_, i) => kept.has(i)),
    note: `and ${left} more ${left === 1 ? 'track' : 'tracks'} with earlier ${undated ? 'or no dates' : 'dates'}`,
  };
}
