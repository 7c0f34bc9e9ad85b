import { describe, expect, it } from 'vitest';
import { captionClear } from '../../src/lib/charts/expected-caption';
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

describe('captionClear: the word beside a packed lane’s mark, clear of the "today" line', () => {
  it('starts after the line where that line would cross it beside the mark, and where it fits', () => {
    // The line 10 px right of the mark: the word starts 6 px after it, not across it.
    expect(captionClear('overdue', 100, 110, 20, 400, false, 120)).toEqual({ x: 126, y: 20, anchor: undefined });
    // A line clear of the word, or inside the mark, or none, leaves it beside the mark.
    expect(captionClear('overdue', 100, 110, 20, 400, false, 200)).toEqual({ x: 114, y: 20, anchor: undefined });
    expect(captionClear('overdue', 100, 110, 20, 400, false, 105)).toEqual({ x: 114, y: 20, anchor: undefined });
    expect(captionClear('overdue', 100, 110, 20, 400, false)).toEqual({ x: 114, y: 20, anchor: undefined });
    // No room after the line: beside the mark after all, rather than no word.
    expect(captionClear('overdue', 100, 110, 20, 165, false, 120)).toEqual({ x: 114, y: 20, anchor: undefined });
  });
});
