import { describe, expect, it } from 'vitest';
import { NO_FILTERS } from '../../src/lib/data/filters';
import { periodText } from '../../src/lib/data/partial-date';
import { describeFilters } from '../../src/lib/export/describe';

const labels = { topic: (id: string) => id, venue: (id: string) => id };

describe('the period, in one wording everywhere', () => {
  it.each([
    { from: '2023-03', to: '2025-08', expected: 'Mar 2023 – Aug 2025' },
    { from: '2025', to: '2025', expected: '2025' },
    { from: '2024', to: null, expected: 'From 2024' },
    { from: '2024-03', to: null, expected: 'From Mar 2024' },
    { from: null, to: '2025-08', expected: 'Until Aug 2025' },
    { from: null, to: '2025-08-31', expected: 'Until 31 Aug 2025' },
    { from: null, to: null, expected: '' },
  ])('$from to $to reads "$expected"', ({ from, to, expected }) => {
    expect(periodText(from, to)).toBe(expected);
  });

  it('is the subtitles’ wording: a start alone is not "2024 – …"', () => {
    const us = { ...NO_FILTERS, partners: ['United States'], from: '2024' };
    expect(describeFilters(us, labels)).toBe('Partner: United States · From 2024');
    expect(describeFilters({ ...NO_FILTERS, to: '2025-08' }, labels)).toBe('Until Aug 2025');
  });
});
