import { diffWords } from 'diff';

/** A stretch of a changed value: kept, removed or added. */
export interface WordChange {
  text: string;
  change: 'same' | 'removed' | 'added';
}

/** Values shorter than this are shown whole, before → after: a date or a status reads at a glance. */
const LONG = 40;
/** Characters of an unchanged stretch kept each side of a change; the rest is "…". */
const CONTEXT = 30;

/**
 * Words as the script has them (Intl.Segmenter): jsdiff's own splitting knows only Latin letters,
 * so Urdu, Arabic or Chinese would be compared letter by letter ("طوی" → "مبی", "اور" split).
 */
const segmenter = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter(undefined, { granularity: 'word' }) : undefined;

/**
 * Where a long value (a summary, an evidence quote) changed, word by word (jsdiff, with words found by Intl.Segmenter), so that
 * two words edited in 400 characters are marked rather than left to be found by eye. Unchanged
 * stretches are cut to their ends next to a change. Null where whole values read better: short
 * values, one side empty, or a value mostly rewritten.
 */
export function wordChanges(before: string, after: string): WordChange[] | null {
  if (!before || !after || Math.max(before.length, after.length) < LONG) return null;
  const parts: WordChange[] = diffWords(before, after, { intlSegmenter: segmenter }).map((c) => ({
    text: c.value,
    change: c.added ? 'added' : c.removed ? 'removed' : 'same',
  }));
  const kept = parts.reduce((n, p) => n + (p.change === 'same' ? p.text.length : 0), 0);
  if (kept < Math.min(before.length, after.length) / 2) return null;
  const last = parts.length - 1;
  return parts.map((p, i) => (p.change === 'same' ? { ...p, text: shorten(p.text, i === 0, i === last) } : p));
}

/** An unchanged stretch cut to CONTEXT characters at each end that touches a change. */
function shorten(text: string, first: boolean, last: boolean): string {
  if (text.length <= 2 * CONTEXT + 3 || (first && last)) return text;
  // The end next to a change is kept as it is (its space included); the far end is cut between words.
  const head = text.slice(0, CONTEXT).replace(/\s+\S*$/, '');
  const tail = text.slice(-CONTEXT).replace(/^\S*\s+/, '');
  return first ? `… ${tail}` : last ? `${head} …` : `${head} … ${tail}`;
}
