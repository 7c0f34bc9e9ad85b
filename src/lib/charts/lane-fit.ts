import type { CadenceLane } from '../data/aggregate';

/** A packed lane's least height (10 px names), and the room around the lanes: year labels above, "today" below. */
const LANE = 15;
const AROUND = 26 + 22;
/** The line under the lanes that counts those left out. */
const NOTE = 20;

/**
 * How tall a legend of items `widths` px wide is, wrapped into `width` px as a flex row wraps them
 * (`gap` px between items, lines `line` px tall and `rowGap` px apart).
 */
export function wrappedHeight(
  widths: readonly number[],
  width: number,
  gap: number,
  line: number,
  rowGap: number,
): number {
  let lines = widths.length ? 1 : 0;
  let used = -gap;
  for (const w of widths) {
    if (used + gap + w > width + 0.5 && used > 0) {
      lines += 1;
      used = w;
    } else used += gap + w;
  }
  return lines * line + Math.max(0, lines - 1) * rowGap;
}

/**
 * The tracks a frame `height` px tall has room for (an embed, Present on a short screen): every
 * one when they fit packed, else the tracks with the latest meetings (held or planned), in the
 * page's order, and a line saying how many are left out. Drawn instead, the chart would be
 * scaled down into type too small to read. Where the frame's room also holds the legend of the
 * partners drawn, `legend` gives its height for a set of them: fewer partners, fewer lines, and
 * the lines left over hold more lanes.
 */
export function fitLanes(
  lanes: CadenceLane[],
  height: number,
  legend: (partners: ReadonlySet<string>) => number = () => 0,
): { lanes: CadenceLane[]; note: string | null } {
  const partners = (ls: CadenceLane[]) => new Set(ls.map((l) => l.partner));
  if (lanes.length < 2 || lanes.length * LANE + AROUND + legend(partners(lanes)) <= height)
    return { lanes, note: null };
  const last = (l: CadenceLane) => l.span?.[1].getTime() ?? -Infinity;
  const order = lanes.map((_, i) => i).sort((a, b) => last(lanes[b]!) - last(lanes[a]!) || a - b);
  // Each track more may bring its partner into the legend: the most whose lanes and legend fit.
  const keep = (n: number) => order.slice(0, n).map((i) => lanes[i]!);
  let room = Math.max(1, Math.min(lanes.length - 1, Math.floor((height - AROUND - NOTE) / LANE)));
  while (room > 1 && room * LANE + AROUND + NOTE + legend(partners(keep(room))) > height) room -= 1;
  const kept = new Set(order.slice(0, room));
  const left = lanes.length - kept.size;
  // Not "active less recently": a track kept for a round it plans may have last met before one left out.
  const undated = lanes.some((l, i) => !kept.has(i) && !l.span);
  return {
    lanes: lanes.filter((_, i) => kept.has(i)),
    note: `and ${left} more ${left === 1 ? 'track' : 'tracks'} with earlier ${undated ? 'or no dates' : 'dates'}`,
  };
}
