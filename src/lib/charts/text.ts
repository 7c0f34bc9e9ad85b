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
 * Shortens a label to whole words within about `max` characters, ending in an ellipsis, so
 * that what is shown is still a run of the label's words (a screen reader's name contains it).
 * A first word longer than `max` is kept whole.
 */
export function truncateWords(label: string, max: number): string {
  if (label.length <= max) return label;
  const cut = label.lastIndexOf(' ', Math.max(1, max - 1));
  const head = cut > 0 ? label.slice(0, cut) : (label.split(' ')[0] ?? label);
  return head.length >= label.length ? label : `${head.replace(/[\s,;:–—-]+$/, '')}…`;
}

/**
 * Breaks a label into at most `maxLines` lines of whole words, each within about `max`
 * characters; what does not fit ends the last line in "…" (a word longer than a line stands alone).
 */
export function wrapWords(label: string, max: number, maxLines: number): string[] {
  const words = label.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let i = 0;
  while (i < words.length && lines.length < maxLines) {
    let line = words[i++]!;
    while (i < words.length && line.length + 1 + words[i]!.length <= max) line += ` ${words[i++]}`;
    lines.push(line);
  }
  if (i < words.length && lines.length)
    lines[lines.length - 1] = truncateWords(`${lines.at(-1)} ${words.slice(i).join(' ')}`, max);
  return lines.length ? lines : [label];
}
