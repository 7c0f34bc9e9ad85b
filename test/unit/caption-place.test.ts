import { describe, expect, it } from 'vitest';
import { captionPlace } from '../../src/lib/charts/text';

describe('captionPlace: the word beside a timeline mark', () => {
  it('goes right of the mark where it fits before the edge', () => {
    expect(captionPlace('overdue', 100, 110, 20, 400, false)).toEqual({ x: 114, y: 20, anchor: undefined });
  });

  it('goes above the mark, ending with it, past the edge when the lane has room above', () => {
    expect(captionPlace('overdue', 380, 390, 20, 400, true)).toEqual({ x: 390, y: 7, anchor: 'end' });
  });

  it('in a packed lane with no room right, is left to the mark: on the left it would cover earlier meetings or the name (a 300×250 embed)', () => {
    expect(captionPlace('overdue', 300, 310, 20, 330, false)).toBeNull();
    expect(captionPlace('overdue', 20, 60, 20, 100, false)).toBeNull();
  });
});
