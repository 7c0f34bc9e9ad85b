import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isolate, textLength, truncateWords, wrapWords } from '../../src/lib/charts/text';

const graphemes = (text: string) =>
  Array.from(new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text), (s) => s.segment);

/** Labels of words of letters (Latin, accented with a combining mark, Urdu, Arabic, Chinese), emoji, flags and punctuation. */
const piece = fc.constantFrom(
  'a',
  'Dialogue',
  'e\u0301',
  'n\u0303o',
  '🤝',
  '🛡️',
  '🇵🇰',
  '👩🏽‍💻',
  'پاکستان',
  'افغانستان',
  'لجنة',
  'ک',
  '中巴',
  '经济走廊',
  ' ',
  ' ',
  '_',
  '–',
  '-',
  ',',
  ':',
  '12',
  '(',
);
const label = fc.array(piece, { minLength: 1, maxLength: 24 }).map((p) => p.join(''));

/** `shown` is whole graphemes from the start of `text`, with "…" after them where it was shortened. */
function isGraphemePrefix(shown: string, text: string): boolean {
  if (shown === text) return true;
  if (!shown.endsWith('…')) return false;
  const head = graphemes(shown.slice(0, -1));
  const all = graphemes(text);
  return head.every((g, i) => all[i] === g);
}

describe('truncateWords: a label shortened by whole graphemes, at a word where it has words', () => {
  it('shows whole graphemes from the label’s start and "…", within `max` characters', () => {
    fc.assert(
      fc.property(label, fc.integer({ min: 2, max: 40 }), (text, max) => {
        const shown = truncateWords(text, max);
        expect(isGraphemePrefix(shown, text), shown).toBe(true);
        expect(textLength(shown)).toBeLessThanOrEqual(max);
        expect(shown.length).toBeLessThanOrEqual(max);
      }),
      { numRuns: 2000 },
    );
  });

  it('never splits an emoji or a letter from its accent (the reviewer’s "Dialogue �…")', () => {
    expect(truncateWords('Dialogue 🤝 partners', 12)).toBe('Dialogue 🤝…');
    expect(truncateWords('Dialogue 🤝 partners', 11)).toBe('Dialogue…');
    expect(truncateWords('Dialogue🤝partners', 10)).toBe('Dialogue…');
    expect(truncateWords('Se\u0301curite\u0301maritime', 4)).toBe('Se\u0301…');
  });

  it('cuts a word longer than the room ("…" included), at its last joint where that keeps half of it', () => {
    const long = 'Counterterrorismintelligencesharingandjointoperationalcoordinationframework';
    expect(truncateWords(long, 20)).toBe('Counterterrorismint…');
    expect(truncateWords('#پاکستان_افغانستان_سرحدی_تعاون_اور_تجارتی_راہداری', 22)).toBe('#پاکستان_افغانستان…');
    expect(truncateWords('Pakistan–افغانستان JCC', 12)).toBe('Pakistan…');
  });

  it('counts a Chinese character as two: a CJK name is cut to the width it takes', () => {
    expect(textLength('中巴经济走廊安全保障')).toBe(20);
    expect(truncateWords('中巴经济走廊安全保障', 12)).toBe('中巴经济走…');
  });

  it('keeps whole words where the label has them (the 390 px timeline read "Joint Coordinat…")', () => {
    expect(truncateWords('Joint Coordination Committee', 18)).toBe('Joint…');
  });
});

describe('wrapWords: lines of whole words, a word too long for a line broken between graphemes', () => {
  it('gives lines within `max`, each of whole graphemes, that read as the label (or its start and "…")', () => {
    fc.assert(
      fc.property(label, fc.integer({ min: 3, max: 30 }), fc.integer({ min: 1, max: 8 }), (text, max, count) => {
        const lines = wrapWords(text, max, count);
        expect(lines.length).toBeLessThanOrEqual(count);
        const words = text.split(/\s+/).filter(Boolean);
        if (words.length === 0) return;
        // (A single grapheme wider than a line, a flag in 3 characters, stands alone.)
        for (const line of lines)
          if (graphemes(line).length > 1) expect(textLength(line), line).toBeLessThanOrEqual(max);
        // Joined without their breaks, the lines are the label's letters in order (up to a "…").
        const squeeze = (t: string) => t.replace(/\s+/g, '');
        const shown = squeeze(lines.join(''));
        expect(isGraphemePrefix(shown, squeeze(text)) || isGraphemePrefix(shown.replace(/…$/, ''), squeeze(text))).toBe(
          true,
        );
      }),
      { numRuns: 1000 },
    );
  });

  it('breaks the long no-space topic name onto lines, and shows it whole in as many lines as it needs', () => {
    const long = 'Counterterrorismintelligencesharingandjointoperationalcoordinationframework';
    const two = wrapWords(long, 20, 2);
    expect(two).toEqual(['Counterterrorisminte', 'lligencesharingandj…']);
    expect(wrapWords(long, 20, 8).join('')).toBe(long);
    expect(wrapWords('中巴经济走廊安全保障', 8, 2)).toEqual(['中巴经济', '走廊安…']);
  });

  it('does not carry the part after a dash onto a grapheme wider than the line (fast-check’s counterexample)', () => {
    for (const line of wrapWords('a–a👩🏽‍💻a', 3, 3))
      if (graphemes(line).length > 1) expect(textLength(line), line).toBeLessThanOrEqual(3);
  });
});

describe('isolate', () => {
  it('isolates a name with a right-to-left letter (its "…" then shows at its left end), and leaves others alone', () => {
    expect(isolate('لجنة التنس…')).toBe('\u2068لجنة التنس…\u2069');
    expect(isolate('Dialogue 🤝…')).toBe('Dialogue 🤝…');
    expect(isolate('中巴战略对话')).toBe('中巴战略对话');
  });
});
