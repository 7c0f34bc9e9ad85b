import { describe, expect, it } from 'vitest';
import { headWords, wordCuts } from '../../src/lib/charts/text';

const meeting = 'European Union Bilateral Dialogue, round 10 in Brussels: held, 17 Jul 2025.';

describe('wordCuts and headWords: a line cut at a whole word, never inside a word or number', () => {
  it('keeps a number with the word before it, and a day with its month', () => {
    const shown = wordCuts(meeting).map((k) => headWords(meeting, k));
    expect(shown).toEqual([
      'European…',
      'European Union…',
      'European Union Bilateral…',
      'European Union Bilateral Dialogue…',
      'European Union Bilateral Dialogue, round 10…',
      'European Union Bilateral Dialogue, round 10 in…',
      'European Union Bilateral Dialogue, round 10 in Brussels…',
      'European Union Bilateral Dialogue, round 10 in Brussels: held…',
    ]);
    // The reviewer's embed read "round 1…" for round 10.
    for (const line of shown) expect(line).not.toMatch(/(round|round 1|17|17 Jul)…$/);
  });

  it('gives the whole label when every word is kept, and at least one word', () => {
    expect(headWords('one two', 2)).toBe('one two');
    expect(headWords('one, two', 0)).toBe('one…');
    expect(wordCuts('single')).toEqual([]);
    expect(wordCuts('  spaced   out  ')).toEqual([1]);
  });
});
