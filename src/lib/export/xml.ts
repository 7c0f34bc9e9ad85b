/** Escapes text for XML content and attribute values: data from files never becomes markup. */
export function escapeXml(text: string): string {
  return (
    text
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
      // Characters XML 1.0 forbids (C0 controls other than tab, LF, CR) would make the file unreadable.
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
  );
}

export type Attrs = Record<string, string | number | null | undefined>;

/** Rounds to 0.1 px: finer than any slide shows, and a fifth of the digits. */
export const round1 = (n: number): number => Math.round(n * 10) / 10 || 0;

/** Numbers inside a path or transform, rounded to 0.1. */
export const roundNumbers = (s: string): string =>
  s.replace(/-?\d*\.\d+(?:e-?\d+)?|-?\d+e-?\d+/gi, (n) => String(round1(Number(n))));

/** Attribute values SVG assumes when they are absent (on the elements we write): writing them is noise. */
const DEFAULTS: Record<string, readonly string[]> = {
  x: ['0'],
  y: ['0'],
  x1: ['0'],
  x2: ['0'],
  y1: ['0'],
  y2: ['0'],
  cx: ['0'],
  cy: ['0'],
  dx: ['0'],
  dy: ['0'],
  rx: ['0'],
  opacity: ['1'],
  'fill-opacity': ['1'],
  'stroke-opacity': ['1'],
  'stroke-width': ['1', '1px'],
  'stroke-dasharray': ['none'],
  'stroke-dashoffset': ['0', '0px'],
  'stroke-linejoin': ['miter'],
  'stroke-linecap': ['butt'],
  stroke: ['none'],
  'font-weight': ['normal', '400'],
  'font-style': ['normal'],
  'text-anchor': ['start'],
  'dominant-baseline': ['auto'],
  transform: ['none', 'translate(0,0)', 'translate(0 0)', 'translate(0, 0)'],
};

/** Whether an attribute's value is what SVG assumes anyway. */
export const isDefault = (name: string, value: string): boolean => DEFAULTS[name]?.includes(value) ?? false;

/** ` a="1" b="x"`, escaped, numbers rounded to 0.1; null, undefined and SVG defaults are left out. */
export function attrs(a: Attrs): string {
  let out = '';
  for (const [k, v] of Object.entries(a)) {
    if (v === null || v === undefined) continue;
    const value = typeof v === 'number' ? String(round1(v)) : v;
    if (isDefault(k, value)) continue;
    out += ` ${k}="${escapeXml(value)}"`;
  }
  return out;
}

/** An element as text; `children` are already-written markup. */
export function el(tag: string, a: Attrs = {}, children = ''): string {
  return children === '' ? `<${tag}${attrs(a)}/>` : `<${tag}${attrs(a)}>${children}</${tag}>`;
}

/** A text element whose content is escaped. */
export const text = (a: Attrs, content: string): string => el('text', a, escapeXml(content));

/** A <title> naming a shape or group: slide programs show it as the shape's name or alt text. */
export const title = (content: string): string => el('title', {}, escapeXml(content));
