import { describe, expect, it } from 'vitest';
import { captionPlace } from '../../src/lib/charts/text';

describe('captionPlace: the word beside a timeline mark', () => {
  it('goes right of the mark where it fits before the edge', () => {
    expect(captionPlace('overdue', 100, 110, 20, 400, false)).toEqual({ x: 114, y: 20, anchor: undefined });
  });

  it('goes above the mark, ending with it, past the edge when the lane has room above', () => {
    expect(captionPlace('overdue', 380, 390, 20, 400, true)).toEqual({ x: 390, y: 7, anchor: 'end' });
  });

  it('goes left in a packed lane, but never into the track names left of the timeline (a 300×250 embed)', () => {
    expect(captionPlace('overdue', 300, 310, 20, 330, false)).toEqual({ x: 296, y: 20, anchor: 'end' });
    // A timeline 100 px wide: the word fits neither side, so none is drawn (the mark's name says "overdue").
    expect(captionPlace('overdue', 20, 60, 20, 100, false)).toBeNull();
  });
});
