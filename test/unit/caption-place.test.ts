import { describe, expect, it } from 'vitest';
import { captionClear } from '../../src/lib/charts/expected-caption';
import { approxTextWidth, captionPlace } from '../../src/lib/charts/text';

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
    // The line 4 px right of the mark: the word starts 6 px after it, not across it, 10 px from the mark.
    expect(captionClear('overdue', 100, 110, 20, 400, false, 114)).toEqual({ x: 120, y: 20, anchor: undefined });
    expect(captionClear('overdue', 100, 110, 20, 400, true, 116)).toEqual({ x: 122, y: 20, anchor: undefined });
    // A line clear of the word, or inside the mark, or none, leaves it beside the mark.
    expect(captionClear('overdue', 100, 110, 20, 400, false, 200)).toEqual({ x: 114, y: 20, anchor: undefined });
    expect(captionClear('overdue', 100, 110, 20, 400, false, 105)).toEqual({ x: 114, y: 20, anchor: undefined });
    expect(captionClear('overdue', 100, 110, 20, 400, false)).toEqual({ x: 114, y: 20, anchor: undefined });
    // No room after the line: beside the mark after all, rather than no word.
    expect(captionClear('overdue', 100, 110, 20, 165, false, 120)).toEqual({ x: 114, y: 20, anchor: undefined });
  });

  it('keeps the word next to its mark: where the line is farther on, above the mark (clear of the line), else left to the mark’s name', () => {
    // A phone's twelve years: the line 10, 30 and 50 px after a round long overdue. Its word started
    // 6 px after the line, up to 56 px from the mark it describes.
    // Above, centred on the mark (105) where it ends before the line, else ending 2 px before it: ending
    // with the mark's right edge, it ran left over the lane's earlier rounds and read as theirs.
    const half = (approxTextWidth('overdue', 10.5) * 1.1) / 2;
    expect(half).toBeGreaterThan(20);
    for (const line of [120, 140, 160])
      expect(captionClear('overdue', 100, 110, 20, 400, true, line), `line at ${line}`).toEqual({
        x: Math.min(105 + half, line - 2),
        y: 7,
        anchor: 'end',
      });
    expect(captionClear('overdue', 100, 110, 20, 400, true, 160)!.x).toBe(105 + half);
    // A packed lane (a small embed), no room above: no word rather than one 46 px off.
    expect(captionClear('overdue', 100, 110, 20, 400, false, 150)).toBeNull();
    // No room after the line either: above where the lane has room.
    expect(captionClear('overdue', 100, 110, 20, 165, true, 120)).toEqual({ x: 118, y: 7, anchor: 'end' });
  });

  it.each([
    { line: 111, roomAbove: true },
    { line: 116, roomAbove: true },
    { line: 130, roomAbove: true },
    { line: 190, roomAbove: true },
    { line: 111, roomAbove: false },
    { line: 116, roomAbove: false },
    { line: 130, roomAbove: false },
    { line: 190, roomAbove: false },
  ])(
    'never sets a word more than 12 px past its mark or under the line at $line (room above: $roomAbove)',
    ({ line, roomAbove }) => {
      const word = captionClear('overdue', 100, 110, 20, 400, roomAbove, line);
      if (!word) return;
      const [left, right] = word.anchor === 'end' ? [word.x - 45, word.x] : [word.x, word.x + 45];
      if (word.y === 20) expect(left - 110).toBeLessThanOrEqual(12);
      expect(line < left - 1 || line > right + 1).toBe(true);
    },
  );
});
