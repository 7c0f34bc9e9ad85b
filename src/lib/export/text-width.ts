/**
 * How wide a line of an export's text is, from the advance widths of Arial (the deck's font, and
 * Helvetica and Liberation Sans, which share its metrics; the slide SVG's font stack names them after
 * Segoe UI, which runs about as wide). An export is written without a browser to measure it: a
 * legend spaced by a flat width per character left wide gaps after "Kingdom of Saudi Arabia" and
 * narrow ones after "held".
 */

/** Thousandths of an em, for the characters ' ' (32) to '~' (126): Arial Regular. */
const ASCII = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556,
  556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833,
  722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556,
  556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334,
  260, 334, 584,
];

/** Punctuation the app writes beyond ASCII. */
const OTHER: Record<string, number> = {
  '’': 222,
  '‘': 222,
  '“': 333,
  '”': 333,
  '·': 278,
  '…': 1000,
  '–': 556,
  '—': 1000,
  '×': 584,
};

/** A character's width in thousandths of an em: an accented letter as its base letter ("ü" as "u"), else a digit's. */
function advance(ch: string): number {
  const code = ch.charCodeAt(0);
  if (code >= 32 && code < 127) return ASCII[code - 32]!;
  const known = OTHER[ch];
  if (known !== undefined) return known;
  const base = ch.normalize('NFD').charCodeAt(0);
  return base >= 32 && base < 127 ? ASCII[base - 32]! : 556;
}

/** The width of `text` in Arial at `size` (in the size's unit: px for a slide SVG, pt for the deck). */
export function textWidth(text: string, size: number): number {
  let units = 0;
  for (const ch of text) units += advance(ch);
  return (units * size) / 1000;
}
