/** Shortens a label to about `max` characters for an axis, ending in an ellipsis; the full text goes in a <title>. */
export function truncate(label: string, max: number): string {
  return label.length <= max ? label : `${label.slice(0, Math.max(1, max - 1)).trimEnd()}…`;
}

/** A rough width in pixels of text in the UI font: good enough to reserve room for labels. */
export function approxTextWidth(text: string, fontSize: number): number {
  return text.length * fontSize * 0.56;
}

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
  if (to + gap + approxTextWidth(word, 10.5) * 1.1 <= end) return { x: to + gap, y: cy, anchor: undefined };
  return roomAbove ? { x: to, y: cy - 13, anchor: 'end' } : null;
}

/**
 * How many characters wide `text` is when each space takes `space` characters (1, unless the
 * reader's style sheet widens the gaps between words: WCAG 1.4.12's word spacing).
 */
export function spacedLength(text: string, space = 1): number {
  return space === 1 ? text.length : text.length + (space - 1) * (text.split(' ').length - 1);
}

/**
 * Shortens a label to whole words within about `max` characters, ending in an ellipsis, so
 * that what is shown is still a run of the label's words (a screen reader's name contains it).
 * A first word longer than `max` is kept whole. Each space counts `space` characters (see spacedLength).
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
  const head = cut > 0 ? label.slice(0, cut) : (label.split(' ')[0] ?? label);
  return head.length >= label.length ? label : `${head.replace(/[\s,;:–—-]+$/, '')}…`;
}

/**
 * Breaks a label into at most `maxLines` lines of whole words, each within about `max`
 * characters; what does not fit ends the last line in "…" (a word longer than a line stands alone).
 * Each space between words counts `space` characters (see spacedLength).
 */
export function wrapWords(label: string, max: number, maxLines: number, space = 1): string[] {
  const words = label.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let i = 0;
  while (i < words.length && lines.length < maxLines) {
    let line = words[i++]!;
    let width = line.length;
    while (i < words.length && width + space + words[i]!.length <= max) {
      width += space + words[i]!.length;
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
