import { describe, expect, it } from 'vitest';
import { buildDataset } from '../../src/lib/data/dataset';
import { NO_FILTERS, type Filters } from '../../src/lib/data/filters';
import { deckSubtitleFits } from '../../src/lib/export/deck';
import { describeFilters, titleFilters } from '../../src/lib/export/describe';
import { fitLine, fitsLine } from '../../src/lib/export/fit-line';
import { composeSlide, slideSubtitleFits } from '../../src/lib/export/slide';
import { SLIDE_THEMES } from '../../src/lib/export/themes';
import { DEFAULT_PRESET } from '../../src/lib/state/slide-preset';
import { bundled } from '../fixtures/read';

const { dataset } = buildDataset({
  dialogues: bundled('dialogues.csv'),
  venues: bundled('venues.geojson'),
  topics: bundled('topics.csv'),
  sources: bundled('sources.csv'),
});
const labels = {
  topic: (id: string) => dataset.topics.find((t) => t.id === id)?.label ?? id,
  venue: (id: string) => dataset.venues.find((v) => v.id === id)?.name ?? id,
};

/** The presenter's many filters (review item 2): three partners, all 20 topics, held only, Mar 2023 – Aug 2025. */
const many: Filters = {
  ...NO_FILTERS,
  partners: ['Afghanistan', 'European Union', 'United States'],
  topics: dataset.topics.map((t) => t.id),
  status: 'held',
  from: '2023-03',
  to: '2025-08',
};

describe('many filters summarised, the status and the period always kept', () => {
  it('gives up names of the longest list first, then counts it, never the status or the period', () => {
    const first = ['counter-terrorism', 'border-security'];
    const f = { ...many, topics: [...first, ...many.topics.filter((t) => !first.includes(t))] };
    expect(f.topics).toHaveLength(20);
    // Room for two of the topics' names: the rest are counted.
    expect(describeFilters({ ...f, partners: [] }, labels, (t) => t.length <= 111)).toBe(
      'Counter-terrorism, Border security and management and 18 more topics · Held meetings only · Mar 2023 – Aug 2025',
    );
    // Then the partners, now the longer list, give up theirs.
    expect(describeFilters(f, labels, (t) => t.length <= 120)).toBe(
      'Afghanistan and 2 more partners · Counter-terrorism and 19 more topics · Held meetings only · Mar 2023 – Aug 2025',
    );
    // Less room: every list a count, then the status said shorter, then the counts as one; held/planned and
    // the period whole even past the room.
    expect(describeFilters(f, labels, (t) => t.length <= 66)).toBe(
      '3 partners · 20 topics · Held meetings only · Mar 2023 – Aug 2025',
    );
    expect(describeFilters(f, labels, (t) => t.length <= 60)).toBe(
      '3 partners · 20 topics · Held only · Mar 2023 – Aug 2025',
    );
    expect(describeFilters(f, labels, () => false)).toBe('23 filters · Held only · Mar 2023 – Aug 2025');
    // With room, every name as before.
    expect(describeFilters({ ...NO_FILTERS, partners: ['Afghanistan', 'United States'] }, labels, () => true)).toBe(
      'Partner: Afghanistan or United States',
    );
  });

  it('summarises thousands of names (a link filtering every venue of a large upload) in a few tries, not one per name', () => {
    const venues = Array.from({ length: 5_000 }, (_, i) => `venue-${i}`);
    let tries = 0;
    const titleLength = titleFilters(
      { ...NO_FILTERS, venues, status: 'planned' },
      { ...labels, venue: (id) => id },
    ).length;
    expect(titleLength).toBeLessThanOrEqual(100);
    const counted = describeFilters({ ...NO_FILTERS, venues, status: 'planned' }, labels, (t) => {
      tries++;
      return t.length <= 100;
    });
    expect(counted).toMatch(/^venue-0, venue-1.* and 4,99\d more venues · Planned meetings only$/);
    expect(tries).toBeLessThan(60);
  });

  it('keeps "Held meetings only · Mar 2023 – Aug 2025" on the SVG/PNG slide, not "…or Refugee…"', () => {
    for (const ratio of ['16:9', '4:3'] as const) {
      const subtitle = describeFilters(many, labels, slideSubtitleFits(ratio));
      expect(subtitle).toMatch(/ more topics · Held meetings only · Mar 2023 – Aug 2025$/);
      const svg = composeSlide(
        { title: 'Topics', subtitle, legend: [], source: 'Source', alt: '', body: '', bodyWidth: 100, bodyHeight: 100 },
        { ...DEFAULT_PRESET, ratio },
        SLIDE_THEMES.light,
      );
      const drawn = [...svg.matchAll(/<text[^>]*fill="#[0-9a-f]+"[^>]*>([^<]*)<\/text>/gi)].map((m) => m[1]).join(' ');
      expect(drawn).toContain('Held meetings only · Mar 2023 – Aug 2025');
      expect(drawn).not.toContain('…');
    }
  });

  it('summarises the .pptx subtitle by the same rule, to its own room', () => {
    const subtitle = describeFilters(many, labels, deckSubtitleFits('4:3'));
    expect(subtitle).toMatch(/ more topics · Held meetings only · Mar 2023 – Aug 2025$/);
    expect(fitLine(subtitle, 9.1 * 72, 13, 10).lines.join(' ')).toBe(subtitle);
    expect(fitsLine(subtitle, 9.1 * 72, 10)).toBe(true);
  });

  it('titles (an embed’s frame, the tab, the briefing) summarise by it too', () => {
    expect(titleFilters({ ...NO_FILTERS, to: '2025-08' }, labels)).toBe('Until Aug 2025');
    expect(titleFilters(many, labels)).toBe(
      'Afghanistan and 2 more partners · 20 topics · Held meetings only · Mar 2023 – Aug 2025',
    );
    expect(titleFilters({ ...many, partners: ['United States'] }, labels)).toBe(
      'Partner: United States · 20 topics · Held meetings only · Mar 2023 – Aug 2025',
    );
  });
});
