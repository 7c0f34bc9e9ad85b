import { fitText } from '../charts/fit-words';
import { approxTextWidth, textLength, truncateWords, wrapWords } from '../charts/text';

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

/**
 * `label` as a slide shows it where its whole does not `fit`: cut after a whole word, as the page's
 * credits are (charts/fit-words.ts); where no word fits (one long word, or Chinese, which has no
 * spaces), cut between graphemes as the page's charts cut it (charts/text.ts), never inside an
 * emoji or a letter and its accent, ending in "…". A name left whole ran past its box.
 */
export function fitLabel(label: string, fits: (text: string) => boolean): string {
  const byWords = fitText(label, fits);
  if (fits(byWords)) return byWords;
  // The most characters (see textLength) whose cut fits: fewer never take more room.
  let lo = 1;
  let hi = textLength(label);
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (fits(truncateWords(label, mid))) lo = mid;
    else hi = mid - 1;
  }
  return truncateWords(label, lo);
}

/**
 * Whether `text` fits fitLine's room whole (one line, or two of whole words, at `min` or more):
 * not, when its second line would end cut short ("…or Refugee…"). What a subtitle's filters are
 * summarised against (describeFilters), so that the status and the period are never the words cut.
 */
export function fitsLine(text: string, width: number, min: number): boolean {
  const words = (t: string) => t.split(/\s+/).filter(Boolean).join(' ');
  return words(fitLine(text, width, min, min).lines.join(' ')) === words(text);
}
