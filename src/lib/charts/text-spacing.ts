import type { Attachment } from 'svelte/attachments';

/**
 * The room a reader's text spacing adds, in px: after each character (letter-spacing) and each
 * space (word-spacing). A user style sheet may set both (WCAG 1.4.12 Text Spacing), so a chart
 * that reserves room for its labels cannot assume the font's own.
 */
export interface TextSpacing {
  letter: number;
  word: number;
}

export const NO_SPACING: TextSpacing = Object.freeze({ letter: 0, word: 0 });

/** The spacing an element's text is drawn with ("normal" is none). */
export function spacingOf(el: Element): TextSpacing {
  const style = getComputedStyle(el);
  return { letter: parseFloat(style.letterSpacing) || 0, word: parseFloat(style.wordSpacing) || 0 };
}

/**
 * Reports the spacing of the first `selector` inside the node when first laid out, and again
 * whenever it changes. A style sheet added or changed sends no event, but the spaced text changes
 * size, so the node's size is watched (an SVG group's box follows its text). Reported only when it
 * differs: the layout that follows resizes the node again.
 */
export const watchSpacing =
  (selector: string, report: (spacing: TextSpacing) => void): Attachment<Element> =>
  (node) => {
    let last = NO_SPACING;
    const resize = new ResizeObserver(() => {
      const text = node.querySelector(selector);
      if (!text) return;
      const now = spacingOf(text);
      if (now.letter === last.letter && now.word === last.word) return;
      last = now;
      report(now);
    });
    resize.observe(node);
    return () => resize.disconnect();
  };
