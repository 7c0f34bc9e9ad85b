import { describe, expect, it } from 'vitest';
import { roomBeside, sidewaysClear } from '../../src/lib/map/keep-clear';

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

describe('roomBeside: how wide a popup may be to clear a panel over the map', () => {
  it.each([
    // 667×375: the map from 39 to 628, less 50 and 64 px for its buttons; the details on the left (16–256).
    { what: 'the wider side, the panel on the left', panel: box(16, 256), room: box(89, 564), expected: 564 - 264 },
    { what: 'the wider side, the panel on the right', panel: box(411, 651), room: box(89, 564), expected: 403 - 89 },
    { what: 'none where the panel covers the whole room', panel: box(0, 700), room: box(89, 564), expected: 0 },
  ])('$what', ({ panel, room, expected }) => {
    expect(roomBeside(panel, room)).toBe(expected);
  });
});
