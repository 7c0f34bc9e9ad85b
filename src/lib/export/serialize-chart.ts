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

/** The opacity an element is drawn with: its own times its ancestors'. */
function effectiveOpacity(el: Element): number {
  let o = 1;
  for (let e: Element | null = el; e && e.tagName.toLowerCase() !== 'svg'; e = e.parentElement)
    o *= Number(getComputedStyle(e).opacity);
  return o;
}

const invisible = (s: CSSStyleDeclaration) =>
  s.display === 'none' || s.visibility === 'hidden' || Number(s.opacity) === 0;
const transparent = (v: string) => v === 'none' || v === 'transparent' || /rgba\(.*,\s*0\)$/.test(v);

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
    const stroked = !transparent(style.stroke) && !halo;
    for (const prop of STYLE_PROPS) {
      // A group passes on only its opacity: every shape and text below carries its own style.
      if (tag === 'g' && prop !== 'opacity') continue;
      // Type on text only, stroke details only where there is a stroke, fill not on lines.
      if (!isText && (prop.startsWith('font') || prop === 'text-anchor' || prop === 'dominant-baseline')) continue;
      if (!stroked && prop.startsWith('stroke') && (prop !== 'stroke' || halo)) continue;
      if (tag === 'line' && prop.startsWith('fill')) continue;
      const value = style.getPropertyValue(prop);
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
