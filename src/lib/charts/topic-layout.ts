import { cumsum, max } from 'd3-array';
import type { ScaleLinear } from 'd3-scale';
import type { TopicCount } from '../data/aggregate';
import { formatCount } from '../data/format-count';
import { approxTextWidth, spacedLength, textLength, wrapWords } from './text';
import { NO_SPACING, type TextSpacing } from './text-spacing';

/**
 * Row height: taller when some label wraps onto a second line (a phone). A row is its bar's target
 * for a pointer or a finger: 24 px at least (WCAG 2.5.8; 22 left a phone on its side 20 px bars).
 * A label on three lines takes a line more, its row 13 px taller than the others.
 */
export const ROW_ONE_LINE = 24;
const ROW_TWO_LINES = 32;
const FONT = 12;
/**
 * Above the bars, and below them for the axis: the ticks' labels and, its baseline 28 px under the
 * bars, the title "meetings" with its descent (its box runs 3 px under its baseline in an 11 px UI
 * font, up to 4 in Noto Sans). At 30, its foot was 1 px outside the SVG, clipped: 1.5 px when grown
 * to a 1920×1080 screen.
 */
export const TOPIC_MARGIN = { top: 8, bottom: 32 };

/** Where the topic chart's parts sit, from the counts and the width. */
export interface TopicLayout {
  /** Width of the labels' column, left of the bars. */
  labelWidth: number;
  /**
   * Each topic's label in at most `labelLineLimit` lines of whole words (three on a phone, where two
   * cut "Cooperation in multilateral…"); the last ends in "…" when even that is short.
   */
  labelLines: Map<string, string[]>;
  /** The rows' edges, top to bottom: row i spans rows[i] to rows[i + 1] (its bar centred in it). */
  rows: number[];
  /** A bar's thickness. */
  band: number;
  /** Width of the bars' area. */
  innerWidth: number;
  /** Characters in a line across the whole chart: a label shown whole on hover or focus wraps at this. */
  fullChars: number;
  /** Characters a space between words takes (more than 1 under a reader's word spacing), for wrapWords. */
  space: number;
  innerHeight: number;
  height: number;
}

/**
 * `spacing` is the labels' letter and word spacing in px (none but under a reader's style sheet):
 * the label column, the lines' wrapping and the room for the counts all widen with it. `oneLine`: a
 * row's height where no label wraps (shorter in Present, whose bars are not targets: see fitTopics).
 */
export function topicLayout(
  counts: readonly TopicCount[],
  width: number,
  filtering: boolean,
  labelLineLimit: number,
  spacing: TextSpacing = NO_SPACING,
  oneLine = ROW_ONE_LINE,
): TopicLayout {
  // A character of a label, a little wider than approxTextWidth's (a wrapped line must not run
  // past the left edge), with the letter spacing; and a space between words, in characters.
  const char = FONT * 0.6 + spacing.letter;
  const space = 1 + spacing.word / char;
  // The longest single word: the label column holds it (within reason; past that it is cut, see wrapWords).
  // d3's max, not Math.max(...): an upload may hold more topics than a call can take arguments.
  const longestWord = max(counts, (c) => max(c.label.split(/\s+/), (w) => textLength(w) * char + 12)) ?? 0;
  // The column's share of the width grows with the letter spacing (to at most 0.55), so that
  // spaced labels wrap and shorten much as unspaced ones do rather than lose more words.
  const share = Math.min(0.42 * (char / (FONT * 0.6)), 0.55);
  const labelWidth = Math.min(
    Math.max(90, width * share, Math.min(longestWord, width * 0.55)),
    // The longest label on one line, measured as the wrapping below measures it.
    (max(counts, (c) => spacedLength(c.label, space) * char) ?? 0) + 12,
  );
  const labelChars = Math.floor((labelWidth - 12) / char);
  const lines = counts.map((c) => wrapWords(c.label, labelChars, labelLineLimit, space));
  const row = lines.some((l) => l.length > 1) ? ROW_TWO_LINES : oneLine;
  const rows = [0, ...cumsum(lines, (l) => (l.length > 2 ? row + 13 : row))];
  // Room right of the longest bar for its count ("61,556/61,556" while filtering).
  const most = formatCount(max(counts, (c) => c.total) ?? 0);
  const value = filtering ? `${most}/${most}` : most;
  const marginRight = Math.max(36, approxTextWidth(value, 11) + value.length * spacing.letter + 10);
  const innerWidth = Math.max(40, width - labelWidth - marginRight);
  const fullChars = Math.max(labelChars, Math.floor((labelWidth + innerWidth - 8) / char));
  const innerHeight = rows.at(-1)!;
  return {
    labelWidth,
    labelLines: new Map(counts.map((c, i) => [c.id, lines[i]!])),
    rows,
    // As d3's scaleBand placed them: 0.28 of a row between bars.
    band: row * 0.72,
    innerWidth,
    fullChars,
    space,
    innerHeight,
    height: innerHeight + TOPIC_MARGIN.top + TOPIC_MARGIN.bottom,
  };
}

/** The top of row i's bar, centred in its row. */
export const barTop = (rows: readonly number[], band: number, i: number): number =>
  (rows[i]! + rows[i + 1]! - band) / 2;

/**
 * The bars (`shown`: the counts coloured, in `counts` order) stacked by partner, as one path per
 * partner holding its segment of every bar: a dozen elements instead of hundreds. Each segment is
 * drawn half a pixel inside its place, for the 1 px edge it is outlined with (edge-of.ts): the
 * edge's outer side is the segment's, so the bars keep their size and the pixel between segments.
 *
 * Stacked with d3-array's `cumsum` (each bar's running total over the partners, in their order),
 * which is what d3-shape's `stack` computes with its default order and offset for counts, none
 * negative. d3-shape is not used for it: its single module keeps all its curves (about 3 KB
 * compressed) in the first view's JavaScript, whatever one imports from it.
 */
export function partnerSegments(
  shown: readonly TopicCount[],
  partners: readonly string[],
  x: ScaleLinear<number, number>,
  { rows, band }: Pick<TopicLayout, 'rows' | 'band'>,
): { partner: string; d: string }[] {
  const ends = shown.map((c) =>
    cumsum(partners, (partner) => c.byPartner.find((p) => p.partner === partner)?.count ?? 0),
  );
  return partners.map((partner, j) => ({
    partner,
    d: ends
      .map((end, i) => {
        const [x0, x1] = [x(j === 0 ? 0 : end[j - 1]!), x(end[j]!)];
        const w = x1 - x0 - 1;
        return w > 0 ? `M${x0 + 0.5},${barTop(rows, band, i) + 0.5}h${w - 1}v${band - 1}h${1 - w}Z` : '';
      })
      .join(''),
  }));
}

/**
 * A bar in words, starting with what it shows (label and count), for speech input and WCAG 2.5.3.
 * Filtered, the count shown ("2/5") is said once, with what it counts: "2/5 of its meetings match
 * the filters" (read as "2 slash 5" or "two fifths", either is right).
 */
export function describeTopic(c: TopicCount, shownTotal: number, filtering: boolean): string {
  const meetings = (n: number) => `${formatCount(n)} ${n === 1 ? 'meeting' : 'meetings'}`;
  const split = c.byPartner
    .filter((p) => p.count > 0)
    .map((p) => `${p.partner} ${formatCount(p.count)}`)
    .join(', ');
  if (filtering)
    return `${c.label} ${formatCount(shownTotal)}/${formatCount(c.total)} of its meetings match the filters (all: ${split})`;
  return `${c.label} ${meetings(c.total)} (${split})`;
}
