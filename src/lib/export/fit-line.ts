import { approxTextWidth, wrapWords } from '../charts/text';

/**
 * A line of an export (the filters under a slide's title) sized to its room: the largest font
 * size from `max` down to `min` at which it fits `width` on one line; when even `min` does not,
 * it is broken into two lines of whole words at `min`. Judged by the rough width of the UI font
 * (charts/text.ts), which errs wide, so a fitted line is not cut off in a slide program either.
 */
export function fitLine(text: string, width: number, max: number, min: number): { size: number; lines: string[] } {
  for (let size = max; size >= min; size--) if (approxTextWidth(text, size) <= width) return { size, lines: [text] };
  // Broken between two filters where the two lines fit ("Held meetings only" stays whole), the
  // first line as long as it can be; else between words.
  const parts = text.split(SEPARATOR);
  for (let i = parts.length - 1; i > 0; i--) {
    // The separator ends the first line ("… · "), so the second reads as more of the same.
    const lines = [`${parts.slice(0, i).join(SEPARATOR)} ·`, parts.slice(i).join(SEPARATOR)];
    if (lines.every((l) => approxTextWidth(l, min) <= width)) return { size: min, lines };
  }
  return { size: min, lines: wrapWords(text, Math.floor(width / approxTextWidth('x', min)), 2) };
}

/** Between two filters in the line under a title (describe.ts joins them so). */
const SEPARATOR = ' · ';
