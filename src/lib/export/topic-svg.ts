import { max } from 'd3-array';
import { scaleBand, scaleLinear } from 'd3-scale';
import type { TopicCount } from '../data/aggregate';
import { formatCount as fmt } from '../data/format-count';
import { themedColour } from '../charts/dark-palette';
import { markEdge } from '../charts/mark-edge';
import { approxTextWidth, isolate, truncateWords } from '../charts/text';
import type { SlideTheme } from './themes';
import { el, text, title } from './xml';

export interface TopicSvgInput {
  /** Counts over all meetings: bar order and the full (ghost) length. */
  counts: readonly TopicCount[];
  partners: readonly string[];
  colour: (partner: string) => string;
  /** Counts among the filtered meetings, when a filter is on. */
  visible?: ReadonlyMap<string, TopicCount>;
  width: number;
  theme: SlideTheme;
}

const ROW = 22;
const FONT = 12;
const TOP = 8;
const BOTTOM = 30;

/**
 * The topic chart as lean, editable SVG for slides: the same layout as the page's TopicChart,
 * written here rather than copied from the page so that every bar segment is its own <rect>
 * (a shape per bar after "Convert to Shape" or ungroup), grouped per topic and named with
 * <title>s (topic labels and counts beside them, as axis text), colours from the export theme, shared styles set once on groups, no default
 * attributes and coordinates rounded to 0.1 px.
 */
export function writeTopicSvg(input: TopicSvgInput): { markup: string; width: number; height: number } {
  const { counts, partners, colour, visible, width, theme } = input;
  const labelWidth = Math.min(
    Math.max(90, width * 0.42),
    (max(counts, (c) => approxTextWidth(c.label, FONT)) ?? 0) + 10,
  );
  const labelChars = Math.floor((labelWidth - 10) / (FONT * 0.56));
  const most = fmt(max(counts, (c) => c.total) ?? 0);
  const marginRight = Math.max(36, approxTextWidth(visible ? `${most}/${most}` : most, 11) + 10);
  const innerWidth = Math.max(40, width - labelWidth - marginRight);
  const innerHeight = counts.length * ROW;
  const height = innerHeight + TOP + BOTTOM;
  const maxTotal = max(counts, (c) => c.total) ?? 1;
  const x = scaleLinear().domain([0, maxTotal]).nice().range([0, innerWidth]);
  const y = scaleBand<number>()
    .domain(counts.map((_, i) => i))
    .range([0, innerHeight])
    .paddingInner(0.28)
    .paddingOuter(0.14);
  const band = y.bandwidth();
  // As many ticks as their labels leave room for, as on the page.
  const ticks = x.ticks(Math.min(maxTotal, 6, innerWidth / ((`${maxTotal}`.length + 1) * 11))).filter(Number.isInteger);

  const grid = el(
    'g',
    { stroke: theme.grid },
    ticks.map((t) => el('line', { x1: x(t), x2: x(t), y2: innerHeight })).join(''),
  );
  const axis = el(
    'g',
    { 'font-size': 11, fill: theme.muted, 'text-anchor': 'middle' },
    ticks.map((t) => text({ x: x(t), y: innerHeight + 16 }, fmt(t))).join('') +
      text({ x: innerWidth / 2, y: innerHeight + 28 }, 'meetings'),
  );

  const baseline = band / 2 + FONT * 0.35;
  const labels: string[] = [];
  const values: string[] = [];
  const bars = counts
    .map((count, i) => {
      const shown = visible ? (visible.get(count.id) ?? { ...count, total: 0, byPartner: [] }) : count;
      let x0 = 0;
      const segments = partners
        .map((partner) => {
          const n = shown.byPartner.find((p) => p.partner === partner)?.count ?? 0;
          const from = x0;
          x0 += n;
          const w = x(x0) - x(from) - 1;
          if (n === 0 || w <= 0) return '';
          // A colour under 3:1 on the slide is outlined in its partner's edge, inside the segment (as on
          // the page), so its shape reads at 3:1; one that passes is its own edge, and an outline in
          // the fill itself would add bytes and change nothing.
          const fill = themedColour(colour(partner), theme.name);
          const edge = markEdge(fill, theme.edgeBackground);
          const box =
            edge.toLowerCase() === fill.toLowerCase()
              ? { x: x(from), width: w, height: band, fill }
              : { x: x(from) + 0.5, y: 0.5, width: Math.max(0, w - 1), height: band - 1, fill, stroke: edge };
          return el('rect', box, title(`${partner}: ${fmt(n)} ${n === 1 ? 'meeting' : 'meetings'}`));
        })
        .join('');
      // The whole bar in the ghost colour, under the part that matches: only where some of it does not.
      const ghost =
        visible && shown.total < count.total
          ? el('rect', { width: Math.max(0, x(count.total) - 1), height: band, fill: theme.ghost })
          : '';
      const top = Math.round((y(i) ?? 0) * 10) / 10;
      labels.push(
        text(
          { y: top + baseline, fill: shown.total === 0 ? theme.muted : null },
          isolate(truncateWords(count.label, labelChars)),
        ),
      );
      values.push(
        text(
          { x: x(count.total) + 5, y: top + baseline },
          visible ? `${fmt(shown.total)}/${fmt(count.total)}` : fmt(count.total),
        ),
      );
      return el(
        'g',
        { transform: `translate(0,${top})` },
        title(`${count.label}: ${fmt(count.total)} ${count.total === 1 ? 'meeting' : 'meetings'}`) + ghost + segments,
      );
    })
    .join('');

  const markup = el(
    'g',
    { transform: `translate(${Math.round(labelWidth * 10) / 10},${TOP})`, 'font-size': FONT, fill: theme.ink },
    grid +
      axis +
      bars +
      // Ending 8 px left of the axis: said once, on the group, not on each of (up to) 20 names.
      el('g', { 'text-anchor': 'end', transform: 'translate(-8)' }, labels.join('')) +
      el('g', { 'font-size': 11, fill: theme.muted }, values.join('')) +
      el('line', { y2: innerHeight, stroke: theme.axis }),
  );
  return { markup, width, height };
}
