import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { writeDeck, type DeckSpec } from '../../src/lib/export/deck';
import { textWidth } from '../../src/lib/export/text-width';
import { FONT_STACK } from '../../src/lib/export/themes';

/**
 * Names in Chinese, Arabic, Urdu, emoji and decomposed accents, each with its width in ems as
 * Chromium measures it in the fonts LibreOffice draws them in beside Liberation Sans (Noto Sans
 * CJK, DejaVu Sans for Arabic, the wider of it and Noto Sans/Naskh Arabic; Noto Color Emoji).
 */
const MEASURED_EM: [string, number][] = [
  ['中国', 2],
  ['中巴战略对话', 6],
  ['افغانستان', 4.054],
  ['المملكة العربية السعودية', 10.26],
  ['ایران', 2.12],
  ['جموں و کشمیر', 6.366],
  ['🤝', 1.248],
  ['🇵🇰', 1.248],
  ['Republic of Tu\u0308rkiye', 8.56],
];

const chartSpec = (categories: string[], series: string[], ratio: DeckSpec['ratio'] = '16:9'): DeckSpec => ({
  ratio,
  theme: 'light',
  slides: [
    {
      title: 'What Pakistan’s security dialogues discuss',
      subtitle: 'All meetings',
      legend: [],
      source: 'Source: test',
      alt: 'Bar chart',
      notes: 'Bar chart',
      body: {
        kind: 'chart',
        categories,
        series: series.map((name, i) => ({ name, colour: '#0072B2', values: categories.map((_, k) => (k + i) % 3) })),
        valueTitle: 'meetings',
      },
    },
  ],
});

const chartXml = async (deck: DeckSpec) => {
  const files = unzipSync(await writeDeck(deck, FONT_STACK));
  return strFromU8(files[Object.keys(files).find((n) => /^ppt\/charts\/chart\d+\.xml$/.test(n))!]!);
};

describe('the deck in any script', () => {
  it('sizes each legend label’s box to its words in Chinese, Arabic, Urdu, emoji: never narrower (it would wrap), not far wider', async () => {
    const deck: DeckSpec = {
      ratio: '16:9',
      theme: 'dark',
      slides: [
        {
          title: 'Timeline',
          subtitle: 'All meetings',
          legend: MEASURED_EM.map(([label]) => ({ label, colour: '#0072B2' })),
          source: 'Source: test',
          alt: 'Timeline',
          notes: 'Timeline',
          body: { kind: 'picture', markup: '<rect width="10" height="10"/>', width: 100, height: 50 },
        },
      ],
    };
    const slide = strFromU8(unzipSync(await writeDeck(deck, FONT_STACK))['ppt/slides/slide1.xml']!);
    for (const [label, em] of MEASURED_EM) {
      const at = slide.indexOf(`>${label}</a:t>`);
      expect(at, label).toBeGreaterThan(0);
      const shape = slide.slice(slide.lastIndexOf('<p:sp>', at), at);
      const box = Number(/<a:ext cx="(\d+)"/.exec(shape)![1]) / 914400;
      // 11 pt, 72 to the inch: "中国" is 0.31 in, and had a box of 0.23.
      const words = (em * 11) / 72;
      expect(box, label).toBeGreaterThanOrEqual(words);
      expect(box, label).toBeLessThanOrEqual(words * 1.25 + 0.1);
    }
  });

  it('counts nothing for accents, vowel signs, joiners and direction isolates, and one picture for an emoji sequence', () => {
    expect(textWidth('Tu\u0308rkiye', 11)).toBeCloseTo(textWidth('Turkiye', 11), 6);
    expect(textWidth('\u2068中国\u2069', 11)).toBeCloseTo(textWidth('中国', 11), 6);
    expect(textWidth('مُحَمَّد', 11)).toBeCloseTo(textWidth('محمد', 11), 6);
    expect(textWidth('👩🏽‍💻', 10)).toBeCloseTo(textWidth('🤝', 10), 6);
  });

  it('sets the topic chart’s plot below its legend as LibreOffice lays it out: columns as wide as the widest name', async () => {
    // The reviewer's five partners: LibreOffice gives each of its columns the width of the widest
    // (1.57 in and the key's), so four fit across the 4:3 slide's 9.1 in chart and the fifth starts a second row.
    const partners = ['Union européenne', 'افغانستان', 'المملكة العربية السعودية', 'ایران', '中国'];
    const chart = await chartXml(
      chartSpec(['انسداد دہشت گردی', '中巴经济走廊安全保障', 'Cyber security'], partners, '4:3'),
    );
    const layout = /<c:plotArea><c:layout>\s*<c:manualLayout>([\s\S]*?)<\/c:manualLayout>/.exec(chart)![1]!;
    const y = Number(/<c:y val="([\d.]+)"/.exec(layout)![1]);
    // The chart's box: the slide's 7.5 in less the title (1.2) and the source (0.7).
    const box = 7.5 - 1.2 - 0.7;
    // Two rows of 11 pt names (0.25 in each) and the room above them.
    expect(y * box).toBeGreaterThanOrEqual(0.2 + 0.25 * 2 - 0.001);
  });

  it('cuts a topic name with no spaces (Chinese, one long word, emoji) between graphemes, ending in "…", within the names’ column', async () => {
    const chinese = '中巴经济走廊安全保障与反恐情报共享及联合行动协调机制框架下的年度战略对话';
    const word = 'Counterterrorismintelligencesharingandjointoperationalcoordinationframework';
    const flags = '🇵🇰🇨🇳'.repeat(20);
    // On 4:3, the narrower chart (9.1 in): the Chinese name is whole in a 16:9 chart's column.
    const chart = await chartXml(chartSpec([chinese, word, flags, 'Trade'], ['Afghanistan'], '4:3'));
    const labels = [...chart.matchAll(/<c:pt idx="\d+"><c:v>([^<]*)<\/c:v><\/c:pt>/g)].map((m) => m[1]!);
    const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
    const graphemes = (t: string) => Array.from(segmenter.segment(t), (s) => s.segment);
    for (const name of [chinese, word, flags]) {
      const label = labels.find((l) => l.endsWith('…') && name.startsWith(l.slice(0, 2)));
      expect(label, name).toBeDefined();
      const head = label!.slice(0, -1);
      expect(head.length).toBeGreaterThan(4);
      // A run of the name's whole graphemes (no half of a flag), then "…".
      expect(graphemes(name).slice(0, graphemes(head).length).join('')).toBe(head);
      // Within the names' column: 45% of the 9.1 in chart, less the tick (0.15 in), at 10 pt.
      expect(textWidth(label!, 10) / 72).toBeLessThanOrEqual(0.45 * 9.1 - 0.15);
    }
    expect(labels).toContain('Trade');
  });

  it('cuts a legend name longer than the slide is wide between graphemes, ending in "…", keeping its box on the slide', async () => {
    const name = '中巴经济走廊联合合作委员会'.repeat(8);
    const deck: DeckSpec = {
      ratio: '16:9',
      theme: 'light',
      slides: [
        {
          title: 'Timeline',
          subtitle: 'All meetings',
          legend: [{ label: name, colour: '#0072B2' }],
          source: 'Source: test',
          alt: 'Timeline',
          notes: 'Timeline',
          body: { kind: 'picture', markup: '<rect width="10" height="10"/>', width: 100, height: 50 },
        },
      ],
    };
    const slide = strFromU8(unzipSync(await writeDeck(deck, FONT_STACK))['ppt/slides/slide1.xml']!);
    const label = /<a:t>(中[^<]*…)<\/a:t>/.exec(slide)![1]!;
    expect(name.startsWith(label.slice(0, -1))).toBe(true);
    const at = slide.indexOf(`>${label}</a:t>`);
    const shape = slide.slice(slide.lastIndexOf('<p:sp>', at), at);
    const [, x, w] = /<a:off x="(\d+)" y="\d+"\/><a:ext cx="(\d+)"/.exec(shape)!;
    // The 16:9 slide is PowerPoint's widescreen, 13.333 in wide.
    expect((Number(x) + Number(w)) / 914400).toBeLessThanOrEqual(40 / 3 - 0.45);
    expect(textWidth(label, 11) / 72).toBeLessThanOrEqual(Number(w) / 914400);
  });
});
