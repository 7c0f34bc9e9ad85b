import type { Attachment } from 'svelte/attachments';
import { headWords, wordCuts } from './text';

/**
 * Writes `label` (then `after`) into one element, cut after the last whole word that fits (see
 * wordCuts) and ended in "…". CSS text-overflow cuts between any two letters: "round 10" read
 * "round 1…". The element keeps its overflow styles (one line with nowrap, or a line clamp):
 * whatever overflows its box, across or down, counts as not fitting. A first run of words too
 * long on its own is left to the CSS ellipsis. Set as textContent, never markup: the label comes
 * from the data files.
 */
export const fitWords =
  (label: string, after = ''): Attachment<HTMLElement> =>
  (node) => {
    let live = true;
    const cuts = wordCuts(label);
    const fits = () => node.scrollWidth <= node.clientWidth + 0.5 && node.scrollHeight <= node.clientHeight + 0.5;
    const fit = () => {
      if (!live) return;
      node.textContent = label + after;
      if (fits() || cuts.length === 0) return;
      // The longest cut that fits (fewer words never take more room, so a binary search will do);
      // if none does, the shortest, which the CSS ellipsis then ends.
      let lo = 0;
      let hi = cuts.length - 1;
      while (lo < hi) {
        const mid = Math.ceil((lo + hi) / 2);
        node.textContent = headWords(label, cuts[mid]!) + after;
        if (fits()) lo = mid;
        else hi = mid - 1;
      }
      node.textContent = headWords(label, cuts[lo]!) + after;
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
