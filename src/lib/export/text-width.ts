import { graphemes } from '../charts/text';

/**
 * How wide a line of an export's text is, from the advance widths of Arial (the deck's font, and
 * Helvetica and Liberation Sans, which share its metrics; the slide SVG's font stack names them
 * first). An export is written without a browser to measure it: a
 * legend spaced by a flat width per character left wide gaps after "Kingdom of Saudi Arabia" and
 * narrow ones after "held". Beyond the Latin letters, a slide program draws a name in whichever
 * font has it, so those widths err wide: a box narrower than its words breaks them onto two lines
 * ("中国" given a digit's width a character, 0.23 in at 11 pt, did).
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

/** Drawn with no width of their own: accents and vowel signs (on the letter before), joiners, direction marks and isolates. */
const ZERO = /^[\p{M}\p{Cf}]$/u;
/**
 * A full-width character: CJK ideographs and punctuation, kana, hangul, full-width forms (about 1
 * em in every font that has them).
 */
const WIDE =
  /^[\u1100-\u115f\u2e80-\u303e\u3041-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{20000}-\u{3fffd}]$/u;
/** An Arabic-script letter (Arabic, Urdu, Persian). */
const ARABIC = /^[\u0620-\u064a\u066e-\u06d3\u06d5\u06fa-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufefc]$/u;

/**
 * Arabic letters take the width of their form, narrow where joined within a word, wide at its end:
 * the widest of DejaVu Sans (LibreOffice's fallback beside Liberation Sans), Noto Sans Arabic and
 * Noto Naskh Arabic, rounded up. "س" is 0.9 em joined and 1.3 em at a word's end; "ا" 0.3 em.
 */
const ARABIC_JOINED: [RegExp, number][] = [
  [/[سشصضڛښ]/u, 950],
  [/[طظ]/u, 830],
  [/[جحخچڇ]/u, 670],
  [/[ءؤدذرزڈڑژوۏةۃمعغهھہےۓكکگڪفقڤ]/u, 600],
];
const ARABIC_FINAL: [RegExp, number][] = [
  [/[سشصضڛښ]/u, 1360],
  [/[بتثپٹفڤ]/u, 1100],
  [/[كکگڪػؼ]/u, 980],
  [/[طظےۓ]/u, 950],
  [/[يیىئۍېؽؾؿقنںلڻ]/u, 840],
];
const classed = (table: [RegExp, number][], ch: string, otherwise: number) =>
  table.find(([letters]) => letters.test(ch))?.[1] ?? otherwise;

/** An Arabic letter's width: as it joins the next letter, or at the end of its word (`last`). */
function arabic(ch: string, last: boolean): number {
  const joined = classed(ARABIC_JOINED, ch, 380);
  return last ? Math.max(joined, classed(ARABIC_FINAL, ch, 0)) : joined;
}

/** A character's width in thousandths of an em: an accented letter as its base letter ("ü" as "u"), else a digit's. */
function advance(ch: string): number {
  const code = ch.charCodeAt(0);
  if (code >= 32 && code < 127) return ASCII[code - 32]!;
  const known = OTHER[ch];
  if (known !== undefined) return known;
  if (ZERO.test(ch)) return 0;
  if (WIDE.test(ch)) return 1000;
  const base = ch.normalize('NFD').charCodeAt(0);
  return base >= 32 && base < 127 ? ASCII[base - 32]! : 556;
}

/**
 * A grapheme drawn as a colour picture, about 1.25 em in Noto Color Emoji and Segoe UI Emoji: an
 * emoji (with its skin tone, or others joined to it), or a flag.
 */
const PICTURE = /[\p{Emoji_Presentation}\u{1f1e6}-\u{1f1ff}]|\p{Extended_Pictographic}\ufe0f/u;

/** The width of `text` in Arial at `size` (in the size's unit: px for a slide SVG, pt for the deck). */
export function textWidth(text: string, size: number): number {
  const gs = graphemes(text);
  let units = 0;
  for (const [i, g] of gs.entries()) {
    if (PICTURE.test(g)) {
      units += 1250;
      continue;
    }
    // A letter and its accents or vowel signs: the letter's width.
    const ch = String.fromCodePoint(g.codePointAt(0)!);
    // An Arabic letter's form: joined to the next letter, or at the end of its word.
    const next = gs[i + 1];
    units += ARABIC.test(ch)
      ? arabic(ch, !next || !ARABIC.test(String.fromCodePoint(next.codePointAt(0)!)))
      : advance(ch);
  }
  return (units * size) / 1000;
}
