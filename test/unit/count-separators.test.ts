import { describe, expect, it } from 'vitest';
import type { TopicCount, VenueSummary } from '../../src/lib/data/aggregate';
import { fitTopics } from '../../src/lib/charts/topic-fit';
import { trackInsights } from '../../src/lib/data/insights';
import { dueNextLine, heldText } from '../../src/lib/data/track-summary';
import { bannerSummary } from '../../src/lib/export/banner-summary';
import { mapAltText, topicAltText } from '../../src/lib/export/describe';
import { writeMapSvg } from '../../src/lib/export/map-svg';
import { overviewNote } from '../../src/lib/export/overview-tracks';
import { otherPartners, partnerLegend } from '../../src/lib/export/partner-legend';
import { SLIDE_THEMES } from '../../src/lib/export/themes';
import { venueAccessibleName, venueCountText } from '../../src/lib/map/venue-markers';
import { bundledViews } from '../component/data';

/**
 * A count shown anywhere is written as the header writes it, "15,421" (data/format-count.ts), for
 * a large upload; a year or a round number beside it stays as it is ("2026", "round 2").
 */
const { venues, lanes } = bundledViews();
const islamabad = venues.find((s) => s.venue.id === 'islamabad')!;
/** Islamabad with 15,421 meetings: 15,000 held and 421 planned. */
const crowded: VenueSummary = {
  ...islamabad,
  meetings: Array.from({ length: 15_421 }, (_, i) => islamabad.meetings[i % islamabad.meetings.length]!),
  held: 15_000,
  planned: 421,
};
const topic = (id: string, total: number): TopicCount => ({
  id,
  label: id,
  theme: 'security',
  total,
  byPartner: [{ partner: 'China', count: total }],
});

describe('counts with thousands separators', () => {
  it('map markers: the count by the name and what a screen reader says', () => {
    expect(venueCountText(crowded)).toBe('15,421');
    expect(venueCountText(crowded, { meetings: 1_200, held: 1_200, planned: 0 })).toBe('1,200/15,421');
    expect(venueAccessibleName(crowded)).toBe('Islamabad, Pakistan: 15,421 meetings, 15,000 held and 421 planned');
    expect(venueAccessibleName(crowded, { meetings: 4_321, held: 4_000, planned: 321 })).toBe(
      'Islamabad, Pakistan: 4,321 of 15,421 meetings match the filters, 4,000 held and 321 planned',
    );
  });

  it('the map exported: the label by each dot and its title', () => {
    const countries = { type: 'FeatureCollection' as const, features: [] };
    const view = {
      bounds: [
        [20, 0],
        [55, 80],
      ] as [[number, number], [number, number]],
    };
    const svg = writeMapSvg([crowded], countries, view, 1000, 600, SLIDE_THEMES.light);
    expect(svg).toContain('Islamabad: 15,000 held, 421 planned');
    expect(svg).toMatch(/Islamabad\u2069? 15,421</);
  });

  it('a meeting’s record: the track’s meetings held, and by round number', () => {
    expect(heldText(15_421, null)).toBe('15,421 held');
    expect(heldText(1, 12_000)).toBe('1 held (12,000 by round number)');
    expect(heldText(0, null)).toBe('0 listed as held');
  });

  it('the line of what is due next counts tracks with separators, and keeps a year and a round as they are', () => {
    const insights = trackInsights(lanes, new Date('2026-12-05T00:00:00Z'));
    const late = insights.find((i) => i.next?.basis === 'planned' && i.next.overdue)!;
    const many = Array.from({ length: 1_002 }, (_, k) => ({ ...late, key: `${late.key} ${k}` }));
    const line = dueNextLine([...insights, ...many]);
    expect(line).toContain('Due next: European Union · Political Dialogue, 2026 (planned).');
    expect(line).toContain('Overdue: 1,004 planned rounds');
    expect(line).toContain('Additional Secretary-level talks, round 2.');
  });

  it('alt text: topics, venues and their counts', () => {
    const counts = [topic('counter-terrorism', 15_421), topic('migration', 2_400), topic('trade', 1_500)];
    const alt = topicAltText(counts, 20_000);
    expect(alt).toContain('counter-terrorism came up in 15,421 of 20,000 meetings (held or planned)');
    expect(alt).toContain('(China 15,421)');
    expect(alt).toContain('next come migration (2,400) and trade (1,500).');
    const tied = topicAltText([topic('a', 1_200), topic('b', 1_200), topic('c', 1_200), topic('d', 1_200)], 5_000);
    expect(tied).toContain('tied at 1,200 of 5,000 meetings');
    const many = Array.from({ length: 1_010 }, (_, i) => ({
      ...islamabad,
      venue: { ...islamabad.venue, id: `v${i}`, name: `Venue ${i}` },
      held: 2_500 + i,
      planned: 0,
    }));
    const map = mapAltText([{ ...crowded }, ...many]);
    expect(map).toContain('Map of 1,011 venues');
    expect(map).toContain('Islamabad (15,000 held, 421 planned)');
    expect(map).toContain('and 1,003 more.');
  });

  it('a banner’s one line: topics and venues', () => {
    const shown = { topics: [topic('trade', 1_500)], venues: [crowded], insights: [], filter: null, meetings: 15_421 };
    expect(bannerSummary('topics', shown)).toBe('Most discussed: trade (1,500 of 15,421 meetings).');
    expect(bannerSummary('map', shown)).toBe('1 venue: Islamabad 15,421.');
  });

  it('legends: the partners sharing the grey', () => {
    const partners = Array.from({ length: 1_205 }, (_, i) => `Partner ${i}`);
    const legend = partnerLegend(partners, (p) => (p === 'Partner 0' ? '#0072B2' : '#999999'));
    expect(legend.at(-1)).toEqual({ label: '1,204 other partners', colour: '#999999' });
    expect(otherPartners(2_026)).toBe('2,026 other partners');
  });

  it('a deck’s overview subtitle and a short frame’s topics left out', () => {
    expect(overviewNote(12, 1_500)).toBe(
      '12 of 1,500 tracks, the busiest; all 1,500 on the partners’ slides that follow',
    );
    const counts = Array.from({ length: 1_203 }, (_, i) => topic(`t${i}`, 4_000 - i));
    expect(fitTopics(counts, null, 38 + 20 + 3 * 24).note).toBe(
      'and 1,200 more topics, each in 3,997 meetings or fewer',
    );
  });
});
