import { describe, expect, it } from 'vitest';
import { LONG_LEGEND_LABELS } from '../fixtures/long-legend';
import { bodyBox, composeSlide, type SlideContent } from '../../src/lib/export/slide';
import { DEFAULT_PRESET } from '../../src/lib/state/slide-preset';
import { SLIDE_THEMES } from '../../src/lib/export/themes';
import { markEdge } from '../../src/lib/charts/mark-edge';
import { contrastRatio } from '../../src/lib/export/contrast';
import { writeMapSvg } from '../../src/lib/export/map-svg';
import { escapeXml } from '../../src/lib/export/xml';
import { textWidth } from '../../src/lib/export/text-width';
import { slideFontWeight } from '../../src/lib/export/serialize-chart';
import { bundledViews } from './data';

const hostile = '<script>alert(1)</script> & "quotes" \u0001';
const content: SlideContent = {
  title: `Topics ${hostile}`,
  subtitle: 'Partner: <b>EU</b>',
  legend: [{ label: '<img src=x onerror=alert(1)>', colour: '#0072B2' }],
  source: 'Source: test',
  alt: 'Alt & text',
  body: '<rect x="0" y="0" width="10" height="10" fill="#000"/>',
  bodyWidth: 100,
  bodyHeight: 50,
};

function parse(svg: string): Document {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  expect(doc.querySelector('parsererror'), 'well-formed XML').toBeNull();
  return doc;
}

/** What slide programs cannot or must not load: scripts, HTML islands, links out of the file. */
function expectSelfContained(svg: string) {
  expect(svg).not.toMatch(/<script|foreignObject|<style|@import|url\(|href="(?!data:|#)/i);
  expect(svg).not.toMatch(/(?:src|href)="https?:/i);
}

describe('composeSlide', () => {
  it('writes well-formed, self-contained SVG with the text escaped', () => {
    const svg = composeSlide(content, DEFAULT_PRESET, SLIDE_THEMES.light);
    const doc = parse(svg);
    expectSelfContained(svg);
    expect(doc.querySelector('title')!.textContent).toBe('Topics <script>alert(1)</script> & "quotes" ');
    expect(doc.querySelector('desc')!.textContent).toBe('Alt & text');
    expect(doc.querySelectorAll('script, img, b')).toHaveLength(0);
    expect([...doc.querySelectorAll('text')].map((t) => t.textContent)).toContain('<img src=x onerror=alert(1)>');
  });

  it('outlines a partner’s legend swatch in its edge, inside the swatch, at 3:1 on the slide', () => {
    const edge = markEdge('#E69F00', SLIDE_THEMES.light.edgeBackground);
    const legend = [{ label: 'Afghanistan', colour: '#E69F00', edge }];
    const doc = parse(composeSlide({ ...content, legend }, DEFAULT_PRESET, SLIDE_THEMES.light));
    const swatch = doc.querySelector('rect[fill="#E69F00"]')!;
    expect(swatch.getAttribute('stroke')).toBe(edge);
    expect(contrastRatio(edge, SLIDE_THEMES.light.background)).toBeGreaterThanOrEqual(3);
    // 18 px with its edge, as a swatch without one.
    expect(Number(swatch.getAttribute('width')) + 1).toBe(18);
  });

  it('centres a chart shorter than its room, as the deck places its pictures: no empty foot', () => {
    // 1000 wide and 100 tall: as wide as the room allows, far shorter than it.
    const wide = { ...content, bodyWidth: 1000, bodyHeight: 100, legend: [] };
    const doc = parse(composeSlide(wide, DEFAULT_PRESET, SLIDE_THEMES.light));
    const body = [...doc.querySelectorAll('g')].find((g) => g.querySelector('rect[width="10"]'))!;
    const [, x, y, k] = /translate\(([\d.]+),([\d.]+)\) scale\(([\d.]+)\)/.exec(body.getAttribute('transform')!)!;
    const box = bodyBox(1920, 1080, 1);
    const [top, bottom] = [Number(y) - box.y, box.y + box.height - (Number(y) + 100 * Number(k))];
    expect(Number(x)).toBeGreaterThanOrEqual(box.x);
    expect(top).toBeGreaterThan(100);
    expect(Math.abs(top - bottom)).toBeLessThan(1);
  });

  it('draws a note (the map’s meetings with no venue) on lines of its own under the chart, above the rule, not after the filters', () => {
    const note = '2 of 3 meetings name no venue and are not on the map';
    for (const [ratio, width, long] of [
      ['16:9', 1920, false],
      ['4:3', 1440, true],
    ] as const) {
      // A note naming venues the map lacks runs past one line on a 4:3 slide.
      const said = long ? `${note}: ${'“a-venue-id-that-runs-long” and '.repeat(3)}2 others` : note;
      const doc = parse(
        composeSlide(
          { ...content, note: said, bodyWidth: 100, bodyHeight: 100 },
          { ...DEFAULT_PRESET, ratio },
          SLIDE_THEMES.light,
        ),
      );
      const texts = [...doc.querySelectorAll('text')];
      const filters = texts.find((t) => t.textContent === content.subtitle)!;
      expect(filters.getAttribute('font-size')).toBe('28');
      const lines = texts.filter((t) => said.includes(t.textContent!) && t.textContent!.length > 10);
      expect(lines.map((t) => t.textContent).join(' ')).toBe(said);
      expect(lines.length).toBe(long ? 2 : 1);
      // Under the chart, whose box it shortens, and above the rule.
      const box = bodyBox(width, 1080, 1, 1, lines.length);
      const rule = Number(doc.querySelector('line')!.getAttribute('y1'));
      const body = [...doc.querySelectorAll('g')].find((g) => g.querySelector('rect[width="10"]'))!;
      const [, , y, k] = /translate\(([\d.]+),([\d.]+)\) scale\(([\d.]+)\)/.exec(body.getAttribute('transform')!)!;
      expect(Number(y) + 100 * Number(k)).toBeLessThanOrEqual(box.y + box.height + 0.5);
      for (const t of lines) {
        expect(Number(t.getAttribute('y')) - 20).toBeGreaterThanOrEqual(box.y + box.height);
        expect(Number(t.getAttribute('y'))).toBeLessThan(rule - 5);
      }
    }
  });

  it('is sized for the slide: 16:9 at 1920×1080, 4:3 at 1440×1080 whatever the PNG size', () => {
    const wide = parse(composeSlide(content, DEFAULT_PRESET, SLIDE_THEMES.light)).documentElement;
    expect([wide.getAttribute('width'), wide.getAttribute('height'), wide.getAttribute('viewBox')]).toEqual([
      '1920',
      '1080',
      '0 0 1920 1080',
    ]);
    const square = parse(
      composeSlide(content, { ...DEFAULT_PRESET, ratio: '4:3', scale: 2 }, SLIDE_THEMES.light),
    ).documentElement;
    expect([square.getAttribute('width'), square.getAttribute('height'), square.getAttribute('viewBox')]).toEqual([
      '1440',
      '1080',
      '0 0 1440 1080',
    ]);
  });

  it('fits many filters under the title: smaller type, then two lines, never past the slide’s edge', () => {
    const filterText = (subtitle: string, ratio: '16:9' | '4:3') => {
      const doc = parse(composeSlide({ ...content, subtitle }, { ...DEFAULT_PRESET, ratio }, SLIDE_THEMES.light));
      return [...doc.querySelectorAll('svg > text')]
        .filter((t) => t.getAttribute('fill') === SLIDE_THEMES.light.muted && t.textContent !== content.source)
        .map((t) => ({ size: Number(t.getAttribute('font-size')), text: t.textContent ?? '' }));
    };
    expect(filterText('Partner: EU', '16:9')).toEqual([{ size: 28, text: 'Partner: EU' }]);
    const many =
      'Partner: Afghanistan, European Union · Topic: Counter-terrorism, Migration and mobility, Intelligence sharing · Venue: Islamabad, Brussels · Held · Jan 2023 to Dec 2025';
    const fitted = filterText(many, '4:3');
    expect(fitted.length).toBe(2);
    expect(fitted.every((l) => l.size === 18 && l.text.length * 18 * 0.56 <= 1440 - 2 * 72)).toBe(true);
    expect(fitted.map((l) => l.text).join(' ')).toBe(many);
  });

  it.each(['16:9', '4:3'] as const)(
    'fits a long source line (%s) on the slide: smaller type, then two lines, above it the rule and the chart',
    (ratio) => {
      // An upload's source line as the 4:3 map export had it: at 20 px it ran off the slide at "· Co".
      const source =
        'Source: Dialogue Atlas, dialogues.csv, venues.geojson (uploaded 7 Dec 2026, 09:22:48; the other files as before), from 1 source; data as of May 2023 · Country shapes: Natural Earth';
      const longer = `${source} · ${source}`;
      for (const text of [source, longer]) {
        const doc = parse(
          composeSlide(
            { ...content, source: text, bodyWidth: 1600, bodyHeight: 800 },
            { ...DEFAULT_PRESET, ratio },
            SLIDE_THEMES.light,
          ),
        );
        const width = Number(doc.documentElement.getAttribute('width'));
        const height = Number(doc.documentElement.getAttribute('height'));
        const lines = [...doc.querySelectorAll('svg > text')].filter((t) => Number(t.getAttribute('y')) > height - 120);
        expect(lines.map((t) => t.textContent).join(' '), ratio).toBe(text);
        for (const t of lines) {
          const size = Number(t.getAttribute('font-size'));
          expect(size).toBeGreaterThanOrEqual(16);
          // In Arial, and in a fallback font up to 18% wider (as the legend is measured).
          expect(textWidth(t.textContent!, size) * 1.18, t.textContent!).toBeLessThanOrEqual(width - 2 * 72);
        }
        // The rule above the first line's capitals, the chart above the rule.
        const rule = Number(doc.querySelector('svg > line')!.getAttribute('y1'));
        const first = lines[0]!;
        expect(rule).toBeLessThanOrEqual(Number(first.getAttribute('y')) - Number(first.getAttribute('font-size')) - 4);
        const [, by, k] = /translate\(([\d.]+),([\d.]+)\)(?: scale\(([\d.]+)\))?/
          .exec(doc.querySelector('svg > g[transform^="translate"]:not([font-size])')!.getAttribute('transform')!)!
          .slice(1)
          .map(Number) as [number, number, number];
        expect(by + 800 * (k || 1)).toBeLessThanOrEqual(rule - 8);
      }
    },
  );

  it('sets filters on two lines clear of the title’s descenders above and the legend below', () => {
    const many =
      'Partner: Afghanistan, European Union · Topic: Counter-terrorism, Migration and mobility, Intelligence sharing · Venue: Islamabad, Brussels · Held · Jan 2023 to Dec 2025';
    const doc = parse(
      composeSlide({ ...content, subtitle: many }, { ...DEFAULT_PRESET, ratio: '4:3' }, SLIDE_THEMES.light),
    );
    const title = doc.querySelector('svg > text[font-size="52"]')!;
    const lines = [...doc.querySelectorAll('svg > text[font-size="18"]')].map((t) => Number(t.getAttribute('y')));
    expect(lines).toHaveLength(2);
    const titleBaseline = Number(title.getAttribute('y'));
    // Arial's descender (0.21 em) under the title, its ascender (0.91 em) over the first line, and a 4 px gap between.
    expect(lines[0]! - titleBaseline).toBeGreaterThanOrEqual(0.21 * 52 + 0.91 * 18 + 4);
    // The second line's descenders at least 6 px above the legend's swatches (16 px above its baseline).
    const legendBaseline = Number(
      /translate\(72,([\d.]+)\)/.exec(doc.querySelector('svg > g[font-size="20"]')!.getAttribute('transform')!)![1],
    );
    expect(lines[1]! + 0.21 * 18 + 6).toBeLessThanOrEqual(legendBaseline - 16);
    expect(lines[1]! - lines[0]!).toBe(22);
  });

  it.each([
    ['650', '700'],
    ['600', '600'],
    ['700', '700'],
    ['400', '400'],
    ['950', '900'],
    ['bold', 'bold'],
  ])(
    'writes a chart’s font weight %s as %s, a weight slide programs know (LibreOffice draws 650 regular)',
    (from, to) => expect(slideFontWeight(from)).toBe(to),
  );

  it('puts a legend too long for the slide (many partners) on a second row, and the chart below it', () => {
    const slideWith = (legend: SlideContent['legend']) =>
      // A chart as tall as the room allows, so that it starts at the room's top.
      parse(
        composeSlide(
          { ...content, legend, bodyWidth: 100, bodyHeight: 1000 },
          { ...DEFAULT_PRESET, ratio: '4:3' },
          SLIDE_THEMES.light,
        ),
      );
    const rows = (doc: Document) =>
      [...doc.querySelectorAll('svg > g[font-size="20"] > text')].map((t) => ({
        label: t.textContent,
        x: Number(t.getAttribute('x') ?? 0),
        y: Number(t.getAttribute('y') ?? 0),
      }));
    const chartTop = (doc: Document) =>
      Number(
        /translate\([\d.]+,([\d.]+)\)/.exec(
          doc.querySelector('svg > g[transform]:not([font-size])')!.getAttribute('transform')!,
        )![1],
      );
    const short = slideWith([{ label: 'Afghanistan', colour: '#E69F00' }]);
    expect(rows(short)).toEqual([{ label: 'Afghanistan', x: 28, y: 0 }]);
    const labels = LONG_LEGEND_LABELS;
    const long = slideWith(labels.map((label) => ({ label, colour: '#0072B2' })));
    const items = rows(long);
    expect(items.map((i) => i.label)).toEqual(labels);
    expect(new Set(items.map((i) => i.y))).toEqual(new Set([0, 32]));
    // Every label ends (by the estimate the layout uses) inside the slide's margins.
    for (const i of items) expect(72 + i.x + i.label!.length * 11).toBeLessThanOrEqual(1440 - 72);
    const secondRowRoom = bodyBox(1440, 1080, 2).y;
    expect(secondRowRoom - bodyBox(1440, 1080, 1).y).toBe(32);
    expect(chartTop(short)).toBeLessThan(secondRowRoom);
    expect(chartTop(long)).toBeGreaterThanOrEqual(secondRowRoom);
  });

  it('has a background only when asked for a solid one, in the theme colour', () => {
    const solid = parse(composeSlide(content, { ...DEFAULT_PRESET, theme: 'dark' }, SLIDE_THEMES.dark));
    expect(solid.querySelector('svg > rect')!.getAttribute('fill')).toBe(SLIDE_THEMES.dark.background);
    const clear = parse(composeSlide(content, { ...DEFAULT_PRESET, background: 'transparent' }, SLIDE_THEMES.light));
    expect(clear.querySelector('svg > rect[width="1920"]')).toBeNull();
  });

  it('escapes every XML special character and drops the characters XML forbids', () => {
    expect(escapeXml(`<a href='x'>&"\u0000\u001f`)).toBe('&lt;a href=&apos;x&apos;&gt;&amp;&quot;');
  });
});

describe('writeMapSvg', () => {
  const { venues } = bundledViews();
  const countries = {
    type: 'FeatureCollection' as const,
    features: [
      {
        type: 'Feature' as const,
        properties: {},
        geometry: {
          type: 'Polygon' as const,
          coordinates: [
            [
              [60, 25],
              [78, 25],
              [78, 37],
              [60, 37],
              [60, 25],
            ],
          ],
        },
      },
    ],
  };

  it('draws the basemap, a dot per venue with meetings and its label, with Kabul labelled to the left', () => {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg">${writeMapSvg(
      venues,
      countries,
      {
        bounds: [
          [20, 0],
          [55, 80],
        ],
      },
      1000,
      600,
      SLIDE_THEMES.light,
    )}</svg>`;
    const doc = parse(svg);
    expectSelfContained(svg);
    expect(doc.querySelectorAll('path')).toHaveLength(1);
    expect(doc.querySelectorAll('.venues circle')).toHaveLength(3);
    // No dot overlaps another here, Brussels near the slide's edge included: none is moved, no leader line.
    expect(svg).not.toContain('<line');
    const kabul = [...doc.querySelectorAll('text')].find(
      (t) => t.textContent === 'Kabul 1' && t.getAttribute('fill') !== 'none',
    )!;
    expect(kabul.getAttribute('text-anchor')).toBe('end');
    // Kabul has only a planned meeting: a dashed ring.
    expect(doc.querySelector('circle[stroke-dasharray]')).not.toBeNull();
  });

  it('never prints two venue names over each other: a crowded one moves side, above or below, or is left to its dot', () => {
    const venue = (id: string, lat: number, lon: number, n: number) =>
      ({
        venue: { id, name: id[0]!.toUpperCase() + id.slice(1), country: 'X', lat, lon },
        meetings: Array.from({ length: n }, () => ({})),
        held: n,
        planned: 0,
      }) as unknown as (typeof venues)[number];
    // Western Europe from afar, as the reviewer's map slide had it: London's name ran over Berlin's dot.
    const crowded = [
      venue('london', 51.5, -0.13, 5),
      venue('berlin', 52.52, 13.4, 2),
      venue('paris', 48.86, 2.35, 3),
      venue('brussels', 50.85, 4.35, 1),
      venue('amsterdam', 52.37, 4.9, 1),
      venue('madrid', 40.42, -3.7, 2),
    ];
    const svg = writeMapSvg(
      crowded,
      countries,
      {
        bounds: [
          [-40, -20],
          [70, 140],
        ],
      },
      1000,
      600,
      SLIDE_THEMES.light,
    );
    const doc = parse(`<svg xmlns="http://www.w3.org/2000/svg">${svg}</svg>`);
    const boxes = [...doc.querySelectorAll('text')]
      .filter((t) => t.getAttribute('fill') !== 'none')
      .map((t) => {
        const [x, y, w] = [Number(t.getAttribute('x')), Number(t.getAttribute('y')), t.textContent!.length * 13.2];
        const anchor = t.getAttribute('text-anchor');
        const x0 = anchor === 'end' ? x - w : anchor === 'middle' ? x - w / 2 : x;
        return { name: t.textContent, x0, x1: x0 + w, y0: y - 16, y1: y + 4 };
      });
    expect(boxes.length).toBeGreaterThanOrEqual(4);
    for (const a of boxes)
      for (const b of boxes)
        if (a !== b)
          expect(a.x0 < b.x1 && a.x1 > b.x0 && a.y0 < b.y1 && a.y1 > b.y0, `${a.name} / ${b.name}`).toBe(false);
  });

  it.each([
    [1776, 712],
    [1296, 712],
  ])(
    'names each of eight venues a world apart and close together (%i × %i) clear of every dot and true place',
    (width, height) => {
      // The eight-venue upload (test/fixtures/eight-venues) as its 16:9 and 4:3 map exports drew it:
      // "Kabul 2" found no clear spot beside, above or below its dot by a pixel or two and was
      // printed over Tehran's dot.
      const venue = (id: string, lat: number, lon: number, held: number, planned: number) =>
        ({
          venue: { id, name: id[0]!.toUpperCase() + id.slice(1), country: 'X', lat, lon },
          meetings: Array.from({ length: held + planned }, () => ({})),
          held,
          planned,
        }) as unknown as (typeof venues)[number];
      const eight = [
        venue('islamabad', 33.6844, 73.0479, 4, 1),
        venue('brussels', 50.8503, 4.3517, 2, 1),
        venue('kabul', 34.5553, 69.2075, 1, 1),
        venue('washington', 38.9072, -77.0369, 1, 1),
        venue('beijing', 39.9042, 116.4074, 1, 1),
        venue('tehran', 35.6892, 51.389, 1, 0),
        venue('moscow', 55.7558, 37.6173, 1, 0),
        venue('doha', 25.2854, 51.531, 1, 0),
      ];
      const svg = writeMapSvg(
        eight,
        countries,
        {
          bounds: [
            [-40.5, -180],
            [79.5, 180],
          ],
        },
        width,
        height,
        SLIDE_THEMES.light,
      );
      const doc = parse(`<svg xmlns="http://www.w3.org/2000/svg">${svg}</svg>`);
      // Each name's box as map-svg.ts judges it (13.2 px a character, cap height to baseline).
      const names = [...doc.querySelectorAll('text')]
        .filter((t) => t.getAttribute('fill') !== 'none')
        .map((t) => {
          const [x, y, w] = [Number(t.getAttribute('x')), Number(t.getAttribute('y')), t.textContent!.length * 13.2];
          const anchor = t.getAttribute('text-anchor');
          const x0 = anchor === 'end' ? x - w : anchor === 'middle' ? x - w / 2 : x;
          return { name: t.textContent!, x0, x1: x0 + w, y0: y - 16, y1: y + 4 };
        });
      expect(names.map((n) => n.name.split(' ')[0]).sort()).toEqual(eight.map((v) => v.venue.name).sort());
      const circles = [...doc.querySelectorAll('.venues circle, .leaders circle')].map((c) => {
        const [cx, cy, r] = ['cx', 'cy', 'r'].map((a) => Number(c.getAttribute(a)));
        return { name: c.textContent || 'a true place', x0: cx! - r!, x1: cx! + r!, y0: cy! - r!, y1: cy! + r! };
      });
      const meets = (a: { x0: number; x1: number; y0: number; y1: number }, b: typeof a) =>
        a.x0 < b.x1 && a.x1 > b.x0 && a.y0 < b.y1 && a.y1 > b.y0;
      for (const n of names) {
        expect(n.x0 >= 0 && n.x1 <= width && n.y0 >= 0 && n.y1 <= height, `${n.name} inside`).toBe(true);
        for (const o of names) if (o !== n) expect(meets(n, o), `${n.name} / ${o.name}`).toBe(false);
        // Its own dot aside (the box starts a margin off it), no dot nor true place under a name.
        const own = n.name.split(' ')[0]!;
        for (const c of circles)
          if (!c.name.startsWith(`${own}:`)) expect(meets(n, c), `${n.name} over ${c.name}`).toBe(false);
      }
    },
  );

  it('keeps each name inside the picture: a venue by its right edge is named on its left', () => {
    // The map as the 4:3 deck drew it: Islamabad 40 px from the right edge, its name cut to "Islama".
    const svg = writeMapSvg(
      venues,
      countries,
      {
        bounds: [
          [20, 0],
          [55, 75],
        ],
      },
      1200,
      686,
      SLIDE_THEMES.light,
    );
    const doc = parse(`<svg xmlns="http://www.w3.org/2000/svg">${svg}</svg>`);
    const islamabad = [...doc.querySelectorAll('text')].find(
      (t) => t.textContent?.startsWith('Islamabad') && t.getAttribute('fill') !== 'none',
    )!;
    const x = Number(islamabad.getAttribute('x'));
    expect(x).toBeGreaterThan(1100); // the dot is by the edge
    expect(islamabad.getAttribute('text-anchor')).toBe('end');
    expect(x).toBeLessThanOrEqual(1200);
  });

  it('draws a map zoomed out past the world (Leaflet reports latitudes up to ±90°): not a blank slide', () => {
    const svg = writeMapSvg(
      venues,
      countries,
      {
        bounds: [
          [-89.99, -250],
          [89.99, 250],
        ],
      },
      1000,
      600,
      SLIDE_THEMES.light,
    );
    expect(svg).not.toContain('NaN');
    const doc = parse(`<svg xmlns="http://www.w3.org/2000/svg">${svg}</svg>`);
    expect(doc.querySelectorAll('path')).toHaveLength(1);
    const dots = [...doc.querySelectorAll('.venues circle')];
    expect(dots).toHaveLength(3);
    for (const dot of dots) expect(Number(dot.getAttribute('cx'))).toBeGreaterThan(0);
    // Seen from afar, Kabul's ring would sit on Islamabad's dot: the dots are drawn apart, the one
    // moved with a line back to its place.
    const circles = dots.map((d) => ({
      x: Number(d.getAttribute('cx')),
      y: Number(d.getAttribute('cy')),
      r: Number(d.getAttribute('r')),
    }));
    for (const a of circles)
      for (const b of circles) if (a !== b) expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThanOrEqual(a.r + b.r);
    expect(doc.querySelectorAll('.leaders line').length).toBeGreaterThanOrEqual(1);
  });

  it("fades a moved venue's leader line and true-place dot with the venue when it is outside the filters", () => {
    // As the reviewer's filtered export had it: Kabul faded ("Kabul 0/1"), its small dot at full strength.
    const world = {
      bounds: [
        [-89.99, -250],
        [89.99, 250],
      ] as [[number, number], [number, number]],
    };
    const draw = (dimmed: Set<string>) =>
      parse(
        `<svg xmlns="http://www.w3.org/2000/svg">${writeMapSvg(venues, countries, world, 1000, 600, SLIDE_THEMES.light, dimmed)}</svg>`,
      );
    const leaderParts = (doc: Document) => [...doc.querySelectorAll('.leaders line, .leaders circle')];
    const moved = leaderParts(draw(new Set()));
    expect(moved.length).toBeGreaterThanOrEqual(2);
    for (const part of moved) expect(part.getAttribute('opacity')).toBeNull();
    // Every venue outside the filters: every leader and its dot fade as their venue does.
    const faded = draw(new Set(venues.map((v) => v.venue.id)));
    const fadedDots = [...faded.querySelectorAll('.venues circle')];
    for (const dot of fadedDots) expect(dot.getAttribute('opacity')).toBe('0.3');
    const fadedParts = leaderParts(faded);
    expect(fadedParts).toHaveLength(moved.length);
    for (const part of fadedParts) expect(part.getAttribute('opacity'), part.tagName).toBe('0.3');
  });
  it.each(['light', 'dark'] as const)(
    'draws a faded venue (%s) over opaque land: its own true-place dot and the borders do not show through it',
    (name) => {
      // As the reviewer's filtered export had it: Islamabad "0/3" at 30% with a dark dot at its centre,
      // its leader's true-place dot (also 30%) showing through, and the border crossing it.
      const theme = SLIDE_THEMES[name];
      const world = {
        bounds: [
          [-89.99, -250],
          [89.99, 250],
        ] as [[number, number], [number, number]],
      };
      const doc = parse(
        `<svg xmlns="http://www.w3.org/2000/svg">${writeMapSvg(venues, countries, world, 1000, 600, theme, new Set(venues.map((v) => v.venue.id)))}</svg>`,
      );
      const all = [...doc.documentElement.querySelectorAll('*')];
      const leaderDots = [...doc.querySelectorAll('.leaders circle')];
      expect(leaderDots.length).toBeGreaterThanOrEqual(1);
      const faded = [...doc.querySelectorAll('.venues circle')];
      expect(faded).toHaveLength(3);
      for (const dot of faded) {
        expect(dot.getAttribute('opacity')).toBe('0.3');
        const [cx, cy, r] = ['cx', 'cy', 'r'].map((a) => Number(dot.getAttribute(a)));
        const reach = r! + Number(dot.getAttribute('stroke-width')) / 2;
        // Painted after the land and every leader, before the dot: an opaque land-coloured disc as wide as the dot.
        const disc = all.find(
          (e) =>
            e.tagName === 'circle' &&
            e !== dot &&
            Number(e.getAttribute('cx')) === cx &&
            Number(e.getAttribute('cy')) === cy &&
            Number(e.getAttribute('r')) >= reach - 0.05 &&
            !e.closest('.leaders, .venues'),
        );
        expect(disc, `disc under the dot at ${cx},${cy}`).toBeDefined();
        expect(disc!.closest('[opacity]')).toBeNull();
        expect(disc!.getAttribute('fill') ?? disc!.closest('[fill]')?.getAttribute('fill')).toBe(theme.land);
        const at = all.indexOf(disc!);
        expect(at).toBeLessThan(all.indexOf(dot));
        for (const part of doc.querySelectorAll('.leaders *, path')) expect(all.indexOf(part)).toBeLessThan(at);
      }
    },
  );
});
