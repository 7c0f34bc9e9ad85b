import { describe, expect, it } from 'vitest';
import type { TopicCount, VenueSummary } from '../../src/lib/data/aggregate';
import { contrastRatio } from '../../src/lib/export/contrast';
import { writeMapSvg } from '../../src/lib/export/map-svg';
import { SLIDE_THEMES } from '../../src/lib/export/themes';
import { writeTopicSvg } from '../../src/lib/export/topic-svg';
import { attrs } from '../../src/lib/export/xml';
import { bundledViews } from './data';

const { partners, topicCounts, venues } = bundledViews();
const colour = (p: string) => ({ Afghanistan: '#E69F00', 'European Union': '#0072B2' })[p] ?? '#009E73';

const parse = (markup: string) => {
  const doc = new DOMParser().parseFromString(
    `<svg xmlns="http://www.w3.org/2000/svg">${markup}</svg>`,
    'image/svg+xml',
  );
  expect(doc.querySelector('parsererror')).toBeNull();
  return doc;
};

/** Fill a text is drawn with: its own, else its nearest group's. */
const fillOf = (el: Element) => {
  for (let e: Element | null = el; e; e = e.parentElement) if (e.hasAttribute('fill')) return e.getAttribute('fill')!;
  return '#000000';
};

describe('attrs', () => {
  it.each([
    [{ x: 0, y: 0.04, width: 10.26 }, ' width="10.3"'],
    [{ opacity: 1, 'stroke-dasharray': 'none', 'stroke-width': 1, 'fill-opacity': 1 }, ''],
    [{ 'text-anchor': 'start', 'font-weight': 'normal', stroke: 'none' }, ''],
    [{ cx: -0.04, r: 3.14159 }, ' r="3.1"'],
    [{ title: '<b>&' }, ' title="&lt;b&gt;&amp;"'],
  ])('%j → %j', (input, expected) => expect(attrs(input)).toBe(expected));
});

describe('writeTopicSvg', () => {
  for (const name of ['light', 'dark'] as const) {
    const theme = SLIDE_THEMES[name];
    it(`${name}: a rect per bar segment, grouped and named by topic and partner, readable text`, () => {
      const { markup } = writeTopicSvg({ counts: topicCounts, partners, colour, width: 900, theme });
      const doc = parse(markup);
      const groups = [...doc.querySelectorAll('g')].filter((g) => g.querySelector(':scope > title'));
      expect(groups).toHaveLength(topicCounts.length);
      groups.forEach((g, i) => {
        const c = topicCounts[i]!;
        expect(g.querySelector(':scope > title')!.textContent).toBe(
          `${c.label}: ${c.total} ${c.total === 1 ? 'meeting' : 'meetings'}`,
        );
        const rects = [...g.querySelectorAll(':scope > rect')];
        expect(rects.map((r) => r.querySelector('title')!.textContent!.split(':')[0])).toEqual(
          c.byPartner.filter((p) => p.count > 0).map((p) => p.partner),
        );
      });
      expect(doc.querySelectorAll('path')).toHaveLength(0);
      for (const t of doc.querySelectorAll('text'))
        expect(contrastRatio(fillOf(t), theme.background), t.textContent!).toBeGreaterThanOrEqual(4.5);
      expect(markup).not.toMatch(/\d\.\d\d/);
      expect(markup.match(/font-size=/g)!.length).toBeLessThanOrEqual(3);
    });

    it(`${name}: each segment is outlined in its partner’s edge, at 3:1 on the slide, its fill the partner’s colour`, () => {
      const { markup } = writeTopicSvg({ counts: topicCounts, partners, colour, width: 900, theme });
      const segments = [...parse(markup).querySelectorAll('rect')].filter((r) => r.querySelector('title'));
      expect(segments.map((r) => r.getAttribute('fill'))).toContain('#E69F00');
      // Its edge: the outline where the fill is under 3:1, else the fill itself (no outline, no bytes).
      for (const r of segments) {
        const edge = r.getAttribute('stroke') ?? r.getAttribute('fill')!;
        expect(contrastRatio(edge, theme.background), `${r.getAttribute('fill')} → ${edge}`).toBeGreaterThanOrEqual(3);
      }
      if (name === 'light')
        expect(segments.find((r) => r.getAttribute('fill') === '#E69F00')!.getAttribute('stroke')).toBeTruthy();
    });

    it(`${name}: indigo and dark brown take the theme’s own colours, as the page draws them`, () => {
      const deep = (p: string) => ({ Afghanistan: '#332288', 'European Union': '#661100' })[p] ?? '#009E73';
      const { markup } = writeTopicSvg({ counts: topicCounts, partners, colour: deep, width: 900, theme });
      const fills = new Set([...parse(markup).querySelectorAll('rect')].map((r) => r.getAttribute('fill')));
      const expected = name === 'dark' ? ['#8A7AF5', '#A65735'] : ['#332288', '#661100'];
      for (const c of expected) expect(fills).toContain(c);
      for (const r of parse(markup).querySelectorAll('rect'))
        if (expected.includes(r.getAttribute('fill')!))
          expect(contrastRatio(r.getAttribute('fill')!, theme.background)).toBeGreaterThanOrEqual(3);
    });
  }

  it('while filtering, draws the unmatched part of a bar in the theme’s ghost colour and counts as shown/all', () => {
    const visible = new Map<string, TopicCount>(topicCounts.map((c) => [c.id, { ...c, total: 0, byPartner: [] }]));
    const first = topicCounts[0]!;
    visible.set(first.id, { ...first, total: 1, byPartner: [{ partner: 'Afghanistan', count: 1 }] });
    const { markup } = writeTopicSvg({
      counts: topicCounts,
      partners,
      colour,
      width: 900,
      theme: SLIDE_THEMES.dark,
      visible,
    });
    const doc = parse(markup);
    expect(doc.querySelectorAll(`rect[fill="${SLIDE_THEMES.dark.ghost}"]`)).toHaveLength(
      topicCounts.filter((c, i) => i > 0 || c.total > 1).length,
    );
    expect([...doc.querySelectorAll('text')].map((t) => t.textContent)).toContain(`1/${first.total}`);
  });
});

describe('writeMapSvg', () => {
  /** A ring of `n` points around (lon, lat): a detailed coastline. */
  const blob = (lon: number, lat: number, r: number, n: number) => {
    const ring = Array.from({ length: n }, (_, i) => {
      const a = (-i / n) * 2 * Math.PI; // clockwise, as d3-geo wants an outer ring
      return [lon + r * Math.cos(a), lat + r * Math.sin(a)];
    });
    return [...ring, ring[0]!];
  };
  const countries = {
    type: 'FeatureCollection' as const,
    features: [
      [20, 40, 15],
      [70, 30, 10],
      [150, -30, 10], // far outside the view: clipped away entirely
    ].map(([lon, lat, r]) => ({
      type: 'Feature' as const,
      properties: {},
      geometry: { type: 'Polygon' as const, coordinates: [blob(lon!, lat!, r!, 20000)] },
    })),
  };
  const view = {
    bounds: [
      [20, 0],
      [55, 80],
    ] as [[number, number], [number, number]],
  };

  it('simplifies shapes to about a pixel and leaves out what lies outside the view', () => {
    const svg = writeMapSvg(venues, countries, view, 1000, 600, SLIDE_THEMES.light);
    expect(svg.length).toBeLessThan(30_000); // 60,000 points in, a few hundred out
    expect(parse(svg).querySelectorAll('path')).toHaveLength(2);
    expect(svg).not.toMatch(/\d\.\d\d/);
  });

  it('draws 150,000 venues without overflowing the stack', { timeout: 30_000 }, () => {
    const many: VenueSummary[] = Array.from({ length: 150_000 }, (_, i) => ({
      ...venues[i % venues.length]!,
      venue: { ...venues[i % venues.length]!.venue, id: `v${i}` },
    }));
    expect(() => writeMapSvg(many, countries, view, 1000, 600, SLIDE_THEMES.dark)).not.toThrow();
  });

  it('labels stay readable on the map in both themes', () => {
    for (const theme of [SLIDE_THEMES.light, SLIDE_THEMES.dark]) {
      const doc = parse(writeMapSvg(venues, countries, view, 1000, 600, theme));
      for (const t of doc.querySelectorAll('text')) {
        const fill = fillOf(t);
        if (fill === 'none') continue;
        for (const ground of [theme.background, theme.land, theme.water])
          expect(contrastRatio(fill, ground)).toBeGreaterThanOrEqual(4.5);
      }
    }
  });
});

describe('contrastRatio', () => {
  it.each([
    ['#000000', '#ffffff', 1, 21],
    ['#ffffff', '#ffffff', 1, 1],
    ['rgb(91, 101, 115)', '#ffffff', 1, 5.9],
    ['#5b6573', '#ffffff', 0.18, 1.3],
  ])('%s on %s at %d → %d', (fg, bg, opacity, expected) =>
    expect(contrastRatio(fg, bg, opacity)).toBeCloseTo(expected, 1),
  );
});
