import { describe, expect, it } from 'vitest';
import { scaleTime } from 'd3-scale';
import { utcYear } from 'd3-time';
import { cadenceLayout, cadenceScale, periodSpan, yearLabels } from '../../src/lib/charts/cadence-layout';
import { approxTextWidth, truncateWords } from '../../src/lib/charts/text';
import type { CadenceLane } from '../../src/lib/data/aggregate';

const lane = (partner: string, track: string) =>
  ({ key: `${partner} — ${track}`, partner, track, meetings: [] }) as unknown as CadenceLane;

describe('cadenceLayout: track names above their lanes (a phone)', () => {
  const lanes = [
    lane('Kingdom of Saudi Arabia', 'Supreme Coordination Council Security Committee'),
    lane('Türkiye', 'High-Level Strategic Cooperation Council'),
  ];
  // The timeline's width in a 320 px screen's card (259), and a few about it.
  it.each([259, 300, 343, 400])('cuts a long name so that it ends, "…" and all, inside a %i px chart', (width) => {
    const layout = cadenceLayout(lanes, width);
    expect(layout.compact).toBe(true);
    for (const { track } of lanes) {
      const shown = truncateWords(track, layout.labelChars);
      if (width === 259) expect(shown).toMatch(/…$/);
      // Drawn from x = 16, on a box a little wider than the name.
      expect(16 + approxTextWidth(shown, 12) + 4).toBeLessThanOrEqual(width);
    }
  });
});

describe('periodSpan: a period on the time scale', () => {
  const x = scaleTime()
    .domain([new Date('2023-01-01T00:00:00Z'), new Date('2028-01-01T00:00:00Z')])
    .range([0, 500]);
  const last = new Date('2028-01-01T00:00:00Z').getTime() - 1;
  it('runs from the first instant of `from` to the last of `to`', () => {
    const [a, b] = periodSpan('2024-07', '2025-06', x)!;
    expect(a.toISOString()).toBe('2024-07-01T00:00:00.000Z');
    expect(b.getTime()).toBe(new Date('2025-07-01T00:00:00Z').getTime() - 1);
  });
  it('holds a period beyond the scale (a link’s) to its edge, never ending before it starts', () => {
    for (const [from, to] of [
      ['2030-01', null],
      ['2030-01', '2031-12'],
      [null, '2020-01'],
      ['2019-01', '2020-06'],
    ] as const) {
      const [a, b] = periodSpan(from, to, x)!;
      expect(b.getTime()).toBeGreaterThanOrEqual(a.getTime());
      expect(x(a)).toBeGreaterThanOrEqual(0);
      expect(x(b)).toBeLessThanOrEqual(500);
    }
    expect(periodSpan('2030-01', null, x)!.map((d) => d.getTime())).toEqual([last, last]);
    expect(periodSpan(null, '2020-01', x)!.map((d) => d.toISOString())).toEqual([
      '2023-01-01T00:00:00.000Z',
      '2023-01-01T00:00:00.000Z',
    ]);
  });
});

describe('the time axis: its year labels end inside the lanes, and say where the axis starts and ends', () => {
  // The bundled data on 21 Nov 2026: meetings from Mar 2023, a round planned in 2026 (to 1 Jan 2027).
  const spanned = [
    { span: [new Date('2023-03-01T00:00:00Z'), new Date('2027-01-01T00:00:00Z')] },
  ] as unknown as CadenceLane[];
  const today = new Date('2026-11-21T12:00:00Z');
  // The lanes of a 300 × 250 embed (98 px), a 320 and a 390 px phone, a laptop.
  it.each([98, 166, 236, 840])('at %i px of lanes', (plotWidth) => {
    const x = cadenceScale(spanned, today, plotWidth);
    const years = x.ticks(utcYear.every(1)!);
    const labels = yearLabels(years, x, plotWidth);
    expect(labels.length).toBeGreaterThanOrEqual(2);
    for (const t of labels) expect(x(t) + 4 + 28.3).toBeLessThanOrEqual(plotWidth);
    for (let i = 1; i < labels.length; i++) expect(x(labels[i]!) - x(labels[i - 1]!)).toBeGreaterThanOrEqual(40);
    // No year boundary past the last one the axis was made for (2028), even where a year is narrower than a label.
    expect(years.at(-1)!.getUTCFullYear()).toBe(2028);
    if (plotWidth >= 236) expect(labels.at(-1)!.getUTCFullYear()).toBe(2028);
  });
});
