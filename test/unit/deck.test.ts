import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { LONG_LEGEND_LABELS } from '../fixtures/long-legend';
import {
  topicLabelSize,
  topicPlot,
  topicsThatFit,
  valueAxis,
  valueAxisEnd,
  writeDeck,
  type DeckChart,
  type DeckSpec,
} from '../../src/lib/export/deck';
import { dropDanglingAxisIds } from '../../src/lib/export/pptx-repair';
import { FONT_STACK, SLIDE_THEMES } from '../../src/lib/export/themes';
import { markEdge } from '../../src/lib/charts/mark-edge';
import { contrastRatio } from '../../src/lib/export/contrast';

const spec = (ratio: DeckSpec['ratio'], theme: DeckSpec['theme']): DeckSpec => ({
  ratio,
  theme,
  slides: [
    {
      title: 'What Pakistan’s security dialogues discuss',
      subtitle: 'Partner: Afghanistan & <friends>',
      legend: [{ label: 'Afghanistan', colour: '#0072B2' }],
      source: 'Source: test',
      alt: 'Bar chart of 2 topics <b>',
      notes: 'Bar chart of 2 topics.\n\nSources:\n- Dawn',
      body: {
        kind: 'chart',
        categories: ['Counter-terrorism', 'Trade'],
        series: [
          { name: 'Afghanistan', colour: '#0072B2', values: [3, 1] },
          { name: 'European Union', colour: '#E69F00', values: [2, 0] },
        ],
        valueTitle: 'meetings',
      },
    },
  ],
});

/** Every axis id a chart's plot refers to, and the ids its axes define. */
function axes(xml: string) {
  const defined = [...xml.matchAll(/<c:(?:cat|val|date|ser)Ax>\s*<c:axId val="(\d+)"/g)].map((m) => m[1]);
  const referenced = [...xml.matchAll(/<c:axId val="(\d+)"/g)].map((m) => m[1]);
  return { defined, referenced };
}

describe('writeDeck', () => {
  it('writes a native, editable bar chart with no axis id lacking its axis', async () => {
    const files = unzipSync(await writeDeck(spec('16:9', 'dark'), FONT_STACK));
    const charts = Object.keys(files).filter((n) => /^ppt\/charts\/chart\d+\.xml$/.test(n));
    expect(charts).toHaveLength(1);
    const xml = strFromU8(files[charts[0]!]!);
    expect(xml).toContain('<c:barChart>');
    expect(xml).toContain('<c:barDir val="bar"/>');
    expect(xml).toContain('<c:grouping val="stacked"/>');
    const { defined, referenced } = axes(xml);
    expect(defined.length).toBeGreaterThanOrEqual(2);
    for (const id of referenced) expect(defined).toContain(id);
    // The data behind the chart travels with it as a workbook a presenter can edit.
    expect(Object.keys(files).some((n) => /^ppt\/embeddings\/.*\.xlsx$/.test(n))).toBe(true);
    expect(xml).toContain('Counter-terrorism');
    expect(xml).toContain('Afghanistan');
  });

  it('outlines each partner’s bars in its edge (orange’s darker, at 3:1 on the slide), as the SVG does', async () => {
    const withEdges = spec('16:9', 'light');
    const body = withEdges.slides[0]!.body as DeckChart;
    body.series = body.series.map((ser) => ({ ...ser, edge: markEdge(ser.colour, SLIDE_THEMES.light.edgeBackground) }));
    const xml = strFromU8(
      Object.entries(unzipSync(await writeDeck(withEdges, FONT_STACK))).find(([n]) =>
        /^ppt\/charts\/chart\d+\.xml$/.test(n),
      )![1],
    );
    const outline = (fill: string) =>
      new RegExp(
        `<a:srgbClr val="${fill}"/></a:solidFill><a:ln w="9525"><a:solidFill><a:srgbClr val="([0-9A-F]{6})"/>`,
      ).exec(xml)?.[1];
    expect(outline('E69F00')).toBe('BD8200');
    expect(contrastRatio(`#${outline('E69F00')}`, SLIDE_THEMES.light.background)).toBeGreaterThanOrEqual(3);
    expect(outline('0072B2')).toBe('0072B2');
  });

  it('ends the value axis at the longest bar and the room its total takes, with a whole step: 1 for small counts, a round one for large', async () => {
    const xml = strFromU8(
      Object.entries(unzipSync(await writeDeck(spec('16:9', 'light'), FONT_STACK))).find(([n]) =>
        /^ppt\/charts\/chart\d+\.xml$/.test(n),
      )![1],
    );
    const axis = xml.slice(xml.indexOf('<c:valAx>'), xml.indexOf('</c:valAx>'));
    // Counter-terrorism: 3 + 2, its "5" written after it, inside the plot; no step past it.
    const max = Number(/<c:max val="([\d.]+)"\/>/.exec(axis)![1]);
    expect(max).toBeGreaterThan(5);
    expect(max).toBeLessThan(5.5);
    expect(axis).toContain('<c:majorUnit val="1"/>');
    expect(valueAxis([{ values: [1234, 10] }, { values: [300, 5] }])).toEqual({ top: 1600, step: 200 });
    // A top step past the longest bar already leaves its total room; a wider number takes more.
    expect(valueAxisEnd(1400, 1234, 10, 6)).toBe(1400);
    expect(valueAxisEnd(1600, 1600, 10, 6) / 1600).toBeGreaterThan(valueAxisEnd(5, 5, 10, 6) / 5);
  });

  it('writes each topic’s total once, at its bar’s end, in the theme’s text colour and the deck’s font', async () => {
    for (const [theme, ink] of [
      ['light', '1D2430'],
      ['dark', 'E8ECF2'],
    ] as const) {
      const files = unzipSync(await writeDeck(spec('16:9', theme), FONT_STACK));
      const xml = strFromU8(Object.entries(files).find(([n]) => /^ppt\/charts\/chart\d+\.xml$/.test(n))![1]);
      const series = [...xml.matchAll(/<c:ser>[\s\S]*?<\/c:ser>/g)].map((m) => m[0]);
      const name = (ser: string) => /<c:tx>[\s\S]*?<c:v>([^<]*)<\/c:v>/.exec(ser)![1];
      const values = (ser: string) =>
        [.../<c:val>[\s\S]*<\/c:val>/.exec(ser)![0].matchAll(/<c:v>([^<]*)</g)].map((m) => m[1]);
      // The partners unlabelled (a number for each would be several a bar), then the totals, stacked
      // last (the bar's end) and unfilled, labelled at their base.
      expect(series.map(name)).toEqual(['Afghanistan', 'European Union', 'Total']);
      for (const ser of series.slice(0, 2)) expect(ser).toContain('<c:showVal val="0"/>');
      const totals = series[2]!;
      expect(values(totals)).toEqual(['5', '1']);
      expect(totals).toContain('<c:order val="2"/>');
      expect(totals).toMatch(/<c:spPr>\s*<a:noFill\/><a:ln><a:noFill\/><\/a:ln>/);
      const labels = /<c:dLbls>[\s\S]*?<\/c:dLbls>/.exec(totals)![0];
      expect(labels).toContain('<c:showVal val="1"/>');
      expect(labels).toContain('<c:dLblPos val="inBase"/>');
      expect(labels).toContain('formatCode="#,##0"');
      expect(labels).toContain(`<a:srgbClr val="${ink}"/>`);
      expect(labels).toContain('<a:latin typeface="Arial"/>');
      // The chart's own default labels off too; the totals kept out of the legend (entry 0 is the
      // totals both counted from the last series, as LibreOffice does a bar chart's, and by their idx).
      expect(/<\/c:ser>\s*<c:dLbls>[\s\S]*?<\/c:dLbls>/.exec(xml)![0]).toContain('<c:showVal val="0"/>');
      expect(totals).toContain('<c:idx val="0"/>');
      expect(xml).toMatch(
        /<c:legendPos val="t"\/><c:legendEntry><c:idx val="0"\/><c:delete val="1"\/><\/c:legendEntry>/,
      );
      // The unfilled totals run past the axis's end: their labels are shown all the same.
      expect(xml).toMatch(/<c:dispBlanksAs val="\w+"\/>\s*<c:showDLblsOverMax val="1"\/>\s*<\/c:chart>/);
    }
  });

  it('writes its parts as PowerPoint’s schema orders them: no repair offered on opening', async () => {
    const deck = spec('4:3', 'light');
    const files = unzipSync(await writeDeck({ ...deck, slides: [...deck.slides, ...deck.slides] }, FONT_STACK));
    const chart = strFromU8(Object.entries(files).find(([n]) => /^ppt\/charts\/chart\d+\.xml$/.test(n))![1]);
    const axis = chart.slice(chart.indexOf('<c:catAx>'), chart.indexOf('</c:catAx>'));
    // CT_CatAx: … lblOffset?, tickLblSkip?, tickMarkSkip?, noMultiLvlLbl?, extLst?
    expect(axis).toContain('<c:tickLblSkip val="1"/>');
    expect(axis.indexOf('<c:tickLblSkip')).toBeLessThan(axis.indexOf('<c:noMultiLvlLbl'));
    // Every part a content type is declared for is in the package.
    const declared = [...strFromU8(files['[Content_Types].xml']!).matchAll(/PartName="\/([^"]+)"/g)].map((m) => m[1]);
    expect(declared).toContain('ppt/slideMasters/slideMaster1.xml');
    for (const part of declared) expect(Object.keys(files)).toContain(part);
  });

  it('sizes the topic names so every one shows: 35 topics on a 16:9 slide get 7.5 pt, the published 20 get 10 pt', async () => {
    const deck = spec('16:9', 'light');
    const categories = Array.from({ length: 35 }, (_, i) => `Topic ${i + 1}`);
    const body = deck.slides[0]!.body as Extract<DeckSpec['slides'][number]['body'], { kind: 'chart' }>;
    deck.slides[0]!.body = {
      ...body,
      categories,
      series: body.series.map((s) => ({ ...s, values: categories.map(() => 1) })),
    };
    const files = unzipSync(await writeDeck(deck, FONT_STACK));
    // pptxgenjs numbers charts across decks, so the part is found by its shape.
    const chart = Object.keys(files).find((n) => /^ppt\/charts\/chart\d+\.xml$/.test(n))!;
    const catAx = strFromU8(files[chart]!).match(/<c:catAx>[\s\S]*?<\/c:catAx>/)![0];
    // LibreOffice drew every other name at 8 pt (a name taller than its row is skipped, whatever tickLblSkip says).
    expect(catAx).toContain('sz="750"');
    expect(catAx).toContain('<c:tickLblSkip val="1"/>');
    // The counts at the foot of the bars, where the axis title is.
    const valAx = strFromU8(files[chart]!).match(/<c:valAx>[\s\S]*?<\/c:valAx>/)![0];
    expect(valAx).toContain('<c:tickLblPos val="high"/>');
    // A few topics keep 10 pt; a slide 7.5 in tall (either shape) has room for 20 at 10 pt; very many stop at 6 pt.
    expect(topicLabelSize(8, 3.725)).toBe(10);
    expect(topicLabelSize(20, 5.6)).toBe(10);
    expect(topicLabelSize(60, 3.725)).toBe(6);
    // A second legend row (many partners) takes room from the rows.
    expect(topicLabelSize(20, 3.725, 2)).toBeLessThan(topicLabelSize(20, 3.725, 1));
  });

  it('names at most the topics that fit at 7.5 pt, one longer than the names’ column (45% of the chart) cut at a word, with the note under the chart', async () => {
    // 35 topics fit a 16:9 slide (PowerPoint's widescreen, 7.5 in tall); with a note under the chart, 33; a 4:3 slide as many.
    expect(topicsThatFit('16:9', ['Afghanistan', 'European Union', 'United States'])).toBe(35);
    expect(topicsThatFit('16:9', ['Afghanistan', 'European Union', 'United States'], true)).toBe(33);
    expect(topicsThatFit('4:3', ['Afghanistan'])).toBe(35);
    const deck = spec('16:9', 'light');
    const body = deck.slides[0]!.body as Extract<DeckSpec['slides'][number]['body'], { kind: 'chart' }>;
    const long =
      'Border management, biometric screening and cross-border movement of people, refugees and returnees across the western border';
    deck.slides[0]!.body = {
      ...body,
      categories: [long, 'Trade'],
      note: 'and 14 more topics, each in 5 meetings or fewer',
    };
    const files = unzipSync(await writeDeck(deck, FONT_STACK));
    const chart = strFromU8(files[Object.keys(files).find((n) => /^ppt\/charts\/chart\d+\.xml$/.test(n))!]!);
    expect(chart).not.toContain(long);
    expect(chart).toMatch(/<c:v>Border management, [^<]*…<\/c:v>/);
    expect(strFromU8(files['ppt/slides/slide1.xml']!)).toContain('and 14 more topics, each in 5 meetings or fewer');
  });

  it('gives the topic names the room they need beside the plot: the five-partner upload’s long names whole, not cut at 28%', async () => {
    // Sixteen of the upload's topics, 7.5 pt on a 16:9 slide under a legend of five partners (two rows).
    const names = [
      'Cyber security and protection of critical national infrastructure',
      'Countering violent extremism and online radicalisation',
      'Education, scholarships and cultural exchange programmes',
      'Counter-narcotics and precursor chemical trafficking interdiction',
      ...Array.from({ length: 12 }, (_, i) => `Topic ${i + 1}`),
    ];
    const partners = [
      'African Union',
      'Kingdom of Saudi Arabia',
      "People's Republic of China",
      'Republic of Türkiye',
      'United Kingdom',
    ];
    const deck = spec('16:9', 'dark');
    deck.slides[0]!.body = {
      kind: 'chart',
      categories: names,
      series: partners.map((name, i) => ({ name, colour: '#0072B2', values: names.map((_, k) => (k + i) % 3) })),
      valueTitle: 'meetings',
      note: 'and 14 more topics, each in 5 meetings or fewer',
    };
    const files = unzipSync(await writeDeck(deck, FONT_STACK));
    const chart = strFromU8(files[Object.keys(files).find((n) => /^ppt\/charts\/chart\d+\.xml$/.test(n))!]!);
    // Every name whole: LibreOffice's own layout gave them about 28% of the width and they were cut there.
    for (const name of names) expect(chart).toContain(`<c:v>${name}</c:v>`);
    expect(chart).not.toContain('…');
    // The plot placed by hand, right of a column as wide as the longest name (about 3.1 in at 7.5 pt, a
    // third of the 9.1 in chart), so the slide program neither breaks the names nor leaves the room unused.
    const layout = /<c:plotArea><c:layout>\s*<c:manualLayout>([\s\S]*?)<\/c:manualLayout>/.exec(chart)![1]!;
    expect(layout).toContain('<c:layoutTarget val="inner" />');
    const at = (k: string) => Number(new RegExp(`<c:${k} val="([\\d.]+)"`).exec(layout)![1]);
    expect(at('x')).toBeGreaterThan(0.3);
    expect(at('x')).toBeLessThan(0.4);
    expect(at('x') + at('w')).toBeLessThanOrEqual(1);
    expect(at('y') + at('h')).toBeLessThanOrEqual(1);
    // Short names (the published data's) leave the plot most of the width.
    expect(topicPlot(['Counter-terrorism', 'Trade and GSP+'], 7.5, 9.1, 3.4, 1).layout.x).toBeLessThan(0.15);
  });

  it('has title, escaped filters, source and speaker notes, in the chosen shape and theme', async () => {
    const files = unzipSync(await writeDeck(spec('4:3', 'dark'), FONT_STACK));
    const slide = strFromU8(files['ppt/slides/slide1.xml']!);
    expect(slide).toContain('What Pakistan’s security dialogues discuss');
    expect(slide).toContain('Partner: Afghanistan &amp; &lt;friends&gt;');
    expect(slide).toContain('Source: test');
    expect(slide).toContain('descr="Bar chart of 2 topics &lt;b&gt;"');
    expect(slide).toMatch(/<p:bg>.*11151B/);
    const notes = Object.keys(files).find((n) => /^ppt\/notesSlides\/notesSlide1\.xml$/.test(n))!;
    expect(strFromU8(files[notes]!)).toContain('Sources:');
    const pres = strFromU8(files['ppt/presentation.xml']!);
    expect(pres).toMatch(/<p:sldSz cx="9144000" cy="6858000"/);
  });

  it('puts each slide’s heading in its title placeholder, where and as the heading was drawn: the slide program’s title of every slide', async () => {
    for (const theme of ['light', 'dark'] as const) {
      const deck = spec('16:9', theme);
      const [chart] = deck.slides;
      deck.slides = [
        chart!,
        {
          ...chart!,
          title: 'How regularly they meet & <why>',
          body: { kind: 'picture', markup: '<rect/>', width: 10, height: 5 },
        },
        { ...chart!, title: 'Sources', legend: [], body: { kind: 'list', items: [{ text: 'Dawn', detail: '2025' }] } },
      ];
      const files = unzipSync(await writeDeck(deck, FONT_STACK));
      const shapes = (xml: string) => [...xml.matchAll(/<p:sp>.*?<\/p:sp>/gs)].map((m) => m[0]);
      for (const [i, s] of deck.slides.entries()) {
        const xml = strFromU8(files[`ppt/slides/slide${i + 1}.xml`]!);
        // One title placeholder, PowerPoint's own (index 0), holding the heading and nothing else.
        const titles = shapes(xml).filter((sp) => sp.includes('<p:ph type="title"/>'));
        expect(titles, s.title).toHaveLength(1);
        const title = titles[0]!;
        expect([...title.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((t) => t[1]).join('')).toBe(
          s.title.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'),
        );
        // Drawn as before: at the margin, 0.25 in down, 24 pt bold Arial in the theme's ink, left-aligned, no inset.
        expect(title).toContain('<a:off x="411480" y="228600"/><a:ext cx="11369040" cy="502920"/>');
        expect(title).toMatch(/<a:pPr algn="l"/);
        expect(title).toContain('lIns="0" tIns="0" rIns="0" bIns="0"');
        expect(title).toMatch(
          new RegExp(
            `sz="2400" b="1"[^>]*><a:solidFill><a:srgbClr val="${SLIDE_THEMES[theme].ink.slice(1).toUpperCase()}"/>`,
          ),
        );
        expect(title).toContain('<a:latin typeface="Arial"');
        // The heading is not drawn a second time in a text box of its own.
        expect(shapes(xml).filter((sp) => sp.includes(`>${s.title.split(' ')[0]}`))).toHaveLength(1);
        // Its layout has the title placeholder the slide's inherits from, in the same place.
        const rels = strFromU8(files[`ppt/slides/_rels/slide${i + 1}.xml.rels`]!);
        const layout = strFromU8(files[`ppt/slideLayouts/${/slideLayouts\/(slideLayout\d+\.xml)/.exec(rels)![1]}`]!);
        expect(layout).toMatch(
          /<p:ph type="title"\/><\/p:nvPr><\/p:nvSpPr><p:spPr><a:xfrm><a:off x="411480" y="228600"\/>/,
        );
      }
    }
  });

  it('names Dialogue Atlas as the file’s author and company, and gives it the deck’s own title', async () => {
    const core = (deck: DeckSpec) =>
      writeDeck(deck, FONT_STACK).then((b) => strFromU8(unzipSync(b)['docProps/core.xml']!));
    const titled = await core({
      ...spec('16:9', 'light'),
      title: 'Pakistan’s bilateral security dialogues: Partner: A & <B>',
    });
    expect(titled).toContain(
      '<dc:title>Pakistan’s bilateral security dialogues: Partner: A &amp; &lt;B&gt;</dc:title>',
    );
    expect(titled).toContain('<dc:creator>Dialogue Atlas</dc:creator>');
    expect(titled).toContain('<cp:lastModifiedBy>Dialogue Atlas</cp:lastModifiedBy>');
    expect(titled).not.toContain('PptxGenJS');
    expect(await core(spec('4:3', 'dark'))).toContain('<dc:title>Dialogue Atlas</dc:title>');
    const app = strFromU8(unzipSync(await writeDeck(spec('16:9', 'light'), FONT_STACK))['docProps/app.xml']!);
    expect(app).toContain('<Company>Dialogue Atlas</Company>');
  });

  it('makes a 16:9 deck PowerPoint’s widescreen, 13.333 × 7.5 in, every shape on it laid out across its width', async () => {
    const files = unzipSync(await writeDeck(spec('16:9', 'light'), FONT_STACK));
    // 914,400 EMU to the inch: 10 × 5.625 in (9144000 × 5143500) was rescaled in a widescreen template.
    expect(strFromU8(files['ppt/presentation.xml']!)).toMatch(/<p:sldSz cx="12192000" cy="6858000"/);
    const slide = strFromU8(files['ppt/slides/slide1.xml']!);
    // Every shape's box, less the slide's own group (at 0, 0, of no size).
    const boxes = [...slide.matchAll(/<a:off x="(\d+)" y="(\d+)"\/>\s*<a:ext cx="(\d+)" cy="(\d+)"\/>/g)]
      .map((m) => {
        const [x, y, w, h] = m.slice(1, 5).map((v) => Number(v) / 914400) as [number, number, number, number];
        return [x, y, w, h] as const;
      })
      .filter(([, , w]) => w > 0);
    expect(boxes.length).toBeGreaterThan(3);
    // The title, filters, chart, rule and source run from margin to margin (0.45 in), to the foot.
    for (const [x, y, w, h] of boxes) {
      expect(x).toBeCloseTo(0.45, 2);
      expect(x + w).toBeCloseTo(40 / 3 - 0.45, 2);
      expect(y + h).toBeLessThanOrEqual(7.5);
    }
    expect(Math.max(...boxes.map(([, y, , h]) => y + h))).toBeGreaterThan(7);
  });

  it('puts a long legend (many partners) on two rows, keeping it on the slide above the picture', async () => {
    const legendOn = async (labels: string[]) => {
      const deck = spec('4:3', 'light');
      deck.slides[0] = {
        ...deck.slides[0]!,
        legend: labels.map((label) => ({ label, colour: '#0072B2' })),
        body: { kind: 'picture', markup: '<rect width="10" height="10"/>', width: 100, height: 50 },
      };
      const slide = strFromU8(unzipSync(await writeDeck(deck, FONT_STACK))['ppt/slides/slide1.xml']!);
      // Each legend label is a text box: its right edge, top and type size; and where the picture starts.
      const pictureTop = Number(/<p:pic>.*?<a:off x="\d+" y="(\d+)"/s.exec(slide)![1]) / 914400;
      const items = labels.map((label) => {
        const at = slide.indexOf(`>${label}</a:t>`);
        const shape = slide.slice(slide.lastIndexOf('<p:sp>', at), at);
        const [, x, y, w] = /<a:off x="(\d+)" y="(\d+)"\/><a:ext cx="(\d+)"/.exec(shape)!;
        return {
          right: (Number(x) + Number(w)) / 914400,
          top: Number(y) / 914400,
          size: Number(/sz="(\d+)"/.exec(shape)![1]) / 100,
        };
      });
      return { items, pictureTop };
    };
    const short = await legendOn(['Afghanistan', 'held']);
    expect(short.items.map((l) => l.size)).toEqual([11, 11]);
    expect(new Set(short.items.map((l) => l.top)).size).toBe(1);
    const { items: long, pictureTop } = await legendOn(LONG_LEGEND_LABELS);
    expect(long.every((l) => l.size === 11 && l.right <= 10 - 0.45)).toBe(true);
    expect(new Set(long.map((l) => l.top)).size).toBe(2);
    // The picture starts below the second row (0.3 in tall) rather than under it.
    expect(pictureTop).toBeGreaterThanOrEqual(Math.max(...long.map((l) => l.top)) + 0.3);
    expect(pictureTop).toBeGreaterThan(short.pictureTop);
  });

  it('puts a picture’s note (the map’s meetings with no venue) on its own line between the picture and the source, the filters untouched', async () => {
    const note = '2 of 3 meetings name no venue and are not on the map';
    const deck = spec('16:9', 'light');
    deck.slides[0] = {
      ...deck.slides[0]!,
      subtitle: 'Partner: United States',
      note,
      body: { kind: 'picture', markup: '<rect width="10" height="10"/>', width: 1200, height: 400 },
    };
    const slide = strFromU8(unzipSync(await writeDeck(deck, FONT_STACK))['ppt/slides/slide1.xml']!);
    const box = (name: string) => {
      const shape = [...slide.matchAll(/<p:(?:sp|pic)>.*?<\/p:(?:sp|pic)>/gs)]
        .map((m) => m[0])
        .find((sp) => sp.includes(`name="${name}"`))!;
      const [, y, h] = /<a:off x="\d+" y="(\d+)"\/>\s*<a:ext cx="\d+" cy="(\d+)"\/>/.exec(shape)!;
      const text = [...shape.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((t) => t[1]).join('');
      return {
        top: Number(y) / 914400,
        bottom: (Number(y) + Number(h)) / 914400,
        text,
        size: /sz="(\d+)"/.exec(shape)?.[1],
      };
    };
    // The filters alone, at their largest; the note in a box of its own, under the picture and above the rule (7.5 − 0.55 in).
    expect(box('Filters')).toMatchObject({ text: 'Partner: United States', size: '1300' });
    const said = box('Note');
    expect(said).toMatchObject({ text: note, size: '1000' });
    expect(said.top).toBeGreaterThanOrEqual(box(deck.slides[0].title).bottom);
    expect(said.bottom).toBeLessThanOrEqual(7.5 - 0.55);
  });

  it('draws each picture at 200 px or more per inch of its placed width, which its PNG fallback is made at', async () => {
    // The per-partner timeline of the reviewer's deck: 582 × 112, placed 9.1 in wide, had a 1164 px fallback.
    for (const [width, height] of [
      [582, 112],
      [1200, 435],
    ] as const) {
      const deck = spec('16:9', 'light');
      deck.slides[0] = {
        ...deck.slides[0]!,
        body: { kind: 'picture', markup: '<rect width="10" height="10"/>', width, height },
      };
      const files = unzipSync(await writeDeck(deck, FONT_STACK));
      const slide = strFromU8(files['ppt/slides/slide1.xml']!);
      const placed = Number(/<p:pic>.*?<a:ext cx="(\d+)"/s.exec(slide)![1]) / 914400;
      const svgName = Object.keys(files).find((n) => /^ppt\/media\/.*\.svg$/.test(n))!;
      const svg = strFromU8(files[svgName]!);
      const [, w, h] = /<svg[^>]* width="(\d+)" height="(\d+)"/.exec(svg)!;
      expect(Number(w) / placed, `${width} wide`).toBeGreaterThanOrEqual(200);
      // Never less than twice its own size (the map's 2400 px stays), and the shape kept.
      expect(Number(w)).toBeGreaterThanOrEqual(2 * width);
      expect(Number(w) / Number(h)).toBeCloseTo(width / height, 1);
    }
  });

  it('keeps hostile topic and partner names as text: every part stays well-formed XML', async () => {
    const hostile = spec('16:9', 'light');
    const body = hostile.slides[0]!.body as Extract<DeckSpec['slides'][0]['body'], { kind: 'chart' }>;
    body.categories = ['<script>alert(1)</script>', 'A & B "quoted"'];
    body.series[0]!.name = '<img src=x onerror=alert(1)>';
    const files = unzipSync(await writeDeck(hostile, FONT_STACK));
    const xml = Object.entries(files)
      .filter(([n]) => n.endsWith('.xml'))
      .map(([, b]) => strFromU8(b))
      .join('');
    expect(xml).not.toContain('<script>');
    expect(xml).not.toContain('<img');
    expect(xml).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('lists the sources a paragraph each: a title in ink, its detail under it muted; hostile titles as text', async () => {
    const deck = spec('16:9', 'dark');
    deck.slides = [
      {
        ...deck.slides[0]!,
        title: 'Sources',
        legend: [],
        body: {
          kind: 'list',
          items: [
            { text: 'Talks <script>alert(1)</script>', detail: '29 June 2025' },
            { text: 'No date', detail: '' },
          ],
          note: 'and 3 more, listed in the data’s sources.csv',
        },
      },
    ];
    const slide = strFromU8(unzipSync(await writeDeck(deck, FONT_STACK))['ppt/slides/slide1.xml']!);
    const list = /<p:cNvPr id="\d+" name="Sources">.*?<\/p:sp>/s.exec(slide)![0];
    const paragraphs = [...list.matchAll(/<a:p>.*?<\/a:p>/gs)].map((m) => m[0]);
    const colour = (p: string) => /srgbClr val="([0-9A-F]{6})"/.exec(p)![1];
    expect(paragraphs.map((p) => /<a:t>(.*?)<\/a:t>/.exec(p)![1])).toEqual([
      'Talks &lt;script&gt;alert(1)&lt;/script&gt;',
      '29 June 2025',
      'No date',
      'and 3 more, listed in the data’s sources.csv',
    ]);
    // One run and one set of paragraph properties each: slide programs repair a paragraph with two.
    for (const p of paragraphs) expect(p.match(/<a:pPr/g) ?? []).toHaveLength(1);
    expect(colour(paragraphs[1]!)).not.toBe(colour(paragraphs[0]!));
    expect(colour(paragraphs[2]!)).toBe(colour(paragraphs[0]!));
    // A gap after each item, not between a title and its date.
    expect(paragraphs[0]).not.toContain('spcAft');
    expect(paragraphs[1]).toContain('spcAft');
    expect(paragraphs[2]).toContain('spcAft');
  });
});

describe('dropDanglingAxisIds', () => {
  it('removes the series-axis id pptxgenjs writes without a series axis, and keeps the rest', () => {
    const xml =
      '<c:barChart><c:axId val="1"/><c:axId val="2"/><c:axId val="2094734556"/></c:barChart>' +
      '<c:catAx><c:axId val="1"/></c:catAx><c:valAx> <c:axId val="2"/></c:valAx>';
    expect(dropDanglingAxisIds(xml)).toBe(
      '<c:barChart><c:axId val="1"/><c:axId val="2"/></c:barChart><c:catAx><c:axId val="1"/></c:catAx><c:valAx> <c:axId val="2"/></c:valAx>',
    );
    const withSerAx = xml + '<c:serAx><c:axId val="2094734556"/></c:serAx>';
    expect(dropDanglingAxisIds(withSerAx)).toBe(withSerAx);
  });
});
