import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatCount } from '../../src/lib/data/format-count';

describe('formatCount', () => {
  it.each([
    { n: 0, expected: '0' },
    { n: 9, expected: '9' },
    { n: 1000, expected: '1,000' },
    { n: 1_000_000, expected: '1,000,000' },
  ])('writes $n as $expected', ({ n, expected }) => expect(formatCount(n)).toBe(expected));

  it('writes every whole count as toLocaleString("en") does', () => {
    fc.assert(fc.property(fc.nat(), (n) => formatCount(n) === n.toLocaleString('en')));
  });
});
