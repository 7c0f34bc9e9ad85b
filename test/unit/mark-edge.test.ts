import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EDGE_BACKGROUND, markEdge } from '../../src/lib/charts/mark-edge';
import { themedColour } from '../../src/lib/charts/dark-palette';
import { PARTNER_COLOURS } from '../../src/lib/charts/palette';
import { contrastRatio } from '../../src/lib/export/contrast';
import { SLIDE_THEMES } from '../../src/lib/export/themes';

const css = readFileSync(resolve(__dirname, '../../src/app.css'), 'utf8');
/** A colour variable of app.css, per theme: `--bg: light-dark(#f3f5f8, #11151b)` → { light, dark }. */
function variable(name: string): { light: string; dark: string } {
  const m = new RegExp(`${name}:\\s*light-dark\\((#[0-9a-fA-F]{6}),\\s*(#[0-9a-fA-F]{6})\\)`).exec(css);
  if (!m) throw new Error(`src/app.css: no ${name}: light-dark(#rrggbb, #rrggbb)`);
  return { light: m[1]!, dark: m[2]! };
}
/** Hue in degrees of `#rrggbb` (HSL). */
function hue(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255) as [number, number, number];
  const max = Math.max(r, g, b);
  const d = max - Math.min(r, g, b);
  const h = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  return (h * 60 + 360) % 360;
}

const themes = ['light', 'dark'] as const;
/** Where a theme's marks are drawn: the page, its cards, and an exported slide. */
const grounds = (theme: (typeof themes)[number]) => [
  variable('--bg')[theme],
  variable('--surface')[theme],
  SLIDE_THEMES[theme].background,
];

describe('a mark’s edge (WCAG 1.4.11: its shape at 3:1 on the page)', () => {
  for (const theme of themes)
    it(`every partner colour’s edge reaches 3:1 on the page, its cards and a slide (${theme})`, () => {
      for (const colour of PARTNER_COLOURS) {
        const edge = markEdge(themedColour(colour, theme), EDGE_BACKGROUND[theme]);
        for (const ground of grounds(theme))
          expect(contrastRatio(edge, ground), `${colour} → ${edge} on ${ground}`).toBeGreaterThanOrEqual(3);
      }
    });

  it('orange and sky blue fall short on the light page, and get a darker edge of their own hue', () => {
    for (const colour of ['#E69F00', '#56B4E9']) {
      expect(contrastRatio(colour, '#ffffff')).toBeLessThan(3);
      const edge = markEdge(colour, EDGE_BACKGROUND.light);
      expect(edge).not.toBe(colour);
      expect(Math.abs(hue(edge) - hue(colour)), `${colour} → ${edge}`).toBeLessThan(2);
      // No darker than it needs: a little under 3.2:1 on the ground it is computed for.
      expect(contrastRatio(edge, EDGE_BACKGROUND.light)).toBeLessThan(3.2);
    }
  });

  it('a colour that already reaches 3:1 is its own edge; on a dark ground an edge is lightened', () => {
    expect(markEdge('#0072B2', EDGE_BACKGROUND.light)).toBe('#0072B2');
    expect(markEdge('#E69F00', EDGE_BACKGROUND.dark)).toBe('#E69F00');
    const lighter = markEdge('#0072B2', '#2c3440');
    expect(contrastRatio(lighter, '#2c3440')).toBeGreaterThanOrEqual(3);
    expect(contrastRatio(lighter, '#000000')).toBeGreaterThan(contrastRatio('#0072B2', '#000000'));
    expect(Math.abs(hue(lighter) - hue('#0072B2'))).toBeLessThan(2);
  });

  it('each theme’s edges are computed on whichever of its page and cards is harder', () => {
    for (const theme of themes) {
      const [bg, surface] = [variable('--bg')[theme], variable('--surface')[theme]];
      expect([bg, surface]).toContain(EDGE_BACKGROUND[theme]);
    }
  });

  it('the page’s edges (app.css) are markEdge’s, for every partner colour', () => {
    // The names as edge-of.ts writes them (custom properties' names are case-sensitive); hex values in any case.
    const lowerValue = (line: string) => line.replace(/:.*/, (v) => v.toLowerCase());
    const written = [...css.matchAll(/--edge-[0-9A-Fa-f]{6}:[^;]+;/g)].map((m) => lowerValue(m[0]));
    // The dark theme's edges are of its own colours (dark-palette.ts).
    const computed = PARTNER_COLOURS.map(
      (c) =>
        `--edge-${c.slice(1)}: light-dark(${markEdge(c, EDGE_BACKGROUND.light)}, ${markEdge(themedColour(c, 'dark'), EDGE_BACKGROUND.dark)});`,
    );
    expect(written, `src/app.css should declare:\n${computed.join('\n')}`).toEqual(computed.map(lowerValue));
  });
});
