/** WCAG 2 contrast between colours, for checking that exported text stays readable. */
import { luminance } from '../charts/mark-edge';

/** `#rgb`, `#rrggbb` or `rgb(r, g, b)` / `rgba(…)` → [r, g, b, a] (0–255, alpha 0–1); null if unknown. */
export function parseColour(value: string): [number, number, number, number] | null {
  const v = value.trim().toLowerCase();
  let m = /^#([0-9a-f]{3})$/.exec(v);
  if (m) {
    const [r, g, b] = [...m[1]!].map((c) => parseInt(c + c, 16));
    return [r!, g!, b!, 1];
  }
  m = /^#([0-9a-f]{6})$/.exec(v);
  if (m)
    return [0, 2, 4].map((i) => parseInt(m![1]!.slice(i, i + 2), 16)).concat(1) as [number, number, number, number];
  m = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:[\s,/]+([\d.]+%?))?\s*\)$/.exec(v);
  if (m) {
    const a = m[4] === undefined ? 1 : m[4].endsWith('%') ? Number(m[4].slice(0, -1)) / 100 : Number(m[4]);
    return [Number(m[1]), Number(m[2]), Number(m[3]), a];
  }
  if (v === 'white') return [255, 255, 255, 1];
  if (v === 'black') return [0, 0, 0, 1];
  return null;
}

/** Contrast ratio of a foreground (with its alpha and any opacity) over an opaque background. */
export function contrastRatio(foreground: string, background: string, opacity = 1): number {
  const fg = parseColour(foreground);
  const bg = parseColour(background);
  if (!fg || !bg) return NaN;
  const a = fg[3] * opacity;
  const mixed = [0, 1, 2].map((i) => fg[i]! * a + bg[i]! * (1 - a));
  const [l1, l2] = [luminance(mixed), luminance(bg)].sort((x, y) => y - x);
  return (l1! + 0.05) / (l2! + 0.05);
}
