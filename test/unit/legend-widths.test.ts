import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { writeDeck, type DeckSpec } from '../../src/lib/export/deck';
import { legendLayout } from '../../src/lib/export/slide';
import { FONT_STACK } from '../../src/lib/export/themes';

/**
 * The legend of the all-new five partners' timeline slide, each label's width at 20 px as Chromium
 * measures it in Liberation Sans (Arial's metrics, which LibreOffice draws the deck in), and in
 * DejaVu Sans (what LibreOffice falls back to for a font it does not have).
 */
const MEASURED_20PX: [string, number, number][] = [
  ['African Union', 120.1, 133.9],
  ['Kingdom of Saudi Arabia', 221.3, 247.4],
  ["People's Republic of China", 239.5, 263.3],
  ['Republic of Türkiye', 171.2, 189.1],
  ['United Kingdom', 142.3, 160.5],
  ['held', 37.8, 43.2],
  ['planned', 71.2, 80.9],
  ['date known to the month or year', 286.8, 331.7],
  ['interval between held meetings', 275.7, 318.3],
  ['expected, not announced', 224.6, 255.6],
];

describe('slide legends', () => {
  it('leaves room after each label for it drawn in a wider fallback font (DejaVu Sans), and a gap beyond that', () => {
    for (const width of [1920, 1440]) {
      const places = legendLayout(
        MEASURED_20PX.map(([label]) => ({ label, colour: '#000' })),
        width,
      );
      const gaps = places.slice(1).flatMap((p, i) => {
        const before = places[i]!;
        const [, arial, dejavu] = MEASURED_20PX[i]!;
        // From the end of one item's label (after its 28 px swatch) to the next item's swatch
        // (the interval's bracket starts 2 px before it).
        return p.row === before.row
          ? [{ arial: p.x - 2 - (before.x + 28 + arial), dejavu: p.x - 2 - (before.x + 28 + dejavu), w: arial }]
          : [];
      });
      expect(gaps.length).toBeGreaterThan(4);
      for (const gap of gaps) {
        // Drawn in DejaVu Sans, still clear of the next swatch.
        expect(gap.dejavu).toBeGreaterThan(16);
        // Drawn in Arial, no wider a gap than that room needs: spaced by each label's letters, not a flat width.
        expect(gap.arial).toBeLessThan(0.2 * gap.w + 26);
      }
    }
  });

  it('names Arial first in a slide SVG’s fonts, the font its legend is spaced by (LibreOffice reads only the first)', () => {
    expect(FONT_STACK.split(',')[0]).toBe('Arial');
  });

  it('sizes each legend label’s box in the deck to its words: never narrower (it would wrap), at most 0.1 in wider', async () => {
    const deck: DeckSpec = {
      ratio: '16:9',
      theme: 'light',
      slides: [
        {
          title: 'Timeline',
          subtitle: 'All meetings',
          legend: MEASURED_20PX.map(([label]) => ({ label, colour: '#0072B2' })),
          source: 'Source: test',
          alt: 'Timeline',
          notes: 'Timeline',
          body: { kind: 'picture', markup: '<rect width="10" height="10"/>', width: 100, height: 50 },
        },
      ],
    };
    const slide = strFromU8(unzipSync(await writeDeck(deck, FONT_STACK))['ppt/slides/slide1.xml']!);
    for (const [label, px] of MEASURED_20PX) {
      const at = slide.indexOf(`>${label.replace("'", '&apos;')}</a:t>`);
      expect(at).toBeGreaterThan(0);
      const shape = slide.slice(slide.lastIndexOf('<p:sp>', at), at);
      const box = Number(/<a:ext cx="(\d+)"/.exec(shape)![1]) / 914400;
      // 11 pt, 72 to the inch.
      const words = (px / 20) * (11 / 72);
      expect(box).toBeGreaterThanOrEqual(words);
      expect(box).toBeLessThanOrEqual(words + 0.1);
    }
  });
});
