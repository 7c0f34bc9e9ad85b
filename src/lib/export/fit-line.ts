import { approxTextWidth, wrapWords } from '../charts/text';

/**
 * A line of an export (the filters under a slide's title) sized to its room: the largest font
 * size from `max` down to `min` at which it fits `width` on one line; when even `min` does not,
 * it is broken into two lines of whole words at `min`. Judged by the rough width of the UI font
 * (charts/text.ts), which errs wide, so a fitted line is not cut off in a slide program either.
 */
export function fitLine(text: string, width: number, max: number, min: number): { size: number; lines: string[] } {
  for (let size = max; size >= min; size--) if (approxTextWidth(text, size) <= width) return { size, lines: [text] };
  return { size: min, lines: wrapWords(text, Math.floor(width / approxTextWidth('x', min)), 2) };
}
