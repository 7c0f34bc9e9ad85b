import { describe, expect, it } from 'vitest';
import { isFiltering, matcher, NO_FILTERS, toggled, type Filters } from '../../src/lib/data/filters';
import { parseDialogues } from '../../src/lib/data/dialogues';

const rows = parseDialogues(
  [
    'id,date,status,partner,track,venue_id,topics,source_id',
    'a,2025-06-27,held,Afghanistan,T,islamabad,ct;refugees,s',
    'b,,planned,Afghanistan,T,kabul,,s',
    'c,2025,planned,European Union,S,,migration,s',
    'd,2024-05,held,United States,CT,,ct,s',
  ].join('\n'),
).rows;
const ids = (f: Partial<Filters>) => rows.filter(matcher({ ...NO_FILTERS, ...f })).map((d) => d.id);

describe('filters', () => {
  it.each([
    { f: {}, expected: ['a', 'b', 'c', 'd'] },
    { f: { partners: ['Afghanistan'] }, expected: ['a', 'b'] },
    { f: { topics: ['ct'] }, expected: ['a', 'd'] },
    { f: { topics: ['ct', 'migration'] }, expected: ['a', 'c', 'd'] },
    { f: { topics: ['ct'], partners: ['United States'] }, expected: ['d'] },
    { f: { venues: ['kabul'] }, expected: ['b'] },
    { f: { status: 'planned' as const }, expected: ['b', 'c'] },
    { f: { from: '2025-07' }, expected: ['c'] },
    { f: { from: '2024-01', to: '2024-12' }, expected: ['d'] },
    { f: { to: '2025-06-27' }, expected: ['a', 'c', 'd'] },
  ])('$f → $expected', ({ f, expected }) => {
    expect(ids(f)).toEqual(expected);
  });

  it('knows when anything is filtered', () => {
    expect(isFiltering(NO_FILTERS)).toBe(false);
    expect(isFiltering({ ...NO_FILTERS, status: 'held' })).toBe(true);
    expect(isFiltering({ ...NO_FILTERS, from: '2025-01' })).toBe(true);
  });

  it('toggles a value in and out of a list', () => {
    expect(toggled(['a'], 'b')).toEqual(['a', 'b']);
    expect(toggled(['a', 'b'], 'a')).toEqual(['b']);
  });
});
