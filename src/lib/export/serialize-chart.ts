import { flushSync, mount, unmount, type Component } from 'svelte';
import { isDefault, roundNumbers } from './xml';

/** Computed styles written out as presentation attributes, which every slide program reads. */
const STYLE_PROPS = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'opacity',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
] as const;

/** Attributes that belong to the page (behaviour, test hooks, styling hooks), not to a picture. */
const DROP_ATTR = /^(class|style|id|role|tabindex|data-.*|aria-.*|on.*)$/;

/**
 * A dash pattern as an attribute writes it ("4 3"): the computed style reads "4px, 3px", which
 * a slide program may not take, beside the "4 3" the slide's legend writes.
 */
const dashes = (value: string): string =>
  value === 'none' ? value : roundNumbers(value.replace(/px|,/g, ' ').trim().split(/\s+/).join(' '));

/** The opacity an element is drawn with: its own times its ancestors'. */
function effectiveOpacity(el: Element): number {
  let o = 1;
  for (let e: Element | null = el; e && e.tagName.toLowerCase() !== 'svg'; e = e.parentElement)
    o *= Number(getComputedStyle(e).opacity);
  return o;
}

/**
 * A font weight as slide programs read it: a multiple of 100. LibreOffice draws 650 (the page's
 * partner headings, "overdue") in regular type; 700 it draws bold.
 */
export function slideFontWeight(value: string): string {
  const n = Number(value);
  return Number.isFinite(n) && value.trim() !== ''
    ? String(Math.min(900, Math.max(100, Math.round(n / 100) * 100)))
    : value;
}

const invisible = (s: CSSStyleDeclaration) =>
  s.display === 'none' || s.visibility === 'hidden' || Number(s.opacity) === 0;
const transparent = (v: string) => v === 'none' || v === 'transparent' || /rgba\(.*,\s*0\)$/.test(v);

/**
 * Replaces a straight rule's copy with the pieces of it outside the given boxes (screen
 * coordinates, each widened by 2 px): the gaps a label's halo leaves on the page.
 */
function cutRule(line: SVGLineElement, copy: Element, boxes: DOMRect[]): void {
  const [x1, y1, x2, y2] = [line.x1, line.y1, line.x2, line.y2].map((a) => a.baseVal.value) as [
    number,
    number,
    number,
    number,
  ];
  const vertical = x1 === x2;
  if (!vertical && y1 !== y2) return;
  const toLine = line.getScreenCTM()?.inverse();
  if (!toLine) return;
  // Each box as an interval along the rule, in the rule's own units.
  const gaps = boxes
    .map((b) => {
      const a = new DOMPoint(b.left - 2, b.top - 2).matrixTransform(toLine);
      const z = new DOMPoint(b.right + 2, b.bottom + 2).matrixTransform(toLine);
      return vertical ? [Math.min(a.y, z.y), Math.max(a.y, z.y)] : [Math.min(a.x, z.x), Math.max(a.x, z.x)];
    })
    .sort((p, q) => p[0]! - q[0]!) as [number, number][];
  const [from, to] = vertical ? [Math.min(y1, y2), Math.max(y1, y2)] : [Math.min(x1, x2), Math.max(x1, x2)];
  const pieces: [number, number][] = [];
  let at = from;
  for (const [lo, hi] of gaps) {
    if (lo > at) pieces.push([at, Math.min(lo, to)]);
    at = Math.max(at, hi);
  }
  if (at < to) pieces.push([at, to]);
  for (const [lo, hi] of pieces) {
    if (hi - lo < 0.5) continue;
    const piece = copy.cloneNode(false) as Element;
    const ends = vertical ? { x1, x2, y1: lo, y2: hi } : { y1, y2, x1: lo, x2: hi };
    for (const [name, value] of Object.entries(ends)) {
      const v = roundNumbers(String(value));
      if (isDefault(name, v)) piece.removeAttribute(name);
      else piece.setAttribute(name, v);
    }
    copy.before(piece);
  }
  copy.remove();
}

/**
 * A live chart's SVG as self-contained markup: each element carries its computed style as
 * attributes; hit areas, tooltips, the brush and anything hidden are left out. Canvases laid
 * over the SVG (the density timeline) are embedded as PNG images.
 */
export function inlineChartSvg(root: HTMLElement): { markup: string; width: number; height: number } {
  const svg = root.querySelector('svg');
  if (!svg) throw new Error('There is no chart to export yet.');
  const width = Number(svg.getAttribute('width'));
  const height = Number(svg.getAttribute('height'));
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const originals = [svg, ...svg.querySelectorAll('*')];
  const copies = [clone, ...clone.querySelectorAll('*')];
  const doomed: Element[] = [];
  // A rule (the "today" line, a lane's rule, a grid line) that runs through a label with a halo on
  // the page is cut where it crosses the label: slide programs ignore paint-order, and a box of the
  // page's colour under the label shows its edges in LibreOffice. Cutting needs no colour, so it
  // holds on a see-through slide too.
  const rules = [...svg.querySelectorAll('line')].filter((l) => !invisible(getComputedStyle(l)));
  const ruleBoxes = rules.map((l) => l.getBoundingClientRect());
  const cuts = new Map<SVGLineElement, DOMRect[]>();
  originals.forEach((original, i) => {
    const copy = copies[i]!;
    const tag = original.tagName.toLowerCase();
    if (tag === 'title' || tag === 'desc' || original.closest('.brush-strip')) return void doomed.push(copy);
    const style = getComputedStyle(original);
    if (invisible(style)) return void doomed.push(copy);
    if (
      (tag === 'rect' || tag === 'path' || tag === 'circle') &&
      transparent(style.fill) &&
      transparent(style.stroke)
    ) {
      return void doomed.push(copy);
    }
    // Text of a meeting outside the filters (an "overdue" by a faded mark) would be too faint to read: left out.
    if (tag === 'text' && effectiveOpacity(original) < 1) return void doomed.push(copy);
    for (const name of [...copy.getAttributeNames()]) if (DROP_ATTR.test(name)) copy.removeAttribute(name);
    if (i === 0) return;
    const isText = tag === 'text' || tag === 'tspan';
    // A label's halo (a stroke painted under the letters, so a line behind never runs through them)
    // is left out: slide software ignores paint-order and would paint the halo over the text.
    const halo = isText && style.paintOrder.startsWith('stroke');
    if (halo && tag === 'text') {
      const r = original.getBoundingClientRect();
      ruleBoxes.forEach((l, k) => {
        if (l.left <= r.right && l.right >= r.left && l.top <= r.bottom && l.bottom >= r.top)
          cuts.set(rules[k]!, [...(cuts.get(rules[k]!) ?? []), r]);
      });
    }
    const stroked = !transparent(style.stroke) && !halo;
    for (const prop of STYLE_PROPS) {
      // A group passes on only its opacity: every shape and text below carries its own style.
      if (tag === 'g' && prop !== 'opacity') continue;
      // Type on text only, stroke details only where there is a stroke, fill not on lines.
      if (!isText && (prop.startsWith('font') || prop === 'text-anchor' || prop === 'dominant-baseline')) continue;
      if (!stroked && prop.startsWith('stroke') && (prop !== 'stroke' || halo)) continue;
      if (tag === 'line' && prop.startsWith('fill')) continue;
      const value =
        prop === 'font-weight'
          ? slideFontWeight(style.fontWeight)
          : prop === 'stroke-dasharray'
            ? dashes(style.strokeDasharray)
            : style.getPropertyValue(prop);
      // No paint as "none" (slide software reads it; not every one reads rgba(…, 0)).
      if (value && value !== 'normal') copy.setAttribute(prop, prop === 'fill' && transparent(value) ? 'none' : value);
    }
    // Lean: no attribute equal to SVG's default, numbers rounded to 0.1 px.
    for (const name of [...copy.getAttributeNames()]) {
      const value = copy.getAttribute(name)!;
      const rounded =
        name === 'd' || name === 'transform' || /^[-\d.e]+(px)?$/i.test(value) ? roundNumbers(value) : value;
      if (isDefault(name, rounded.replace(/px$/, '')) || isDefault(name, rounded)) copy.removeAttribute(name);
      else if (rounded !== value) copy.setAttribute(name, rounded);
    }
  });
  for (const d of doomed) d.remove();
  for (const [line, boxes] of cuts) {
    const copy = copies[originals.indexOf(line)]!;
    if (clone.contains(copy)) cutRule(line, copy, boxes);
  }
  // Svelte's empty anchor comments (<!---->) are no part of the picture.
  const comments = document.createTreeWalker(clone, NodeFilter.SHOW_COMMENT);
  const drop: Node[] = [];
  while (comments.nextNode()) drop.push(comments.currentNode);
  for (const c of drop) c.parentNode?.removeChild(c);
  const images = [...root.querySelectorAll('canvas')].map((c) => {
    const box = c.getBoundingClientRect();
    const origin = svg.getBoundingClientRect();
    const href = c.toDataURL('image/png');
    return `<image x="${box.left - origin.left}" y="${box.top - origin.top}" width="${box.width}" height="${box.height}" preserveAspectRatio="none" href="${href}" xlink:href="${href}"/>`;
  });
  const inner = [...clone.childNodes].map((n) => new XMLSerializer().serializeToString(n)).join('');
  // XMLSerializer repeats the SVG namespace on every top-level child: it is declared once on the slide.
  const markup = inner.replace(/ xmlns="http:\/\/www\.w3\.org\/2000\/svg"/g, '') + images.join('');
  return { markup, width, height };
}

/**
 * Draws a chart component offscreen at a given width, in the given theme, and returns its SVG.
 * The same component the page shows draws the export: what you see is what you get.
 */
export function renderChartOffscreen<P extends Record<string, unknown>>(
  component: Component<P>,
  props: P,
  theme: 'light' | 'dark',
  /** For a slide with no background: what the chart fills with the page's colour (a planned round's inside) is left empty. */
  seeThrough = false,
): { markup: string; width: number; height: number } {
  const host = document.createElement('div');
  host.dataset.theme = theme;
  if (seeThrough) host.style.setProperty('--surface', 'transparent');
  host.setAttribute('aria-hidden', 'true');
  Object.assign(host.style, { position: 'fixed', left: '-20000px', top: '0', width: `${props.width}px` });
  document.body.append(host);
  const instance = mount(component, { target: host, props });
  try {
    flushSync();
    return inlineChartSvg(host);
  } finally {
    unmount(instance);
    host.remove();
  }
}
