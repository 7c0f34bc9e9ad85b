import type { Attachment } from 'svelte/attachments';
import { headWords, wordCuts } from './text';

/** What a line may keep whole while its `label` is cut: `tail` after it, or `whole`, the line in full, where that fits. */
export interface Keep {
  tail: string;
  whole?: string;
}

/** The longest of `label`'s word cuts (then `after`) that `fits`; the shortest where none does. */
function longestCut(label: string, after: string, fits: (text: string) => boolean): string {
  const cuts = wordCuts(label);
  if (fits(label + after) || cuts.length === 0) return label + after;
  // Fewer words never take more room, so a binary search will do.
  let lo = 0;
  let hi = cuts.length - 1;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (fits(headWords(label, cuts[mid]!) + after)) lo = mid;
    else hi = mid - 1;
  }
  return headWords(label, cuts[lo]!) + after;
}

/**
 * The text to show: `keep.whole` where it fits; else `label` cut after a whole word with `keep.tail`
 * whole after it ("Afghanistan Additional…, round 2: planned, date not announced.": a meeting's
 * track name gives way before what tells its meetings apart); else, or with nothing kept, label and
 * tail cut as one at a word (see wordCuts). What shares the line (the embed's credit after its link)
 * gives way before the label is cut (`fits` says whether the text fits with it given way): a meeting
 * reads "European Union Migration and Mobility Dialogue, round 3…" rather than "European Union…, round 3
 * … · Dialogue Atlas, from 3 news articles", a credit the same for every meeting.
 */
export function fitText(label: string, fits: (text: string) => boolean, after = '', keep?: Keep): string {
  const tail = keep?.tail ?? '';
  const cuts = wordCuts(label);
  if (keep?.whole !== undefined && fits(keep.whole + after)) return keep.whole + after;
  if (tail && cuts.length > 0) {
    const text = longestCut(label, tail + after, fits);
    if (fits(text)) return text;
  }
  return longestCut(label + tail, after, fits);
}

/** Cut by its box's edge, or with a part dropped onto a hidden line (the credit's phrases, whole or none). */
const cut = (e: Element) =>
  (e.clientWidth > 0 && e.scrollWidth > e.clientWidth + 0.5) ||
  (e.clientHeight > 0 && e.scrollHeight > e.clientHeight + 0.5);

export const fitWords =
  (label: string, after = '', keep?: Keep): Attachment<HTMLElement> =>
  (node) => {
    let live = true;
    // The text's own width, unrounded: scrollWidth rounds, and a line 0.05 px too wide (400.05 in a
    // 400 px credit) read as fitting while CSS's ellipsis cut "27 Jun 2025" to "27 Jun 202…".
    const range = document.createRange();
    const fits = (text: string) => {
      node.textContent = text;
      range.selectNodeContents(node);
      return (
        node.scrollWidth <= node.clientWidth + 0.5 &&
        range.getBoundingClientRect().width <= node.getBoundingClientRect().width &&
        node.scrollHeight <= node.clientHeight + 0.5
      );
    };
    // What shares the line (the embed's credit) is whole, none of it cut (by its own ellipsis, or its box's edge),
    // but an element of class "gives-way", which the meeting's name comes before.
    const shared = () =>
      ![...(node.parentElement?.querySelectorAll('*') ?? [])].some(
        (e) => e !== node && cut(e) && !e.classList.contains('gives-way'),
      );
    const lenient = (text: string) => fits(text) && shared();
    const fit = () => {
      if (live) node.textContent = fitText(label, keep ? lenient : fits, after, keep);
    };
    fit();
    // The box follows the frame (a shrink-to-fit parent may not grow back by itself), and the
    // type may change width once a web font arrives.
    const resize = new ResizeObserver(fit);
    if (node.parentElement) resize.observe(node.parentElement);
    addEventListener('resize', fit);
    void document.fonts?.ready.then(fit);
    return () => {
      live = false;
      resize.disconnect();
      removeEventListener('resize', fit);
    };
  };
