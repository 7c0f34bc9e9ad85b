import { describe, expect, it } from 'vitest';
import { cadenceLayout } from '../../src/lib/charts/cadence-layout';
import { placeGapLabels } from '../../src/lib/charts/gap-labels';
import type { CadenceLane } from '../../src/lib/data/aggregate';

/** A label of n characters ("27 mo" is 5) takes about 5 × 10.5 × 0.56 × 1.1 ≈ 32 px. */
const span = (x1: number, x2: number, text = '27 mo') => ({ x1, x2, text });

describe('placeGapLabels: the interval labels a lane has room for', () => {
  it('centres each label over its bracket where they all fit', () => {
    expect(placeGapLabels([span(0, 100), span(100, 200), span(200, 300)], 400)).toEqual([50, 150, 250]);
  });

  it('leaves out a label that would run into the one before, and keeps the next that clears it', () => {
    // Brackets 20 px wide ("8 mo", "2 mo" between close meetings on a phone): every other one fits.
    const placed = placeGapLabels([span(40, 60), span(60, 80), span(80, 100), span(100, 120)], 400);
    expect(placed).toEqual([50, null, 90, null]);
  });

  it('moves a label inside the timeline rather than past its edge, where a meeting sits at its start or end', () => {
    const [first, last] = placeGapLabels([span(0, 10), span(390, 400)], 400);
    expect(first! - 16).toBeGreaterThanOrEqual(0);
    expect(last! + 16).toBeLessThanOrEqual(400);
  });

  it('ends before a caption set above the lane (“overdue”)', () => {
    expect(placeGapLabels([span(0, 100), span(100, 200)], 400, 160)).toEqual([50, null]);
  });
});

describe('cadenceLayout on a phone', () => {
  it('keeps room left of the timeline for a mark at its very start (radius 7), with the names above the lanes', () => {
    const lane = {
      key: 'P — t',
      partner: 'P',
      track: 't',
      meetings: [],
      gaps: [],
      span: null,
    } as unknown as CadenceLane;
    const layout = cadenceLayout([lane], 320);
    expect(layout.compact).toBe(true);
    expect(layout.labelWidth).toBeGreaterThanOrEqual(7);
  });
});
