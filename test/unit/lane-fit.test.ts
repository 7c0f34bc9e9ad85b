import { describe, expect, it } from 'vitest';
import { fitLanes, wrappedHeight } from '../../src/lib/charts/lane-fit';
import type { CadenceLane } from '../../src/lib/data/aggregate';

/** A lane whose last meeting was in `year` (or none dated). */
const lane = (track: string, year: number | null) =>
  ({
    key: `P — ${track}`,
    partner: 'P',
    track,
    span: year === null ? null : [new Date(Date.UTC(year, 0)), new Date(Date.UTC(year, 2, 15))],
  }) as CadenceLane;

describe('fitLanes: the tracks a short frame has room for', () => {
  const lanes = [lane('a', 2021), lane('b', 2025), lane('c', 2019), lane('d', 2024), lane('e', null), lane('f', 2023)];

  it('keeps every track where they fit packed (15 px each, 48 px around)', () => {
    expect(fitLanes(lanes, 6 * 15 + 48)).toEqual({ lanes, note: null });
  });

  it('keeps the tracks that met (or will) most recently, in their order, and says how many are left out', () => {
    const { lanes: kept, note } = fitLanes(lanes, 3 * 15 + 48 + 20);
    expect(kept.map((l) => l.track)).toEqual(['b', 'd', 'f']);
    expect(note).toBe('and 3 more tracks with earlier or no dates');
  });

  it('says the tracks left out have earlier dates (held or planned), not that they met less recently', () => {
    const planned = lane('plans', 2020);
    planned.span = [new Date(Date.UTC(2015, 0)), new Date(Date.UTC(2027, 0))]; // met in 2015, plans a round in 2027
    const { lanes: kept, note } = fitLanes([lane('met', 2024), planned], 75);
    expect(kept.map((l) => l.track)).toEqual(['plans']);
    expect(note).toBe('and 1 more track with earlier dates');
  });

  it('leaves out an undated track before a dated one', () => {
    expect(fitLanes([lane('e', null), lane('a', 2020)], 70)).toEqual({
      lanes: [expect.objectContaining({ track: 'a' })],
      note: 'and 1 more track with earlier or no dates',
    });
  });
});

describe('fitLanes with the legend of the partners drawn in the same room', () => {
  /** A track of `partner` whose latest meeting (held or planned) is in `year`. */
  const track = (partner: string, year: number) => ({ ...lane(`${partner}${year}`, year), partner }) as CadenceLane;
  // Present on a 320 × 568 phone: two Saudi tracks plan rounds in 2027, then China's, the UK's, ...
  const lanes = [
    track('Saudi Arabia', 2027),
    track('Saudi Arabia', 2027),
    track('China', 2026),
    track('United Kingdom', 2025),
    track('Türkiye', 2024),
    track('Türkiye', 2023),
    track('African Union', 2022),
  ];
  /** Each partner's name takes a line of the legend (20 px) at that width. */
  const legend = (partners: ReadonlySet<string>) => partners.size * 20;

  it('draws the lanes that the lines of the partners left out make room for (4 here, not the 2 left beside every partner’s line)', () => {
    // The room under the title for legend and chart: every partner's legend (100 px) leaves 106 px.
    const room = 206;
    expect(fitLanes(lanes, room - 100).lanes).toHaveLength(2);
    const { lanes: kept, note } = fitLanes(lanes, room, legend);
    // 4 lanes (60 px) and 3 partners' lines (60 px), with the axis and "today" (48) and the note (20): 188 px.
    expect(kept.map((l) => l.partner)).toEqual(['Saudi Arabia', 'Saudi Arabia', 'China', 'United Kingdom']);
    expect(note).toBe('and 3 more tracks with earlier dates');
  });

  it('keeps every track where they and every partner’s line fit, and leaves one out where only the legend does not', () => {
    expect(fitLanes(lanes, 7 * 15 + 48 + 100, legend)).toEqual({ lanes, note: null });
    expect(fitLanes(lanes, 7 * 15 + 48 + 99, legend).lanes).toHaveLength(6);
  });
});

describe('wrappedHeight: a legend’s height, wrapped as a flex row wraps', () => {
  it.each([
    { widths: [], expected: 0 },
    { widths: [100], expected: 20 },
    { widths: [100, 90], expected: 20 }, // 100 + 10 + 90 = 200: one line
    { widths: [100, 91], expected: 20 + 4 + 20 },
    { widths: [250, 30, 30, 30], expected: 20 + 4 + 20 },
  ])('$widths in 200 px: $expected px', ({ widths, expected }) => {
    expect(wrappedHeight(widths, 200, 10, 20, 4)).toBe(expected);
  });
});
