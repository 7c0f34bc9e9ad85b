import { describe, expect, it } from 'vitest';
import { scaleTime } from 'd3-scale';
import { cadenceLayout, periodSpan } from '../../src/lib/charts/cadence-layout';
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
