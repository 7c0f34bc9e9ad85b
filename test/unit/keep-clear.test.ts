import { describe, expect, it } from 'vitest';
import { sidewaysClear } from '../../src/lib/map/keep-clear';

const box = (left: number, right: number, top = 0, bottom = 200) => ({ left, right, top, bottom });

describe('sidewaysClear: a popup moved out from under a panel over the map', () => {
  // A phone held sideways (844×390): the map from 44 to 800 (less its buttons' room), the details on the right.
  const room = box(94, 736, -14, 353);
  const details = box(468, 828, 16, 374);
  it('does not move what the panel does not cover', () => {
    expect(sidewaysClear(box(94, 460), details, room)).toBe(0);
    expect(sidewaysClear(box(500, 700, 380, 400), details, room)).toBe(0);
  });
  it('moves it to the side with room, ending 8 px short of the panel', () => {
    expect(sidewaysClear(box(370, 736), details, room)).toBe(460 - 736);
    // The panel on the left: to its right.
    expect(sidewaysClear(box(100, 400), box(16, 376, 16, 374), room)).toBe(384 - 100);
  });
  it('leaves it where no side has room (the details then try elsewhere)', () => {
    expect(sidewaysClear(box(300, 700), box(200, 600, 16, 374), room)).toBe(0);
  });
});
