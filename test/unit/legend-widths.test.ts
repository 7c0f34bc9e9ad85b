import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { writeDeck, type DeckSpec } from '../../src/lib/export/deck';
import { legendLayout } from '../../src/lib/export/slide';
import { FONT_STACK } from '../../src/lib/export/themes';

/**
 * The legend of the all-new five partners' timeline slide, each label's width at 20 px as Chromium
 * measures it in Liberation Sans (Arial's metrics, which LibreOffice draws the deck in).
 */
const MEASURED_20PX: [string, number][] = [
  ['African Union', 120.1],
  ['Kingdom of Saudi Arabia', 221.3],
  ["People's Republic of China", 239.5],
  ['Republic of Türkiye', 171.2],
  ['United Kingdom', 142.3],
  ['held', 37.8],
  ['planned', 71.2],
  ['date known to the month or year', 286.8],
  ['interval between held meetings', 275.7],
  ['expected, not announced', 224.6],
];

describe('slide legends', () => {
  it('leaves the same gap after each label on a slide SVG, narrow letters or wide', () => {
    const places = legendLayout(
      MEASURED_20PX.map(([label]) => ({ label, colour: '#000' })),
      1920,
    );
    const gaps = places.slice(1).flatMap((p, i) => {
      const before = places[i]!;
      // From the end of one item's label (after its 28 px swatch) to the next item's swatch.
      return p.row === before.row ? [p.x - (before.x + 28 + MEASURED_20PX[i]![1])] : [];
    });
    expect(gaps.length).toBeGreaterThan(4);
    for (const gap of gaps) {
      expect(gap).toBeGreaterThan(32);
      expect(gap).toBeLessThan(40);
    }
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
