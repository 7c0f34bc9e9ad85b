import { describe, expect, it } from 'vitest';
import { fitLanes } from '../../src/lib/charts/lane-fit';
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
