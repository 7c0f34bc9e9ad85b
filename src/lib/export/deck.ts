import { tickIncrement } from 'd3-array';
import type PptxGenJS from 'pptxgenjs';
import { labelTotalsOnly, outlineSeries } from './chart-totals';
import { repairPptx } from './pptx-repair';
import { wordLines, type LegendItem } from './slide';
import { SLIDE_THEMES, type ThemeName } from './themes';
import { fitLabel, fitLine, fitsLine } from './fit-line';
import { escapeXml } from './xml';
import { textWidth } from './text-width';

/** A native bar chart: categories (topics) and one series per partner, editable in the slide program. */
export interface DeckChart {
  kind: 'chart';
  categories: string[];
  /** `edge`: a partner's (charts/mark-edge.ts), outlining its bars; none for the grey of what the filters leave out. */
  series: { name: string; colour: string; edge?: string; values: number[] }[];
  /** Axis title under the values. */
  valueTitle: string;
  /** Under the chart: the topics left out ("and 10 more topics, each in 1 or 2 meetings"). */
  note?: string;
}

/** A vector picture (SVG, with a PNG fallback pptxgenjs draws from it). */
export interface DeckPicture {
  kind: 'picture';
  /** SVG markup drawn in a box of `width` × `height` (no <svg> wrapper). */
  markup: string;
  width: number;
  height: number;
}

/** Lines of text (the sources slide): each item's text in ink, its detail under it in the muted colour. */
export interface DeckList {
  kind: 'list';
  items: { text: string; detail: string }[];
  /** After the items: those left out ("and 12 more sources, …"). */
  note?: string;
}

export interface DeckSlide {
  title: string;
  subtitle: string;
  legend: LegendItem[];
  source: string;
  alt: string;
  /** Under a picture, on a line of its own: what it cannot show ("2 of 3 meetings name no venue and are not on the map"). */
  note?: string;
  /** Speaker notes: the description and the sources. */
  notes: string;
  body: DeckChart | DeckPicture | DeckList;
}

export interface DeckSpec {
  ratio: '16:9' | '4:3';
  theme: ThemeName;
  slides: DeckSlide[];
  /** Written into the file's properties. */
  subject?: string;
  /** The file's title in its properties (what the deck shows, with its filters): "Dialogue Atlas" without one. */
  title?: string;
}

const FONT = 'Arial';
/** The one layout of the deck's slides: a title placeholder (see writeDeck). */
const TITLED = 'Dialogue Atlas';

/**
 * The topic names' type size (pt) on the native chart: 10 pt where the rows allow it, smaller as
 * topics grow, never under 6. The plot gets the chart's box less about 1.1 in for the legend, the
 * value labels and the axis title, plus 0.25 in for each further legend row. A slide program hides
 * every other name when a name is taller than about 1.22× its row's pitch (LibreOffice does, even
 * with a skip of 1 written), so the size keeps under that.
 */
export function topicLabelSize(topics: number, boxHeight: number, legendRows = 1): number {
  const plot = (boxHeight - 1.1 - 0.25 * (legendRows - 1)) * 72;
  const size = Math.floor((plot / Math.max(1, topics) / 1.22) * 2) / 2;
  return Math.max(6, Math.min(10, size));
}

/** The smallest topic names a slide gets: under it, a chart gives its rows to the most discussed topics. */
const SMALLEST_TOPIC_LABEL = 7.5;
/** The room a note under the chart takes (in). */
const NOTE_ROOM = 0.3;

/**
 * How many topics a deck's chart names at 7.5 pt or more, its legend naming `series` (and with a
 * note under it, when asked): about 35 on either shape (both are 7.5 in tall). More would be drawn smaller still, and
 * LibreOffice hides every other name.
 */
export function topicsThatFit(ratio: DeckSpec['ratio'], series: string[], withNote = false): number {
  const box = SLIDE[ratio].h - 1.2 - 0.7 - (withNote ? NOTE_ROOM : 0);
  const rows = chartLegendRows(series, deckBoxWidth(ratio));
  return Math.floor(((box - 1.1 - 0.25 * (rows - 1)) * 72) / (SMALLEST_TOPIC_LABEL * 1.22));
}

/**
 * How many rows the chart's own legend takes across `width` inches (11 pt names after a key), in
 * whichever slide program lays out more: PowerPoint puts each name after the one before, as wide as
 * it is; LibreOffice sets them in columns as wide as the widest name, as many as fit (five partners,
 * one of them "المملكة العربية السعودية", took it two rows, the second over the first bar).
 */
function chartLegendRows(names: readonly string[], width: number): number {
  // Its key and the gaps either side (in).
  const key = 0.35;
  let rows = 1;
  let x = 0;
  for (const name of names) {
    const w = key + textWidth(name, 11) / 72;
    if (x > 0 && x + w > width) {
      rows += 1;
      x = 0;
    }
    x += w;
  }
  // LibreOffice's columns, inside the legend's padding.
  const column = key + Math.max(0, ...names.map((n) => textWidth(n, 11) / 72));
  const columns = Math.max(1, Math.floor((width - 0.2) / column));
  return Math.max(rows, Math.ceil(names.length / columns));
}

/** The most of the chart's width the topic names may take (in a manual layout, see topicPlot). */
const NAMES_SHARE = 0.45;

/**
 * The topic names as the chart writes them, and where its plot goes (fractions of the chart's box
 * `width` × `height` in, names at `size` pt, a legend of `legendRows` rows above it). Left to place
 * the plot itself, LibreOffice gave the names about 28% of the width, breaking a longer one onto
 * two lines and then hiding every other name: names were cut to that ("Cyber security and
 * protection of critical…") beside a plot with empty room on its left. Here the names get a column
 * as wide as the longest (in Arial's widths, with the tick's room), up to 45% of the chart; only a
 * name longer than that is cut, at a word, ending in "…". The plot takes the rest, under the legend
 * and above the counts and their title.
 */
export function topicPlot(
  names: readonly string[],
  size: number,
  width: number,
  height: number,
  legendRows: number,
): { labels: string[]; layout: { x: number; y: number; w: number; h: number } } {
  // The tick and the gap between it and a name (in).
  const tick = 0.15;
  const room = NAMES_SHARE * width - tick;
  const labels = names.map((n) => fitLabel(n, (t) => textWidth(t, size) / 72 <= room));
  const column = Math.max(0, ...labels.map((l) => textWidth(l, size) / 72)) + tick;
  // Above: the legend's rows (11 pt); below: the counts (10 pt) and the axis title (10 pt).
  const top = 0.2 + 0.25 * legendRows;
  const bottom = 0.5;
  const round = (v: number) => Math.round(v * 1000) / 1000;
  const x = round(column / width);
  const y = round(Math.min(0.4, top / height));
  return {
    labels,
    layout: { x, y, w: round(1 - x - 0.02), h: round(Math.max(0.2, 1 - y - bottom / height)) },
  };
}

const hex = (c: string) => c.replace(/^#/, '').toUpperCase();

/**
 * Pixels per inch of a picture's placed width in its PNG fallback (pptxgenjs draws the PNG at the
 * SVG's width and height). Twice the markup's size was 128 per inch for a timeline placed 9.1 in
 * wide: blurry, stretched about 1.5× on a 1920 px screen, in the apps that show the fallback.
 */
const FALLBACK_PPI = 200;

/**
 * A picture's markup as a standalone SVG file, drawn at least twice its size and at least
 * FALLBACK_PPI across `placedWidth` inches, so the PNG fallback stays sharp.
 */
export function pictureSvg(p: DeckPicture, fontFamily: string, placedWidth = 0): string {
  const scale = Math.max(2, (FALLBACK_PPI * placedWidth) / p.width);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${Math.ceil(p.width * scale)}" height="${Math.ceil(p.height * scale)}" ` +
    `viewBox="0 0 ${p.width} ${p.height}" font-family="${escapeXml(fontFamily)}">${p.markup}</svg>`
  );
}

const base64 = (text: string): string => {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
};

/** Each category's bar: the sum of its values across the stacked series. */
export function barTotals(series: readonly { values: readonly number[] }[]): number[] {
  return (series[0]?.values ?? []).map((_, i) => series.reduce((n, s) => n + (s.values[i] ?? 0), 0));
}

/** The stacked bars' value axis: a whole step of about six to the longest bar, and the top at that bar, rounded up to a step. */
export function valueAxis(series: readonly { values: readonly number[] }[]): { top: number; step: number } {
  const most = Math.max(1, ...barTotals(series));
  const step = Math.max(1, tickIncrement(0, most, 6));
  return { top: Math.ceil(most / step) * step, step };
}

/**
 * Where the value axis ends so that the longest bar's total, written after it at `size` pt, stays
 * inside a plot `plotWidth` inches wide: at the top step when that leaves room, else just past it
 * (no gridline there). Past the plot's edge, where a label goes is up to each slide program.
 */
export function valueAxisEnd(top: number, most: number, size: number, plotWidth: number): number {
  // About 0.55 em a digit or comma, and the label's inset from the bar's end (about 0.1 in).
  const label = (most.toLocaleString('en').length * 0.55 * size) / 72 + 0.12;
  const end = most / (1 - Math.min(0.5, label / Math.max(1, plotWidth)));
  return Math.max(top, Math.ceil(end * 100) / 100);
}

/**
 * The slide's size (in) by shape: PowerPoint's own widescreen (13.333 × 7.5 in, pptxgenjs's
 * LAYOUT_WIDE) and 4:3 (10 × 7.5 in). A 16:9 deck at 10 × 5.625 in was rescaled when its slides
 * went into a widescreen template. The type (pt) is the same on both: the wider slide gives the
 * charts the room.
 */
const SLIDE = { '16:9': { w: 40 / 3, h: 7.5 }, '4:3': { w: 10, h: 7.5 } } as const;
/** The margin at the slide's sides (in). */
const M = 0.45;

/** The slide's width (in): 13.333 on 16:9, 10 on 4:3. */
export const deckSlideWidth = (ratio: DeckSpec['ratio']): number => SLIDE[ratio].w;

/** The width (in) of the room between the slide's margins: the title's, the legend's, a picture's box. */
export const deckBoxWidth = (ratio: DeckSpec['ratio']): number => SLIDE[ratio].w - 2 * M;

/** The filters' type (pt) under a slide's title: 13, down to 10 and two lines when there are many. */
const FILTERS_PT = { max: 13, min: 10 } as const;

/** Whether a subtitle fits its room on a deck's slide of this shape (72 pt to the inch) whole: describeFilters summarises to it. */
export const deckSubtitleFits =
  (ratio: DeckSpec['ratio']) =>
  (text: string): boolean =>
    fitsLine(text, deckBoxWidth(ratio) * 72, FILTERS_PT.min);

/**
 * Where a picture's legend puts each item: its key's left (in), its row, its words (cut to fit a
 * row, see fitLabel) and their width. A long legend (many partners) goes on to another row rather
 * than past the slide's edge.
 */
function legendPlaces(
  items: readonly LegendItem[],
  ratio: DeckSpec['ratio'],
): { x: number; row: number; w: number; label: string }[] {
  const W = SLIDE[ratio].w;
  // Its letters' width at 11 pt (72 to the inch), and a little over: a box narrower than its
  // words would wrap them.
  const width = (label: string) => textWidth(label, 11) / 72 + 0.06;
  let x = M;
  let row = 0;
  return items.map((item) => {
    const label = fitLabel(item.label, (t) => M + 0.22 + width(t) <= W - M);
    const w = width(label);
    if (x > M && x + 0.22 + w > W - M) {
      x = M;
      row += 1;
    }
    const place = { x, row, w, label };
    x += 0.22 + w + 0.2;
    return place;
  });
}

/** A picture's note (DeckSlide.note): its type (pt), the height of each of its lines and the gap above them (in). */
const PICTURE_NOTE = { pt: 10, line: 0.18, gap: 0.1 } as const;

/**
 * How many lines a picture's note takes across the slide's box: measured as the legend is, and a
 * fifth wider for a slide program's fallback font.
 */
function pictureNoteLines(note: string | undefined, ratio: DeckSpec['ratio']): number {
  if (!note) return 0;
  return wordLines(note, (line) => (textWidth(line, PICTURE_NOTE.pt) * 1.2) / 72 <= deckBoxWidth(ratio)).length;
}

/** The room (in) a picture's note takes under it: none without one. */
const pictureNoteRoom = (note: string | undefined, ratio: DeckSpec['ratio']): number => {
  const lines = pictureNoteLines(note, ratio);
  return lines ? PICTURE_NOTE.gap + lines * PICTURE_NOTE.line : 0;
};

/** The box (in) a picture is fitted to on a slide of this shape, under this legend (and over its note, if any). */
export function pictureBox(
  ratio: DeckSpec['ratio'],
  legend: readonly LegendItem[],
  note?: string,
): { w: number; h: number } {
  const rows = legend.length ? (legendPlaces(legend, ratio).at(-1)?.row ?? 0) + 1 : 0;
  const top = 1.2 + (rows ? 0.3 * (rows - 1) + 0.4 : 0);
  return { w: deckBoxWidth(ratio), h: SLIDE[ratio].h - top - 0.7 - pictureNoteRoom(note, ratio) };
}

/**
 * The deck as .pptx bytes: one slide per view with title, filters, legend, the chart (native for
 * topics, a vector picture with alt text otherwise), source line and speaker notes; then the
 * points where pptxgenjs breaks the file's schema repaired (see pptx-repair.ts), and the topic chart's value labels
 * kept to its totals (chart-totals.ts). pptxgenjs is loaded here, on demand.
 */
export async function writeDeck(spec: DeckSpec, fontFamily: string): Promise<Uint8Array> {
  const { default: Pptx } = await import('pptxgenjs');
  const pptx: PptxGenJS = new Pptx();
  pptx.layout = spec.ratio === '16:9' ? 'LAYOUT_WIDE' : 'LAYOUT_4x3';
  // The file's properties: by default pptxgenjs names itself the author, and every deck had one title whatever its filters.
  pptx.author = 'Dialogue Atlas';
  pptx.company = 'Dialogue Atlas';
  pptx.title = spec.title ?? 'Dialogue Atlas';
  pptx.subject = spec.subject ?? 'Pakistan’s bilateral security dialogues';
  const theme = SLIDE_THEMES[spec.theme];
  const { w: W, h: H } = SLIDE[spec.ratio];
  // Each slide's heading is its layout's title placeholder, where and as it was drawn before as a
  // text box: PowerPoint's accessibility checker, its outline and navigation, and a screen reader's
  // slide list read a slide's title from there (a text box left every one "Slide N").
  // Named "Title" in the selection pane (pptxgenjs reads objectName here, though its types leave it out).
  const title: PptxGenJS.PlaceholderProps & PptxGenJS.ObjectNameProps = {
    name: 'title',
    type: 'title',
    x: M,
    y: 0.25,
    w: W - 2 * M,
    h: 0.55,
    fontFace: FONT,
    fontSize: 24,
    bold: true,
    color: hex(theme.ink),
    margin: 0,
    // The master's title style centres a title: this one starts at the margin, as the filters under it do.
    align: 'left',
    valign: 'middle',
    objectName: 'Title',
  };
  pptx.defineSlideMaster({ title: TITLED, objects: [{ placeholder: { options: title, text: '' } }] });
  for (const s of spec.slides) {
    const slide = pptx.addSlide({ masterName: TITLED });
    slide.background = { color: hex(theme.background) };
    slide.addText(s.title, { placeholder: 'title' });
    // Many filters: smaller type, then two lines in the same room (72 pt to the inch), not a spill over the legend.
    const filters = fitLine(s.subtitle, (W - 2 * M) * 72, FILTERS_PT.max, FILTERS_PT.min);
    slide.addText(s.subtitle, {
      x: M,
      y: filters.lines.length > 1 ? 0.74 : 0.8,
      w: W - 2 * M,
      h: filters.lines.length > 1 ? 0.42 : 0.32,
      valign: 'top',
      fontFace: FONT,
      fontSize: filters.size,
      color: hex(theme.muted),
      margin: 0,
      objectName: 'Filters',
    });
    let top = 1.2;
    // The native chart draws its own legend (which follows edits to its data); pictures get one here.
    if (s.body.kind === 'picture' && s.legend.length) {
      const places = legendPlaces(s.legend, spec.ratio);
      for (const [i, item] of s.legend.entries()) {
        const { x, row, w, label } = places[i]!;
        top = 1.2 + 0.3 * row;
        const shape =
          item.shape === 'dot' || item.shape === 'ring'
            ? pptx.ShapeType.ellipse
            : item.shape === 'diamond'
              ? pptx.ShapeType.diamond
              : item.shape === 'pill'
                ? pptx.ShapeType.roundRect
                : item.shape === 'interval'
                  ? pptx.ShapeType.line
                  : pptx.ShapeType.rect;
        const outline = item.shape === 'ring' || item.shape === 'diamond';
        const pill = item.shape === 'pill';
        const interval = item.shape === 'interval';
        slide.addShape(shape, {
          x: pill ? x - 0.02 : x,
          y: top + (pill ? 0.1 : interval ? 0.15 : 0.07),
          w: pill ? 0.2 : 0.16,
          h: pill ? 0.09 : interval ? 0 : 0.16,
          ...(pill && { rectRadius: 1 }),
          fill: outline ? { color: hex(theme.background) } : { color: hex(item.colour) },
          line: {
            color: hex(item.edge ?? item.colour),
            width: outline || interval ? 1.5 : item.edge ? 0.75 : 0,
            dashType: outline ? 'dash' : 'solid',
          },
          objectName: `Legend: ${item.label}`,
        });
        slide.addText(label, {
          x: x + 0.22,
          y: top,
          w,
          h: 0.3,
          fontFace: FONT,
          fontSize: 11,
          color: hex(theme.ink),
          margin: 0,
        });
      }
      top += 0.4;
    }
    const box = { x: M, y: top, w: W - 2 * M, h: H - top - 0.7 };
    if (s.body.kind === 'chart') {
      const b = s.body;
      if (b.note) {
        box.h -= NOTE_ROOM;
        slide.addText(b.note, {
          x: M,
          y: box.y + box.h,
          w: box.w,
          h: 0.25,
          fontFace: FONT,
          fontSize: 10,
          color: hex(theme.muted),
          margin: 0,
          objectName: 'Topics left out',
        });
      }
      const legendRows = chartLegendRows(
        b.series.map((ser) => ser.name),
        box.w,
      );
      const size = topicLabelSize(b.categories.length, box.h, legendRows);
      const { labels, layout } = topicPlot(b.categories, size, box.w, box.h, legendRows);
      const axis = valueAxis(b.series);
      // Each bar's total at its end, as on the page: a last series, unfilled, holds the totals, its
      // labels at its base (where the bar ends), in the text's colour on the slide's background; the
      // other series' labels and its legend entry are taken out after (see chart-totals.ts).
      const totals = barTotals(b.series);
      const end = valueAxisEnd(axis.top, Math.max(1, ...totals), size, box.w * layout.w);
      slide.addChart(
        pptx.ChartType.bar,
        [
          ...b.series.map((ser) => ({ name: ser.name, labels, values: ser.values })),
          { name: 'Total', labels, values: totals },
        ],
        {
          ...box,
          // The plot where topicPlot puts it: the names get the room left of it.
          layout,
          barDir: 'bar',
          barGrouping: 'stacked',
          barGapWidthPct: 40,
          chartColors: [...b.series.map((ser) => hex(ser.colour)), 'transparent'],
          showValue: true,
          // pptxgenjs writes 'inBase' for a bar chart, though its types leave it out.
          dataLabelPosition: 'inBase' as 'inEnd',
          dataLabelColor: hex(theme.ink),
          dataLabelFontFace: FONT,
          dataLabelFontSize: size,
          dataLabelFormatCode: '#,##0',
          // The first (most discussed) topic at the top, as on the page.
          catAxisOrientation: 'maxMin' as 'minMax',
          catAxisLabelColor: hex(theme.ink),
          catAxisLabelFontFace: FONT,
          catAxisLabelFontSize: size,
          // Every topic named (slide programs otherwise skip labels when rows are tight).
          catAxisLabelFrequency: '1',
          catAxisLineShow: false,
          // The counts under the bars, by their title: with the topics top to bottom (maxMin), the
          // default ("low") puts them at the top, while LibreOffice draws the title at the foot.
          valAxisLabelPos: 'high',
          valAxisLabelColor: hex(theme.muted),
          valAxisLabelFontFace: FONT,
          valAxisLabelFontSize: 10,
          valAxisLineShow: false,
          // The axis ends at the longest bar (rounded to its step), not a step past it, but for the
          // room its total takes; a step of 1 for the published counts, a round one for a large
          // dataset's (not a gridline per meeting). The unfilled totals run past the end, cut off.
          valAxisMinVal: 0,
          valAxisMaxVal: end,
          valAxisMajorUnit: axis.step,
          valAxisLabelFormatCode: '0',
          valGridLine: { color: hex(theme.grid), size: 0.75 },
          showValAxisTitle: true,
          valAxisTitle: b.valueTitle,
          valAxisTitleColor: hex(theme.muted),
          valAxisTitleFontSize: 10,
          showLegend: true,
          legendPos: 't',
          legendColor: hex(theme.ink),
          legendFontFace: FONT,
          legendFontSize: 11,
          altText: s.alt,
          objectName: 'Topic chart',
        },
      );
    } else if (s.body.kind === 'list') {
      const b = s.body;
      // Each item's text, then its detail under it, muted: a paragraph each, one run each (pptxgenjs
      // writes a paragraph's properties again for each further run, which slide programs must repair).
      const size = b.items.length > 4 ? 12 : 14;
      const runs: PptxGenJS.TextProps[] = b.items.flatMap((item) => {
        const gap = { breakLine: true, paraSpaceAfter: 8 };
        const text = { text: item.text, options: { color: hex(theme.ink), fontSize: size, breakLine: true } };
        if (!item.detail) return [{ ...text, options: { ...text.options, ...gap } }];
        return [text, { text: item.detail, options: { color: hex(theme.muted), fontSize: size - 2, ...gap } }];
      });
      if (b.note) runs.push({ text: b.note, options: { color: hex(theme.muted), fontSize: size - 2 } });
      slide.addText(runs, { ...box, valign: 'top', fontFace: FONT, margin: 0, objectName: s.title });
    } else {
      const p = s.body;
      // What the picture cannot show, on its own line(s) under it, above the source: after the filters, it
      // set them smaller than on the other slides, on two lines running into the legend.
      if (s.note) {
        const lines = pictureNoteLines(s.note, spec.ratio);
        box.h -= pictureNoteRoom(s.note, spec.ratio);
        slide.addText(s.note, {
          x: M,
          y: box.y + box.h + PICTURE_NOTE.gap,
          w: box.w,
          h: lines * PICTURE_NOTE.line,
          valign: 'top',
          fontFace: FONT,
          fontSize: PICTURE_NOTE.pt,
          color: hex(theme.muted),
          margin: 0,
          objectName: 'Note',
        });
      }
      const k = Math.min(box.w / p.width, box.h / p.height);
      const w = p.width * k;
      const h = p.height * k;
      slide.addImage({
        data: `data:image/svg+xml;base64,${base64(pictureSvg(p, fontFamily, w))}`,
        x: box.x + (box.w - w) / 2,
        y: box.y + (box.h - h) / 2,
        w,
        h,
        altText: s.alt,
        objectName: s.title,
      });
    }
    slide.addShape(pptx.ShapeType.line, {
      x: M,
      y: H - 0.55,
      w: W - 2 * M,
      h: 0,
      line: { color: hex(theme.rule), width: 0.75 },
    });
    slide.addText(s.source, {
      x: M,
      y: H - 0.5,
      w: W - 2 * M,
      h: 0.3,
      fontFace: FONT,
      fontSize: 10,
      color: hex(theme.muted),
      margin: 0,
      objectName: 'Source',
    });
    slide.addNotes(s.notes);
  }
  const bytes = (await pptx.write({ outputType: 'uint8array' })) as Uint8Array;
  // Each partner's bars outlined in its edge, as the SVG's are (pptxgenjs writes one outline for every series).
  const edges = new Map(
    spec.slides.flatMap((s) =>
      s.body.kind === 'chart'
        ? s.body.series.flatMap((ser) => (ser.edge ? [[hex(ser.colour), hex(ser.edge)] as const] : []))
        : [],
    ),
  );
  return repairPptx(bytes, (xml) => outlineSeries(labelTotalsOnly(xml), edges));
}
