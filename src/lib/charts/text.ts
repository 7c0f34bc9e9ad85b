/** One segmenter for every label (made when first needed: making one costs far more than using it). */
let segmenter: Intl.Segmenter | undefined;
/** A text's graphemes, each what a reader takes for one character: 🤝, e + ◌́, 🇵🇰. */
export const graphemes = (text: string): string[] =>
  Array.from(
    (segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' })).segment(text),
    (s) => s.segment,
  );

/** How many characters wide a text is: a CJK, kana, hangul or full-width one is about two. */
export const textLength = (text: string): number =>
  text.length + (text.match(/[\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60]/g)?.length ?? 0);

/** A name in SVG text set apart where it holds a right-to-left letter (see data/isolate.ts). */
export { isolate } from '../data/isolate';

/** A rough width in pixels of text in the UI font: good enough to reserve room for labels. */
export function approxTextWidth(text: string, fontSize: number): number {
  return textLength(text) * fontSize * 0.56;
}

/** A timeline caption's width: 10.5 px bold runs about a tenth wider than the estimate. */
export const captionWidth = (word: string): number => approxTextWidth(word, 10.5) * 1.1;

/**
 * Where the word beside a timeline mark ("overdue", "expected") goes, the mark spanning `from` to
 * `to` on a lane at `cy`: to its right; past `end` (the timeline's edge), above the mark and ending
 * with it; where the lane has no room above (packed tight), null: on the left it would lie over the
 * track's earlier meetings or its name (the mark's own name still says it). In 10.5 px bold, which
 * runs about a tenth wider than the estimate.
 */
export function captionPlace(
  word: string,
  from: number,
  to: number,
  cy: number,
  end: number,
  roomAbove: boolean,
): { x: number; y: number; anchor: 'end' | undefined } | null {
  const gap = 4;
  if (to + gap + captionWidth(word) <= end) return { x: to + gap, y: cy, anchor: undefined };
  return roomAbove ? { x: to, y: cy - 13, anchor: 'end' } : null;
}

/**
 * How many characters wide `text` is when each space takes `space` characters (1, unless the
 * reader's style sheet widens the gaps between words: WCAG 1.4.12's word spacing).
 */
export function spacedLength(text: string, space = 1): number {
  return textLength(text) + (space - 1) * (text.split(' ').length - 1);
}

/**
 * `text` in runs of whole graphemes (never an emoji or a letter and its accent split) within `max`
 * characters each, a run ending after its last "_" or dash where that keeps half of it or more; a
 * grapheme wider than `max` is a run of its own, after an empty one.
 */
function runs(text: string, max: number): string[] {
  // Most words fit their line: nothing to segment.
  if (textLength(text) <= max) return [text];
  const parts = [''];
  for (const g of graphemes(text)) {
    const last = parts.pop()!;
    const joint = last.search(/[_–—-][^_–—-]*$/) + 1;
    if (textLength(last + g) <= max) parts.push(last + g);
    else if (joint * 2 > last.length && textLength(last.slice(joint) + g) <= max)
      parts.push(last.slice(0, joint), last.slice(joint) + g);
    else parts.push(last, g);
  }
  return parts;
}

/**
 * Shortens a label to whole words within about `max` characters (see textLength), ending in an
 * ellipsis, so that what is shown is still a run of the label's words (a screen reader's name
 * contains it). Where no word fits (a long word, or CJK text, which has no spaces), the first word
 * is cut between graphemes (never inside an emoji or a letter and its accent), before its last
 * "_" or dash where that keeps half of it or more. Each space counts `space` characters (see spacedLength).
 */
export function truncateWords(label: string, max: number, space = 1): string {
  if (spacedLength(label, space) <= max) return label;
  // The last space before which the words and the "…" still fit.
  const room = Math.max(1, max - 1);
  let cut = -1;
  let next = label.indexOf(' ');
  while (next >= 0 && spacedLength(label.slice(0, next), space) <= room) {
    cut = next;
    next = label.indexOf(' ', next + 1);
  }
  const head = cut > 0 ? label.slice(0, cut) : runs(label, room)[0]!;
  return `${head.replace(/[\s,;:_–—-]+$/, '')}…`;
}

/**
 * Breaks a label into at most `maxLines` lines of whole words, each within about `max`
 * characters; what does not fit ends the last line in "…". A word longer than a line (CJK text
 * has no spaces) is broken between graphemes. Each space between words counts `space` characters (see spacedLength).
 */
export function wrapWords(label: string, max: number, maxLines: number, space = 1): string[] {
  const words = label
    .split(/\s+/)
    .flatMap((word) => runs(word, max))
    .filter(Boolean);
  const lines: string[] = [];
  let i = 0;
  while (i < words.length && lines.length < maxLines) {
    let line = words[i++]!;
    let width = textLength(line);
    while (i < words.length && width + space + textLength(words[i]!) <= max) {
      width += space + textLength(words[i]!);
      line += ` ${words[i++]}`;
    }
    lines.push(line);
  }
  if (i < words.length && lines.length)
    lines[lines.length - 1] = truncateWords(`${lines.at(-1)} ${words.slice(i).join(' ')}`, max, space);
  return lines.length ? lines : [label];
}

/**
 * The first `count` words of a label and "…", without the punctuation the cut leaves at its end:
 * "European Union Bilateral Dialogue, round 10" at 4 words is "European Union Bilateral Dialogue…".
 * A cut between words never shows part of a word or a number ("round 1…" for "round 10").
 */
export function headWords(label: string, count: number): string {
  const words = label.split(/\s+/).filter(Boolean);
  if (count >= words.length) return words.join(' ');
  return `${words
    .slice(0, Math.max(1, count))
    .join(' ')
    .replace(/[\s,;:.–—-]+$/, '')}…`;
}

/**
 * Where a label may be cut (the counts of words kept, fewest first): between any two words but
 * before a number within a phrase ("round 10", "Jul 2025" stay together) or between a day and its
 * month ("17 Jul"), so what is left never ends in a dangling "round" or a part of a date.
 */
export function wordCuts(label: string): number[] {
  const words = label.split(/\s+/).filter(Boolean);
  const cuts: number[] = [];
  for (let k = 1; k < words.length; k++) {
    const before = words[k - 1]!;
    const next = words[k]!;
    const phraseEnds = /[,;:.]$/.test(before);
    if ((/\d/.test(next) && !phraseEnds) || (/^\d+$/.test(before) && /^\p{Lu}/u.test(next))) continue;
    cuts.push(k);
  }
  return cuts;
}
