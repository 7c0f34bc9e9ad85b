import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { truncateWords, wrapWords } from '../../src/lib/charts/text';
import { scaleLinear } from 'd3-scale';
import type { TopicCount } from '../../src/lib/data/aggregate';
import { partnerSegments, topicLayout } from '../../src/lib/charts/topic-layout';
import { bundledViews } from '../component/data';

const { topicCounts } = bundledViews();
/** WCAG 1.4.12's spacing on the labels' 12 px type: 0.12em between letters, 0.16em between words. */
const SPACED = { letter: 0.12 * 12, word: 0.16 * 12 };
/** A line's width as the layout reckons a label's characters (0.6 of the type), spacing added. */
const widthOf = (line: string, spacing = { letter: 0, word: 0 }) =>
  line.length * (12 * 0.6 + spacing.letter) + (line.split(' ').length - 1) * spacing.word;

describe('topic labels under a reader’s text spacing (WCAG 1.4.12)', () => {
  // The chart's width in a 375 px phone's card, and in a 1280 px window's half.
  for (const width of [315, 520])
    it(`at ${width} px, every line of every label fits its column, spaced or not`, () => {
      for (const spacing of [undefined, SPACED]) {
        const layout = topicLayout(topicCounts, width, false, 2, spacing);
        for (const lines of layout.labelLines.values())
          for (const line of lines) expect(widthOf(line, spacing), line).toBeLessThanOrEqual(layout.labelWidth - 8);
      }
    });

  it('widens the label column rather than cutting more words, and leaves room for the counts', () => {
    const plain = topicLayout(topicCounts, 520, true, 2);
    const spaced = topicLayout(topicCounts, 520, true, 2, SPACED);
    expect(spaced.labelWidth).toBeGreaterThan(plain.labelWidth);
    expect(spaced.labelWidth).toBeLessThanOrEqual(520 * 0.55);
    // At this width every label is whole on two lines either way.
    for (const [id, lines] of spaced.labelLines) {
      expect(lines.join(' ')).not.toContain('…');
      expect(plain.labelLines.get(id)!.join(' ')).not.toContain('…');
    }
  });

  it('without spacing, lays the labels out as before it was measured', () => {
    // The figures the layout gave before it took spacing into account.
    const jammu = topicCounts.find((c) => c.label === 'Jammu and Kashmir')!.id;
    const forums = topicCounts.find((c) => c.label.startsWith('Cooperation in'))!.id;
    for (const [width, labelWidth, innerWidth, fullChars, lines] of [
      [315, 134.4, 144.6, 37, ['Cooperation in', 'multilateral…']],
      [520, 218.4, 265.6, 66, ['Cooperation in multilateral', 'forums (UN)']],
    ] as const) {
      const layout = topicLayout(topicCounts, width, false, 2, { letter: 0, word: 0 });
      expect(layout).toMatchObject({ fullChars, space: 1, height: 680 });
      expect(layout.labelWidth).toBeCloseTo(labelWidth);
      expect(layout.innerWidth).toBeCloseTo(innerWidth);
      expect(layout.labelLines.get(jammu)).toEqual(['Jammu and Kashmir']);
      expect(layout.labelLines.get(forums)).toEqual(lines);
    }
  });
});

describe('wrapWords and truncateWords with wider spaces', () => {
  it('count each space as `space` characters', () => {
    expect(wrapWords('Jammu and Kashmir', 17, 2)).toEqual(['Jammu and Kashmir']);
    expect(wrapWords('Jammu and Kashmir', 17, 2, 1.25)).toEqual(['Jammu and', 'Kashmir']);
    expect(truncateWords('Cooperation in multilateral forums', 20)).toBe('Cooperation in…');
    expect(truncateWords('Cooperation in multilateral forums', 15, 1.5)).toBe('Cooperation…');
    expect(truncateWords('Cooperation in', 14.5, 1.5)).toBe('Cooperation in');
  });

  it('with spaces of one character, cut where they always did where a whole word fits', () => {
    // truncateWords as it was written before spaces had a width.
    const before = (label: string, max: number) => {
      if (label.length <= max) return label;
      const cut = label.lastIndexOf(' ', Math.max(1, max - 1));
      const head = cut > 0 ? label.slice(0, cut) : (label.split(' ')[0] ?? label);
      return head.length >= label.length ? label : `${head.replace(/[\s,;:–—-]+$/, '')}…`;
    };
    const label = fc
      .array(fc.constantFrom('a', 'bc', 'def', ' ', ',', '–', '12'), { maxLength: 14 })
      .map((p) => p.join(''));
    fc.assert(
      fc.property(label, fc.integer({ min: 0, max: 30 }), (text, max) => {
        // A first word longer than the room is now cut inside (label-cut.test.ts), not kept whole.
        fc.pre(text.length <= max || text.lastIndexOf(' ', Math.max(1, max - 1)) > 0);
        expect(truncateWords(text, max)).toBe(before(text, max));
      }),
    );
  });
});

describe('a topic bar stacked by partner', () => {
  it('draws each partner’s segment where the one before it ends, in the partners’ order, and nothing for none', () => {
    const counts = [
      {
        id: 'trade',
        label: 'Trade',
        total: 5,
        byPartner: [
          { partner: 'EU', count: 2 },
          { partner: 'USA', count: 3 },
        ],
      },
      { id: 'visas', label: 'Visas', total: 4, byPartner: [{ partner: 'USA', count: 4 }] },
    ] as TopicCount[];
    const x = scaleLinear().domain([0, 10]).range([0, 100]);
    // 1 px between segments: each is a pixel narrower than its count, and drawn half a pixel inside
    // that for its 1 px edge (whose outer side is then the segment's: 0–19, 20–49 …).
    // Two rows of 20 px, bars as thick as them.
    expect(partnerSegments(counts, ['EU', 'USA'], x, { rows: [0, 20, 40], band: 20 })).toEqual([
      { partner: 'EU', d: 'M0.5,0.5h18v19h-18Z' },
      { partner: 'USA', d: 'M20.5,0.5h28v19h-28ZM0.5,20.5h38v19h-38Z' },
    ]);
  });
});

describe('topic names on a phone', () => {
  // The chart's width in a 320 px and a 390 px phone's card.
  for (const width of [280, 350])
    it(`at ${width} px, are whole, on a third line where two cut them, in rows a line taller`, () => {
      const layout = topicLayout(topicCounts, width, true, 3);
      const multilateral = layout.labelLines.get('multilateral')!;
      expect(multilateral).toHaveLength(3);
      topicCounts.forEach((c, i) => {
        const lines = layout.labelLines.get(c.id)!;
        expect(lines.join(' ')).toBe(c.label);
        for (const line of lines) expect(widthOf(line), line).toBeLessThanOrEqual(layout.labelWidth - 8);
        // Two-line rows of 32 px, three-line ones 45; every bar as thick, centred in its row.
        expect(layout.rows[i + 1]! - layout.rows[i]!, c.label).toBe(lines.length > 2 ? 45 : 32);
      });
      expect(layout.band).toBeCloseTo(32 * 0.72);
      expect(layout.innerHeight).toBe(layout.rows.at(-1));
    });

  it('an embed’s one-line rows keep one line, 24 px each', () => {
    const layout = topicLayout(topicCounts, 280, true, 1);
    expect(layout.labelLines.get('multilateral')).toHaveLength(1);
    expect(layout.innerHeight).toBe(topicCounts.length * 24);
  });
});
