import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DARK_PARTNER_COLOURS, themedColour } from '../../src/lib/charts/dark-palette';
import { OTHER_PARTNERS_COLOUR, PARTNER_COLOURS, partnerColours } from '../../src/lib/charts/palette';
import { EDGE_BACKGROUND, markEdge } from '../../src/lib/charts/mark-edge';
import { contrastRatio } from '../../src/lib/export/contrast';
import { SLIDE_THEMES } from '../../src/lib/export/themes';
import { partnerLegend } from '../../src/lib/export/partner-legend';

const names = (n: number) => Array.from({ length: n }, (_, i) => `Partner ${String.fromCharCode(65 + i)}`);

describe('partner colours', () => {
  it('gives each of up to ten partners a colour of its own, in the order given', () => {
    const colour = partnerColours(names(10));
    expect(names(10).map(colour)).toEqual([...PARTNER_COLOURS]);
    expect(partnerColours(['Afghanistan', 'European Union', 'United States'])('United States')).toBe('#009E73');
  });

  it('with more partners than colours, never gives two of them one colour unsaid: nine keep theirs, the rest share the grey', () => {
    const partners = names(13);
    const colour = partnerColours(partners);
    const own = partners.slice(0, 9).map(colour);
    expect(new Set(own).size).toBe(9);
    expect(own).not.toContain(OTHER_PARTNERS_COLOUR);
    expect(partners.slice(9).map(colour)).toEqual(Array(4).fill(OTHER_PARTNERS_COLOUR));
    // Asking about a partner the data lacks does not give it a colour (or shift the others').
    expect(colour('Someone new')).toBe(OTHER_PARTNERS_COLOUR);
    expect(partners.map(colour)).toEqual([...own, ...Array(4).fill(OTHER_PARTNERS_COLOUR)]);
  });

  it('a legend names the partners with colours of their own, and the grey ones as one entry when there are several', () => {
    const partners = names(13);
    const colour = partnerColours(partners);
    expect(partnerLegend(partners, colour).map((e) => e.label)).toEqual([...partners.slice(0, 9), '4 other partners']);
    expect(partnerLegend(['Partner A', 'Partner K'], colour)).toEqual([
      { label: 'Partner A', colour: PARTNER_COLOURS[0] },
      { label: 'Partner K', colour: OTHER_PARTNERS_COLOUR },
    ]);
    expect(partnerLegend(names(7), partnerColours(names(7))).map((e) => e.label)).toEqual(names(7));
  });

  it('gives nine partners nine colours, each told from the others with the common colour blindnesses, each at 3:1 in both themes', () => {
    // Nine partners' legend and marks showed three of them in one grey (only six colours and the grey).
    const partners = names(9);
    const colour = partnerColours(partners);
    const legend = partnerLegend(partners, colour);
    expect(legend.map((e) => e.label)).toEqual(partners);
    expect(new Set(legend.map((e) => e.colour)).size).toBe(9);
    const others = legend.map((e) => e.colour);
    // Pairwise CIELAB distance (ΔE76) as seen normally and with deuteranopia, protanopia and tritanopia (Machado 2009).
    for (const vision of VISIONS)
      for (let i = 0; i < others.length; i++)
        for (let j = i + 1; j < others.length; j++)
          expect(
            distance(seen(others[i]!, vision), seen(others[j]!, vision)),
            `${others[i]} ${others[j]} ${vision ? 'CVD' : ''}`,
          ).toBeGreaterThanOrEqual(14);
    for (const theme of ['light', 'dark'] as const)
      for (const c of others) {
        const edge = markEdge(c, EDGE_BACKGROUND[theme]);
        for (const ground of [EDGE_BACKGROUND[theme], SLIDE_THEMES[theme].background])
          expect(contrastRatio(edge, ground), `${c} (${theme}) edge ${edge} on ${ground}`).toBeGreaterThanOrEqual(3);
      }
  });

  it('the dark theme draws each partner in a colour of its own at 3:1 on its page, its cards and a slide, told from its neighbours', () => {
    // Indigo and the dark brown were 1.5:1 and 1.4:1 on the dark page: told apart only by their outlines.
    const dark = PARTNER_COLOURS.map((c) => themedColour(c, 'dark'));
    for (const c of dark)
      for (const ground of [variable('--bg').dark, variable('--surface').dark, SLIDE_THEMES.dark.background])
        expect(contrastRatio(c, ground), `${c} on ${ground}`).toBeGreaterThanOrEqual(3);
    // Every pair (the grey of "other partners" too), as seen normally and with each common colour blindness.
    for (const vision of VISIONS)
      for (let i = 0; i < dark.length; i++)
        for (let j = i + 1; j < dark.length; j++)
          expect(
            distance(seen(dark[i]!, vision), seen(dark[j]!, vision)),
            `${dark[i]} ${dark[j]}`,
          ).toBeGreaterThanOrEqual(14);
    // Their own colours, of about the same hue: indigo stays bluish violet, brown stays reddish.
    expect(dark.filter((c, i) => c !== PARTNER_COLOURS[i])).toEqual(['#8A7AF5', '#A65735']);
    // The light theme keeps the palette's own.
    expect(PARTNER_COLOURS.map((c) => themedColour(c, 'light'))).toEqual([...PARTNER_COLOURS]);
  });

  it('the page paints those marks in its theme’s colour: app.css declares dark-palette.ts’s variants, and a rule for each', () => {
    const written = [...css.matchAll(/--fill-([0-9A-Fa-f]{6}):\s*light-dark\((#[0-9a-f]{6}), (#[0-9a-f]{6})\);/gi)].map(
      (m) => [`#${m[1]}`, m[2], m[3]].map((v) => v!.toUpperCase()),
    );
    expect(written).toEqual(Object.entries(DARK_PARTNER_COLOURS).map(([light, dark]) => [light, light, dark]));
    for (const light of Object.keys(DARK_PARTNER_COLOURS)) {
      expect(css).toContain(`[fill='${light.toLowerCase()}' i] {\n  fill: var(--fill-${light.slice(1)});\n}`);
      expect(css).toContain(
        `.swatch[style*='--edge-${light.slice(1)}'] {\n  background: var(--fill-${light.slice(1)}) !important;\n}`,
      );
    }
  });
});

const css = readFileSync(resolve(__dirname, '../../src/app.css'), 'utf8');
/** A colour variable of app.css, per theme: `--bg: light-dark(#f3f5f8, #11151b)` → { light, dark }. */
function variable(name: string): { light: string; dark: string } {
  const m = new RegExp(`${name}:\\s*light-dark\\((#[0-9a-fA-F]{6}),\\s*(#[0-9a-fA-F]{6})\\)`).exec(css);
  if (!m) throw new Error(`src/app.css: no ${name}: light-dark(#rrggbb, #rrggbb)`);
  return { light: m[1]!, dark: m[2]! };
}

const linear = (hex: string) =>
  [1, 3, 5]
    .map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
    .map((v) => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
const VISIONS: (number[][] | null)[] = [
  null,
  [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
];
/** CIELAB of `hex` as seen with `vision` (a simulation matrix in linear RGB, or null). */
function seen(hex: string, vision: number[][] | null): number[] {
  const l = linear(hex);
  const c = vision ? vision.map((r) => Math.min(1, Math.max(0, r[0]! * l[0]! + r[1]! * l[1]! + r[2]! * l[2]!))) : l;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t + 16) / 116);
  const x = f((0.4124 * c[0]! + 0.3576 * c[1]! + 0.1805 * c[2]!) / 0.95047);
  const y = f(0.2126 * c[0]! + 0.7152 * c[1]! + 0.0722 * c[2]!);
  const z = f((0.0193 * c[0]! + 0.1192 * c[1]! + 0.9505 * c[2]!) / 1.08883);
  return [116 * y - 16, 500 * (x - y), 200 * (y - z)];
}
const distance = (a: number[], b: number[]) => Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!, a[2]! - b[2]!);
