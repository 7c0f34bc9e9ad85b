import { describe, expect, it } from 'vitest';
import { cadenceLayout } from '../../src/lib/charts/cadence-layout';
import { approxTextWidth, truncate } from '../../src/lib/charts/text';
import type { CadenceLane } from '../../src/lib/data/aggregate';

const lane = (partner: string, track: string) =>
  ({ key: `${partner} — ${track}`, partner, track, meetings: [] }) as unknown as CadenceLane;

describe('cadenceLayout: track names above their lanes (a phone)', () => {
  const lanes = [
    lane('Kingdom of Saudi Arabia', 'Supreme Coordination Council Security Committee'),
    lane('Türkiye', 'High-Level Strategic Cooperation Council'),
  ];
  // The timeline's width in a 320 px screen's card (259), and a few about it.
  it.each([259, 300, 343, 400])('cuts a long name so that it ends, "…" and all, inside a %i px chart', (width) => {
    const layout = cadenceLayout(lanes, width);
    expect(layout.compact).toBe(true);
    for (const { track } of lanes) {
      const shown = truncate(track, layout.labelChars);
      if (width === 259) expect(shown).toMatch(/…$/);
      // Drawn from x = 16, on a box a little wider than the name.
      expect(16 + approxTextWidth(shown, 12) + 4).toBeLessThanOrEqual(width);
    }
  });
});
