import { extent, max } from 'd3-array';
import { scaleTime, type ScaleTime } from 'd3-scale';
import { utcYear } from 'd3-time';
import type { CadenceLane } from '../data/aggregate';
import { parsePartialDate } from '../data/partial-date';
import { approxTextWidth } from './text';

/** Height of a partner's heading above its lanes. */
const HEADER = 24;
/** Space between one partner's lanes and the next partner's heading. */
const GROUP_GAP = 6;
/** Height of the strip above the axis where a period is brushed: a 24 px target for a finger (WCAG 2.5.8). */
export const BRUSH = 28;
/** Where the lanes start: below the brush strip and the year labels. */
export const AXIS = 26 + BRUSH;
const FONT = 12;
/**
 * Room left of the timeline where track names go above their lanes (or after the names' column,
 * packed beside them): a meeting early in the first year is centred near the timeline's start, and
 * its mark (a dot of radius 7, a month 18 px wide with its outline) was cut by the edge.
 */
const MARK_ROOM = 11;
/** Below this width, track names go above their lanes so the timeline can use the full width. */
export const COMPACT_BELOW = 560;
/**
 * Clear space between the outlines of adjacent packed lanes' marks (13 px tall, their outline up to
 * 1 px outside): at 15–16 px a lane, full-size marks touched (a 480×270 embed's two planned pills of
 * 2025, one above the other), so they are drawn smaller.
 */
const LANE_CLEAR = 3;
/**
 * A lane beside its name with no partner heading above it (a frame too short for the headings, with
 * room in each lane): the interval's bracket and its label (18 px over the mark, "14 mo") and a name on
 * two lines of 12 px fit in this much. An 800×500 embed's lanes were 40 px apart, yet packed as a
 * 300×250 banner's: 10 px names cut ("Additional Secretary-level…"), no intervals.
 */
export const ROOMY_LANE = 34;
/**
 * A packed lane beside its name this tall or more keeps the names' 12 px type and their column's
 * width (whole names): a 640×360 embed's 30 px lanes had 10 px names cut ("Migration and Mobility…").
 */
export const NAMED_LANE = 24;

/** Where everything of the timeline sits, from the lanes, the width and (embeds) the height to fit. */
export interface CadenceLayout {
  /** Packed for a small frame: one short row per lane, no intervals, names at its left (smaller in short lanes: smallNames). */
  tight: boolean;
  /** Narrow: track names above their lanes. */
  compact: boolean;
  /**
   * No partner headings (a frame too short for them): the partner's colour beside each name keys it.
   * Packed lanes have none either; a frame with room in each lane (ROOMY_LANE) keeps its 12 px names and intervals.
   */
  keyed: boolean;
  laneHeight: number;
  /** Where a lane's marks sit below the lane's top. */
  markOffset: number;
  /**
   * How much smaller marks are drawn in lanes packed too tight for their 13 px to clear the next
   * lane's (the charts' CSS --mark-scale); undefined where they fit.
   */
  markScale: number | undefined;
  /** Undated meetings get a column right of the timeline. */
  hasUndated: boolean;
  /** Width of the track names' column, left of the timeline (with room for marks at its start, packed). */
  labelWidth: number;
  /** Packed names in smaller type (10 px, the `.track.tight` class): lanes under NAMED_LANE, or names above them. */
  smallNames: boolean;
  /** Characters a track name may show before it is cut. */
  labelChars: number;
  /** Width of the undated column (0 without undated meetings). */
  slotWidth: number;
  /** Width of the timeline itself. */
  plotWidth: number;
  /** Partner headings, top to bottom. */
  headers: { partner: string; y: number }[];
  /** Lanes, top to bottom, each with its top. */
  rows: { lane: CadenceLane; y: number }[];
  /** Bottom of the last lane. */
  bottom: number;
  /** Height of the whole chart, with room below the lanes for the "today" label. */
  height: number;
}

export function cadenceLayout(lanes: readonly CadenceLane[], width: number, fitHeight?: number): CadenceLayout {
  const partnerCount = new Set(lanes.map((l) => l.partner)).size;
  let tight = false;
  let keyed = false;
  if (fitHeight !== undefined) {
    const lane = width < COMPACT_BELOW ? 58 : 40;
    const usual = AXIS + partnerCount * HEADER + (partnerCount - 1) * GROUP_GAP + lanes.length * lane + 22;
    keyed = tight = usual > fitHeight;
  }
  const tightLane = tight ? Math.floor((fitHeight! - AXIS - 22) / Math.max(1, lanes.length)) : 0;
  // Short for the headings, but each lane beside its name has room for its intervals and a whole name:
  // the headings go (the colour beside each name keys it), the lanes are not packed.
  const roomy = tight && width >= COMPACT_BELOW && tightLane >= ROOMY_LANE;
  if (roomy) tight = false;
  // Narrow, each lane's name goes above its marks — packed tight too, while a lane has room for a
  // name and a mark (a name column would leave a phone-sized embed a few letters of each).
  const compact = width < COMPACT_BELOW && (!tight || tightLane >= 32);
  const laneHeight = tight
    ? Math.max(15, Math.min(compact ? 58 : 40, tightLane))
    : roomy
      ? Math.min(40, tightLane)
      : compact
        ? 58
        : 40;
  // Its marks as low in the lane as beside a heading (26 of 40 px), the interval's label above them.
  const markOffset = tight ? (compact ? Math.min(44, laneHeight - 9) : laneHeight / 2) : compact ? 44 : laneHeight - 14;
  const markScale = tight && laneHeight < 18 ? (laneHeight - 2 - LANE_CLEAR) / 13 : undefined;
  const smallNames = tight && (compact || tightLane < NAMED_LANE);
  const labelFont = smallNames ? 10 : FONT;
  // Undated meetings sort last in their lane.
  const hasUndated = lanes.some((l) => l.meetings.at(-1)?.date === null);
  const names = compact
    ? MARK_ROOM
    : Math.min(
        Math.max(smallNames ? 60 : 80, width * (smallNames ? 0.28 : 0.4)),
        (max(lanes, (l) => approxTextWidth(l.track, labelFont)) ?? 0) + 16,
      );
  // Above its lane a name starts 16 px in, and its box (see LaneRow) reaches a little past its ends:
  // counted from the chart's left edge, "…" ran past the right one and was cut to "‥".
  const labelChars = Math.floor(((compact ? width - 8 : names) - 14) / (labelFont * 0.56));
  // Packed beside its lanes, the timeline starts MARK_ROOM after the names: a month or a year drawn
  // 18 px wide at its start reaches left of it ("Counterter…" ran into a 300×250 embed's first mark).
  const labelWidth = tight && !compact ? names + MARK_ROOM : names;
  const slotWidth = hasUndated ? (compact ? 66 : 88) : 0;
  const plotWidth = Math.max(60, width - labelWidth - slotWidth - 16);

  // Partner headers and lanes stacked top to bottom.
  const headers: { partner: string; y: number }[] = [];
  const rows: { lane: CadenceLane; y: number }[] = [];
  let y = AXIS;
  let previous: string | null = null;
  for (const lane of lanes) {
    if (lane.partner !== previous && !keyed) {
      if (previous !== null) y += GROUP_GAP;
      headers.push({ partner: lane.partner, y });
      y += HEADER;
      previous = lane.partner;
    }
    rows.push({ lane, y });
    y += laneHeight;
  }
  const layout = {
    tight,
    compact,
    keyed,
    laneHeight,
    markOffset,
    markScale,
    smallNames,
    hasUndated,
    labelWidth,
    labelChars,
    slotWidth,
    plotWidth,
  };
  return { ...layout, headers, rows, bottom: y, height: y + 22 };
}

/**
 * A year's label ("2027") starts 4 px right of its rule and is about 29 px wide (11 px digits, 28.3
 * in DejaVu Sans): it needs this much room before the lanes end, else it runs past them.
 */
export const YEAR_LABEL_ROOM = 33;
/** Room after the last year boundary for its label, so that where the lanes end is named. */
export const END_YEAR_ROOM = 34;
/** Year labels closer than this crowd: every second, third… one is labelled. */
const YEAR_LABEL_SPACING = 44;

/**
 * The time scale: whole years from the first meeting (or today) to the last (or today, or a
 * next meeting expected from the usual interval, `expected`), and a little of the year after:
 * its boundary, drawn with its label, says where the next year begins. A round ending with its
 * year (one known only to its year: "2026" ends at 1 Jan 2027) ends the axis at that boundary,
 * not a year later. Where the room would be more than a third of the plot (a small embed), the
 * axis ends at the boundary, whose label then ends at its rule (see yearTicks).
 */
export function cadenceScale(
  lanes: readonly CadenceLane[],
  today: Date,
  plotWidth: number,
  expected: readonly Date[] = [],
): ScaleTime<number, number> {
  // A span ends at the first instant after it; a point (today, an expected meeting) on a boundary
  // is in the year it starts, so it counts 1 ms later.
  const points = [...expected, today];
  const [lo, hi] = extent([...lanes.flatMap((l) => l.span ?? []), ...points, ...points.map((d) => +d + 1)], Number);
  const start = utcYear.floor(new Date(lo!));
  const end = utcYear.ceil(new Date(hi!));
  const after = ((+end - +start) * END_YEAR_ROOM) / Math.max(1, plotWidth - END_YEAR_ROOM);
  return scaleTime()
    .domain([start, new Date(+end + (plotWidth >= 3 * END_YEAR_ROOM ? after : 0))])
    .range([0, plotWidth]);
}

/** A year boundary on the axis: its rule, and its label after it (`start`), before it (`end`), or none. */
export interface YearTick {
  t: Date;
  label?: 'start' | 'end';
}

/**
 * Steps between labelled years, tried in turn. Where a step that ends on the first year too is at
 * most twice the least that fits, it is taken, so that both ends are named ("2015 2019 2023 2027").
 */
const YEAR_STEPS = [1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 25, 50, 100];

/**
 * The year boundaries to draw on `x`, and which to label: only labels inside the lanes, evenly
 * stepped (every year, or every 2, 3, 5… years where they would crowd), counted back from the last,
 * so that the axis still names where it ends; the first boundary too where a step allows (see
 * YEAR_STEPS). Uneven steps ("2015 2019 2022 2025" on a 320 px phone) read as uneven time. The
 * axis's last boundary is labelled after its rule where the room kept for it allows (the boundaries
 * inside that room are not drawn: it holds the label, not a year); where the axis ends on the
 * boundary, its label ends at the rule, clear of the one before.
 */
export function yearTicks(x: ScaleTime<number, number>, plotWidth: number): YearTick[] {
  const years = x.ticks(utcYear.every(1)!);
  const last = years.at(-1);
  // The axis ends on a boundary: every boundary is drawn, and the last labelled before its rule. Not
  // where the axis keeps room after its last boundary (cadenceScale), whose end a later 1 January
  // can fall on, with the room a year or more wide.
  const room = years.some((t) => Math.abs(x(t) - (plotWidth - END_YEAR_ROOM)) < 0.5);
  const edge = !room && last && x(last) > plotWidth - 0.5 ? last : undefined;
  const fits = (t: Date) => (t === edge ? x(t) >= YEAR_LABEL_ROOM : x(t) + YEAR_LABEL_ROOM <= plotWidth + 0.5);
  // Else those whose label fits after them: any later one lies in the room kept for the last one's label.
  const drawn = years.filter((t) => edge || fits(t)).map((t): YearTick => ({ t }));
  const labels = drawn.filter(({ t }) => fits(t));
  const end = labels.at(-1)?.t.getUTCFullYear();
  if (end === undefined) return drawn;
  // Where a label's left edge is.
  const left = ({ t }: YearTick) => (t === edge ? x(t) - YEAR_LABEL_ROOM : x(t) + 4);
  /** The labels every `step` years back from the last, from the scale's ticks; null where two crowd. */
  const stepped = (step: number) => {
    const at = new Set(x.ticks(utcYear.filter((d) => (end - d.getUTCFullYear()) % step === 0)).map(Number));
    const chosen = labels.filter(({ t }) => at.has(+t));
    return chosen.every((tick, i) => i === 0 || left(chosen[i - 1]!) + YEAR_LABEL_SPACING <= left(tick))
      ? chosen
      : null;
  };
  const least = YEAR_STEPS.findIndex((step) => stepped(step));
  const steps = least < 0 ? [] : YEAR_STEPS.slice(least);
  const span = end - labels[0]!.t.getUTCFullYear();
  const step = steps.find((k) => k < 2 * steps[0]! && span % k === 0 && stepped(k)) ?? steps[0];
  for (const tick of (step && stepped(step)) || labels.slice(-1)) tick.label = tick.t === edge ? 'end' : 'start';
  return drawn;
}

/**
 * The filtered period as first and last instant on the scale (an open end runs to the scale's end), or null.
 * Each end is held to the scale: a link's period beyond it (`from=2030-01`) is its edge's instant,
 * drawn there, rather than a box ending before it starts.
 */
export function periodSpan(from: string | null, to: string | null, x: ScaleTime<number, number>): [Date, Date] | null {
  if (!from && !to) return null;
  const [lo, hi] = x.domain() as [Date, Date];
  const last = new Date(hi.getTime() - 1);
  const on = (d: Date) => (d < lo ? lo : d > last ? last : d);
  const start = from ? parsePartialDate(from) : null;
  const end = to ? parsePartialDate(to) : null;
  return [on(start?.start ?? lo), on(end ? new Date(end.end.getTime() - 1) : last)];
}
