import { fitLine, fitsLine } from './fit-line';
import { attrs, el, escapeXml, round1, roundNumbers, text } from './xml';
import type { SlidePreset } from '../state/slide-preset';
import { textWidth } from './text-width';
import { FONT_STACK, type SlideTheme } from './themes';

/** Slide size in CSS pixels at 1×: 1920×1080 (16:9) or 1440×1080 (4:3). */
export function slideSize(ratio: SlidePreset['ratio']): { width: number; height: number } {
  return ratio === '16:9' ? { width: 1920, height: 1080 } : { width: 1440, height: 1080 };
}

export interface LegendItem {
  label: string;
  colour: string;
  /** A partner's edge (charts/mark-edge.ts): the swatch is outlined in it, inside its size. */
  edge?: string;
  /** How the swatch is drawn. */
  shape?: 'square' | 'dot' | 'ring' | 'diamond' | 'pill' | 'interval';
}

export interface SlideContent {
  title: string;
  /** The active filters, or "All meetings". */
  subtitle: string;
  legend: LegendItem[];
  /** "Source: …, data as of …". */
  source: string;
  /**
   * What the chart cannot show, on a line of its own under it ("2 of 3 meetings name no venue and are
   * not on the map"): appended to the filters, it took their type from 28 px to 19.
   */
  note?: string;
  /** A text alternative, carried in <desc>. */
  alt: string;
  /** The chart, as SVG markup drawn in a box of `bodyWidth` × `bodyHeight`. */
  body: string;
  bodyWidth: number;
  bodyHeight: number;
}

export const SLIDE_MARGIN = 72;
const TITLE = 52;
const SUBTITLE = 28;
/** The filters' smallest type: past it they take two lines. */
const SUBTITLE_MIN = 18;
const LEGEND = 24;
const SOURCE = 20;
/** The source line's smallest type: past it, it takes more lines. */
const SOURCE_MIN = 17;
/** Space between the source's lines. */
const SOURCE_LINE = 22;
/** A note under the chart: its type (as the source line's), and the room each of its lines takes. */
const NOTE = 20;
const NOTE_LINE = 30;

/** Space between legend rows. */
const LEGEND_ROW = 32;
/** The legend's type size. */
const LEGEND_FONT = 20;

/**
 * How much wider than Arial a slide program's fallback font may draw a label: DejaVu Sans, which
 * LibreOffice takes where it has no font of the SVG's list, runs 10–17% wider ("not matching the
 * filters" 17%, "date known to the month or year" 16%).
 */
const FALLBACK_WIDER = 1.18;

/** The gap after a label's room (its width in the fallback font) and before the next item's swatch. */
const LEGEND_GAP = 24;

/**
 * Where each legend item goes on a slide `width` wide: in a row, and on to a second (or third) row
 * rather than past the slide's edge when there are many (partners). Each label's room is its
 * letters' width (text-width.ts) in a font up to FALLBACK_WIDER wider than the Arial it is measured
 * in, so a label drawn in a wider font still ends before the next item's swatch.
 */
export function legendLayout(legend: readonly LegendItem[], width: number): { x: number; row: number }[] {
  const room = width - 2 * SLIDE_MARGIN;
  let x = 0;
  let row = 0;
  return legend.map((item) => {
    const w = 28 + textWidth(item.label, LEGEND_FONT) * FALLBACK_WIDER;
    if (x > 0 && x + w > room) {
      x = 0;
      row += 1;
    }
    const at = { x, row };
    x += w + LEGEND_GAP;
    return at;
  });
}

/** The title's baseline. */
export const TITLE_BASELINE = SLIDE_MARGIN + TITLE - 10;

/** Where the legend's first row has its baseline. */
export const LEGEND_BASELINE = SLIDE_MARGIN + TITLE + 14 + SUBTITLE + 34;

/**
 * The baseline of line `i` of the filters under the title, on `lines` lines (one, or two in small
 * type). Two lines are centred between the title's descenders and the legend: hung from the one
 * line's baseline, the first line's letters touched the title's "g" and "y".
 */
export function subtitleBaseline(i: number, lines: number): number {
  const one = SLIDE_MARGIN + TITLE + 14 + SUBTITLE - 4;
  return lines === 1 ? one : one - 14 + i * 22;
}

/** How many rows a legend takes on a slide `width` wide. */
export function legendRowsOf(legend: readonly LegendItem[], width: number): number {
  return (legendLayout(legend, width).at(-1)?.row ?? 0) + 1;
}

/**
 * The source line sized to a slide `width` wide, measured as the legend is (in a font up to
 * FALLBACK_WIDER wider than Arial): the largest type from SOURCE down to SOURCE_MIN at which it fits
 * one line, else lines of whole words at SOURCE_MIN. An upload's source line (its file names and
 * when they were uploaded, then the country shapes' credit) ran off a 4:3 map slide at "· Co".
 */
export function sourceLines(source: string, width: number): { size: number; lines: string[] } {
  const room = width - 2 * SLIDE_MARGIN;
  const fits = (line: string, size: number) => textWidth(line, size) * FALLBACK_WIDER <= room;
  for (let size = SOURCE; size >= SOURCE_MIN; size--) if (fits(source, size)) return { size, lines: [source] };
  return { size: SOURCE_MIN, lines: wordLines(source, (line) => fits(line, SOURCE_MIN)) };
}

/** `text` in lines of whole words, each as long as `fits` allows (a word longer than a line takes one alone). */
export function wordLines(text: string, fits: (line: string) => boolean): string[] {
  const lines: string[] = [];
  for (const word of text.split(' ')) {
    const last = lines.at(-1);
    if (last !== undefined && fits(`${last} ${word}`)) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

/**
 * A note under the chart (SlideContent.note) on a slide `width` wide: at the source line's type, in
 * as many lines of whole words as it takes (measured as the source line is). None without a note.
 */
export function noteLines(note: string | undefined, width: number): string[] {
  if (!note) return [];
  const room = width - 2 * SLIDE_MARGIN;
  return wordLines(note, (line) => textWidth(line, NOTE) * FALLBACK_WIDER <= room);
}

/**
 * The room left for the chart on a slide of this size, below a legend of `legendRows` rows and
 * above a note of `noteRows` lines (noteLines) and a source line of `sourceRows` lines.
 */
export function bodyBox(
  width: number,
  height: number,
  legendRows = 1,
  sourceRows = 1,
  noteRows = 0,
): { x: number; y: number; width: number; height: number } {
  const top = SLIDE_MARGIN + TITLE + 14 + SUBTITLE + 34 + LEGEND + 28 + Math.max(0, legendRows - 1) * LEGEND_ROW;
  return {
    x: SLIDE_MARGIN,
    y: top,
    width: width - 2 * SLIDE_MARGIN,
    height:
      height - top - SLIDE_MARGIN - SOURCE - 24 - Math.max(0, sourceRows - 1) * SOURCE_LINE - noteRows * NOTE_LINE,
  };
}

/** Whether a subtitle fits its room on an SVG slide of this shape whole: describeFilters summarises to it. */
export const slideSubtitleFits =
  (ratio: SlidePreset['ratio']) =>
  (text: string): boolean =>
    fitsLine(text, slideSize(ratio).width - 2 * SLIDE_MARGIN, SUBTITLE_MIN);

/**
 * A whole slide as one self-contained SVG: presentation attributes only (no CSS, no scripts,
 * no foreignObject, no external references), which LibreOffice, PowerPoint, Keynote and Google
 * Slides all read. The chart is scaled to fit the room left by title, legend and source line.
 */
export function composeSlide(content: SlideContent, preset: SlidePreset, theme: SlideTheme): string {
  const { width, height } = slideSize(preset.ratio);
  const source = sourceLines(content.source, width);
  const note = noteLines(content.note, width);
  const box = bodyBox(width, height, legendRowsOf(content.legend, width), source.lines.length, note.length);
  /** How far the rule and the source's first line are lifted for its further lines. */
  const lift = (source.lines.length - 1) * SOURCE_LINE;
  const rule = height - SLIDE_MARGIN - SOURCE - 8 - lift;
  // Two decimals (rounded down, so the chart never overflows its box): a lean, readable transform.
  const k = Math.floor(Math.min(box.width / content.bodyWidth, box.height / content.bodyHeight) * 100) / 100;
  // Centred in the room left (as the deck places its pictures): a short chart leaves no empty foot.
  const bx = box.x + (box.width - content.bodyWidth * k) / 2;
  const by = box.y + (box.height - content.bodyHeight * k) / 2;

  // The filters, as many as are set: smaller type, then two lines, rather than running off the slide.
  const fitted = fitLine(content.subtitle, width - 2 * SLIDE_MARGIN, SUBTITLE, SUBTITLE_MIN);
  const subtitle = fitted.lines
    .map((line, i) =>
      text(
        { x: SLIDE_MARGIN, y: subtitleBaseline(i, fitted.lines.length), 'font-size': fitted.size, fill: theme.muted },
        line,
      ),
    )
    .join('');

  // Drawn from (0, 0) on its first row's baseline, placed below the filters.
  const places = legendLayout(content.legend, width);
  const legend = content.legend
    .map((item, i) => {
      const x = places[i]!.x;
      const legendY = places[i]!.row * LEGEND_ROW;
      const swatch =
        item.shape === 'dot'
          ? el('circle', { cx: x + 9, cy: legendY - 7, r: 8, fill: item.colour })
          : item.shape === 'ring'
            ? el('circle', {
                cx: x + 9,
                cy: legendY - 7,
                r: 7,
                fill: 'none',
                stroke: item.colour,
                'stroke-width': 2.5,
                'stroke-dasharray': '4 3',
              })
            : item.shape === 'diamond'
              ? el('path', {
                  d: roundNumbers(
                    `M${x + 9},${legendY - 16} L${x + 18},${legendY - 7} L${x + 9},${legendY + 2} L${x},${legendY - 7} Z`,
                  ),
                  fill: 'none',
                  stroke: item.colour,
                  'stroke-width': 2,
                  'stroke-dasharray': '3 3',
                })
              : item.shape === 'pill'
                ? el('rect', { x: x - 3, y: legendY - 12, width: 24, height: 10, rx: 5, fill: item.colour })
                : item.shape === 'interval'
                  ? el('path', {
                      // Ends 11 px before its label, as the dot does (it ran to 6 px of it).
                      d: roundNumbers(`M${x - 4},${legendY} V${legendY - 9} H${x + 17} V${legendY}`),
                      fill: 'none',
                      stroke: item.colour,
                      'stroke-width': 2,
                    })
                  : // Outlined only where the edge differs from the fill: an outline in the fill changes nothing but bytes.
                    item.edge && item.edge.toLowerCase() !== item.colour.toLowerCase()
                    ? el('rect', {
                        x: x + 0.5,
                        y: legendY - 15.5,
                        width: 17,
                        height: 17,
                        rx: 2.5,
                        fill: item.colour,
                        stroke: item.edge,
                      })
                    : el('rect', { x, y: legendY - 16, width: 18, height: 18, rx: 3, fill: item.colour });
      return swatch + text({ x: x + 28, y: legendY }, item.label);
    })
    .join('');

  const svgAttrs = attrs({
    xmlns: 'http://www.w3.org/2000/svg',
    // Only the timeline's density images use xlink:href (for older readers).
    'xmlns:xlink': content.body.includes('xlink:') ? 'http://www.w3.org/1999/xlink' : null,
    // The slide's own size: "PNG size" (the preset's scale) is for the PNG drawn from it, and a slide
    // program places an SVG at its width and height.
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    role: 'img',
    'aria-labelledby': 'slide-title slide-desc',
    'font-family': FONT_STACK,
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>\n',
    `<svg${svgAttrs}>`,
    el('title', { id: 'slide-title' }, escapeXml(content.title)),
    el('desc', { id: 'slide-desc' }, escapeXml(content.alt)),
    preset.background === 'solid' ? el('rect', { x: 0, y: 0, width, height, fill: theme.background }) : '',
    text(
      { x: SLIDE_MARGIN, y: TITLE_BASELINE, 'font-size': TITLE, 'font-weight': 700, fill: theme.ink },
      content.title,
    ),
    subtitle,
    el(
      'g',
      {
        transform: `translate(${SLIDE_MARGIN},${LEGEND_BASELINE})`,
        'font-size': LEGEND_FONT,
        fill: theme.ink,
      },
      legend,
    ),
    el('g', { transform: `translate(${round1(bx)},${round1(by)})${k === 1 ? '' : ` scale(${k})`}` }, content.body),
    // The note on lines of its own between the chart and the rule, its last line as far above the rule as the source is below it.
    ...note.map((line, i) =>
      text(
        { x: SLIDE_MARGIN, y: rule - 16 - (note.length - 1 - i) * NOTE_LINE, 'font-size': NOTE, fill: theme.muted },
        line,
      ),
    ),
    el('line', {
      x1: SLIDE_MARGIN,
      x2: width - SLIDE_MARGIN,
      y1: rule,
      y2: rule,
      stroke: theme.rule,
      'stroke-width': 1,
    }),
    ...source.lines.map((line, i) =>
      text(
        {
          x: SLIDE_MARGIN,
          y: height - SLIDE_MARGIN - lift + i * SOURCE_LINE,
          'font-size': source.size,
          fill: theme.muted,
        },
        line,
      ),
    ),
    '</svg>\n',
  ].join('');
}
