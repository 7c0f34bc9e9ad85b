/**
 * The edge a partner's mark is drawn with, so that its shape reads at 3:1 against the page (WCAG
 * 1.4.11, non-text contrast) while its fill keeps the partner's Okabe–Ito colour: orange and sky blue
 * are about 2.2:1 on white. Computed here, once: the exports call it; the page takes each palette
 * colour's edges from app.css (`--edge-E69F00`, edge-of.ts), written there so the first
 * view's JavaScript does without this code, and checked to be this function's (test/unit/mark-edge.test.ts).
 */

const channel = (c: number) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);

/** WCAG 2 relative luminance of [r, g, b] (0–255). */
export const luminance = ([r, g, b]: readonly number[]) =>
  0.2126 * channel(r!) + 0.7152 * channel(g!) + 0.0722 * channel(b!);

const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
const ratio = (a: number, b: number) => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);

/**
 * The background each theme's edges are computed against: the one of its page (`--bg`) and its
 * cards (`--surface`) nearest the partners' colours, so that an edge reaching 3:1 on it reaches
 * 3:1 on both, and on the exports' slides (white, #11151b) too. Checked against app.css in tests.
 */
export const EDGE_BACKGROUND = { light: '#f3f5f8', dark: '#1a2029' } as const;

/**
 * The colour to outline a mark filled with `fill` (`#rrggbb`) on `background`: `fill` itself where it
 * already reaches `min` against it, else the same hue, darkened (on a background lighter than it) or
 * lightened (on a darker one) by the least that reaches `min`: the channels scaled toward black, or
 * mixed toward white, which keeps the hue.
 */
export function markEdge(fill: string, background: string, min = 3): string {
  const bg = luminance(rgb(background));
  const from = rgb(fill);
  const darken = bg > luminance(from);
  for (let step = 0; step < 100; step++) {
    const c = from.map((v) => Math.round(darken ? v * (1 - step / 100) : v + ((255 - v) * step) / 100));
    if (ratio(luminance(c), bg) >= min)
      return step ? `#${c.map((v) => v.toString(16).padStart(2, '0')).join('')}` : fill;
  }
  return darken ? '#000000' : '#ffffff';
}
