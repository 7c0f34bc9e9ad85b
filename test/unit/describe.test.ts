import { describe, expect, it } from 'vitest';
import { shownSources } from '../../src/lib/export/slides';
import { cadenceLanes, topicFrequency, venueSummaries } from '../../src/lib/data/aggregate';
import { buildDataset } from '../../src/lib/data/dataset';
import { NO_FILTERS } from '../../src/lib/data/filters';
import { trackInsights } from '../../src/lib/data/insights';
import {
  cadenceAltText,
  describeFilters,
  mapAltText,
  pageTitle,
  SITE_TITLE,
  sourceLine,
  topicAltText,
} from '../../src/lib/export/describe';
import { bundled } from '../fixtures/read';

const { dataset } = buildDataset({
  dialogues: bundled('dialogues.csv'),
  venues: bundled('venues.geojson'),
  topics: bundled('topics.csv'),
  sources: bundled('sources.csv'),
});
const lanes = cadenceLanes(dataset.dialogues);

describe('text alternatives and slide captions', () => {
  it('says which topic came up most', () => {
    expect(topicAltText(topicFrequency(dataset.dialogues, dataset.topics), 9)).toBe(
      'Bar chart of 20 topics by the number of meetings, held or planned, on each. Counter-terrorism came up in 5 of 9 meetings (held or planned), more than any other topic (Afghanistan 1, European Union 1, United States 3); next come Intelligence sharing (2) and Migration and mobility (2).',
    );
  });

  it('names the topics tied at the top together, not one of them as "more than any other"', () => {
    const brussels = dataset.dialogues.filter((d) => d.venueId === 'brussels');
    const text = topicAltText(
      topicFrequency(brussels, dataset.topics).filter((c) => c.total > 0),
      brussels.length,
      20,
    );
    expect(text).not.toContain('more than any other');
    expect(text).toMatch(
      /\. Counter-terrorism, Drug trafficking, Jammu and Kashmir and 6 more came up most, tied at 1 of 1 meeting \(held or planned\) each\.$/,
    );
  });

  it('under a filter, says every topic is drawn and how many are highlighted', () => {
    const migration = dataset.dialogues.filter((d) => d.topics.includes('migration'));
    const text = topicAltText(
      topicFrequency(migration, dataset.topics).filter((c) => c.total > 0),
      2,
      20,
    );
    expect(text).toMatch(
      /^Bar chart of 20 topics by the number of meetings, held or planned, on each, \d+ topics? highlighted for the 2 meetings the filters match\. Migration and mobility came up in 2 of 2 meetings \(held or planned\)/,
    );
  });

  it('under a status filter, says the meetings counted are held (or planned), not "held or planned"', () => {
    const held = dataset.dialogues.filter((d) => d.status === 'held');
    const text = topicAltText(
      topicFrequency(held, dataset.topics).filter((c) => c.total > 0),
      held.length,
      20,
      'held',
    );
    expect(text).toMatch(/ Counter-terrorism came up in 5 of 5 meetings \(held\), more than any other topic/);
  });

  it('summarises the cadence: span, held and planned, regular tracks, overdue rounds', () => {
    const text = cadenceAltText(lanes, trackInsights(lanes, new Date('2026-11-21T00:00:00Z')));
    expect(text).toBe(
      'Timeline of 9 meetings in 6 tracks with Afghanistan, European Union and United States, Mar 2023 to 2026: 5 held, 4 planned. United States: Counterterrorism Dialogue met 3 times, about every 14.5 months. 2 planned rounds are overdue. 1 track has gone longer than usual without meeting.',
    );
    // Before November, the US track is within its usual interval; past it, that is no planned round, and is said apart.
    const earlier = cadenceAltText(lanes, trackInsights(lanes, new Date('2026-10-31T00:00:00Z')));
    expect(earlier).toMatch(/ 2 planned rounds are overdue\.$/);
    const later = cadenceAltText(lanes, trackInsights(lanes, new Date('2026-12-05T00:00:00Z')));
    expect(later).toMatch(/ 2 planned rounds are overdue\. 1 track has gone longer than usual without meeting\.$/);
  });

  it('keeps what is overdue across every track when the deck’s overview draws only some of them', () => {
    const insights = trackInsights(lanes, new Date('2026-12-05T00:00:00Z'));
    // Three of the six tracks (the busiest: none of them with an overdue planned round).
    const some = lanes.filter((l) => l.partner !== 'European Union' || l.track === 'Bilateral Dialogue').slice(0, 3);
    const keys = new Set(some.map((l) => l.key));
    const mine = insights.filter((i) => keys.has(i.key));
    expect(cadenceAltText(some, mine)).not.toContain('planned rounds are overdue');
    expect(cadenceAltText(some, mine, false, insights)).toMatch(
      /\. Across all 6 tracks: 2 planned rounds are overdue\. 1 track has gone longer than usual without meeting\.$/,
    );
    // Nothing overdue anywhere: nothing said of it.
    const calm = trackInsights(lanes, new Date('2025-01-01T00:00:00Z'));
    expect(
      cadenceAltText(
        some,
        calm.filter((i) => keys.has(i.key)),
        false,
        calm,
      ),
    ).not.toMatch(/Across all|overdue/);
  });

  it('under a filter, counts a track’s held meetings shown, and gives its rhythm as the whole track’s', () => {
    const shown = cadenceLanes(dataset.dialogues.filter((d) => d.id === 'us-2025-08-12-ct'));
    const text = cadenceAltText(shown, trackInsights(lanes, new Date('2026-11-21T00:00:00Z')), true);
    expect(text).toContain(
      'United States: Counterterrorism Dialogue, 1 held meeting shown, meets about every 14.5 months.',
    );
    expect(text).not.toContain('met 3 times');
  });

  it('gives a single meeting’s date once, not as a span from it to itself', () => {
    const one = cadenceLanes(dataset.dialogues.filter((d) => d.id === 'af-2025-06-27-as-1'));
    expect(cadenceAltText(one, [])).toMatch(
      /^Timeline of 1 meeting in 1 track with Afghanistan \(Additional Secretary-level talks\), 27 Jun 2025: /,
    );
  });

  it('ends the span at the date that ends last: a round known only to its year is not "2025 to 17 Jul 2025"', () => {
    // The European Union under the migration filter: a round in 2025 (its year only) and one on 17 Jul 2025.
    const shown = cadenceLanes(
      dataset.dialogues.filter((d) => d.id === 'eu-2025-07-17-bilateral' || d.id === 'eu-2025-migration-3'),
    );
    expect(cadenceAltText(shown, [], true)).toMatch(
      /^Timeline of 2 meetings in 2 tracks with European Union \([^)]+\), 2025: /,
    );
    // In one lane too, where the year-only round is ordered before the day it contains.
    const lane = cadenceLanes(
      dataset.dialogues
        .filter((d) => d.id === 'eu-2025-07-17-bilateral' || d.id === 'eu-2025-migration-3')
        .map((d) => ({ ...d, track: 'One track' })),
    );
    expect(cadenceAltText(lane, [], true)).toMatch(
      /^Timeline of 2 meetings in 1 track with European Union \(One track\), 2025: /,
    );
  });

  it('lists the venues, busiest first', () => {
    expect(mapAltText(venueSummaries(dataset.dialogues, dataset.venues))).toBe(
      'Map of 3 venues where meetings were held or are planned: Islamabad (2 held, 1 planned), Brussels (1 held) and Kabul (1 planned).',
    );
    // The meetings whose rows name no venue are said, not silently left off.
    expect(
      mapAltText(venueSummaries(dataset.dialogues, dataset.venues), { meetings: 9, noVenue: 4, unknown: [] }),
    ).toMatch(/\(1 planned\)\. 4 of 9 meetings name no venue and are not on the map\.$/);
    // Nor are those naming a venue the venues file lacks said to name none.
    const unknown = [{ id: 'beijing', meetings: 2 }];
    expect(
      mapAltText(venueSummaries(dataset.dialogues, dataset.venues), { meetings: 11, noVenue: 4, unknown }),
    ).toMatch(
      /\(1 planned\)\. 6 of 11 meetings are not on the map: 4 name no venue, 2 name a venue the map has no location for \(“beijing”\)\.$/,
    );
  });

  it('names the filters, or says all meetings', () => {
    const labels = { topic: (id: string) => id.toUpperCase(), venue: (id: string) => `V:${id}` };
    expect(describeFilters(NO_FILTERS, labels)).toBe('All meetings');
    expect(
      describeFilters({ ...NO_FILTERS, partners: ['EU'], topics: ['ct'], status: 'held', from: '2024-01' }, labels),
    ).toBe('Partner: EU · Topic: CT · Held meetings only · From Jan 2024');
    // One year as both ends is that year, not "2025 – 2025".
    expect(describeFilters({ ...NO_FILTERS, from: '2025', to: '2025' }, labels)).toBe('2025');
    expect(describeFilters({ ...NO_FILTERS, from: '2025', to: '2026' }, labels)).toBe('2025 – 2026');
  });

  it('in a short room, counts only lists: a single name stays, “Held meetings only” is said shorter first', () => {
    const labels = { topic: (id: string) => id, venue: (id: string) => id };
    const strip = (t: string) => t.replace(/[\u2066-\u2069]/g, '');
    const one = {
      ...NO_FILTERS,
      topics: ['Counter-terrorism'],
      venues: ['Islamabad'],
      status: 'held' as const,
      from: '2024-03',
    };
    // The longest that fits a 300×250 map embed's two lines ("1 topic · Venue: Islamabad …" before).
    const under = (n: number) => (t: string) => strip(t).length <= n;
    expect(strip(describeFilters(one, labels, under(72)))).toBe(
      'Topic: Counter-terrorism · Venue: Islamabad · Held only · From Mar 2024',
    );
    // Two topics are a list: counted before the single venue gives way.
    const two = { ...one, topics: ['Counter-terrorism', 'Migration'] };
    expect(strip(describeFilters(two, labels, under(64)))).toBe(
      '2 topics · Venue: Islamabad · Held meetings only · From Mar 2024',
    );
    const many = {
      ...NO_FILTERS,
      partners: ['European Union', 'United States'],
      topics: ['a', 'b', 'c', 'd', 'e', 'f'],
      venues: ['Islamabad', 'Brussels'],
      status: 'held' as const,
      from: '2023-02',
      to: '2025-09',
    };
    // Every list a count and still too long (a 300×250 banner cut “Sep 2025” and its link): the status shorter,
    // then the counts as one; held/planned and the period stay whole.
    expect(strip(describeFilters(many, labels, under(66)))).toBe(
      '2 partners · 6 topics · 2 venues · Held only · Feb 2023 – Sep 2025',
    );
    expect(strip(describeFilters(many, labels, under(45)))).toBe('10 filters · Held only · Feb 2023 – Sep 2025');
  });

  it('gives the source and the date the data runs to', () => {
    expect(sourceLine(dataset.sources, dataset.dialogues, 'published data')).toBe(
      'Source: Dialogue Atlas, published data, from 3 sources; data as of 12 Aug 2025',
    );
    // A timeline marking rounds overdue says on which day: the slide outlives it.
    expect(sourceLine(dataset.sources, dataset.dialogues, 'published data', new Date('2026-12-05T09:00:00Z'))).toBe(
      'Source: Dialogue Atlas, published data, from 3 sources; data as of 12 Aug 2025; “overdue” as of 5 Dec 2026',
    );
  });
});

describe('the Sources slide', () => {
  const titles = (r: { sources: { title: string }[] }) => r.sources.map((s) => s.title.slice(0, 30));
  const cited = dataset.sources;
  const partner = (p: string) => dataset.dialogues.filter((d) => d.partner === p);

  it('unfiltered, lists every source the data cites', () => {
    const r = shownSources(cited, null);
    expect(r.sources).toHaveLength(3);
    expect(r.subtitle).toBe('Every meeting on these slides is taken from these 3 sources.');
  });

  it('under filters, lists only the sources the meetings shown cite, and says so', () => {
    const eu = shownSources(cited, partner('European Union'));
    expect(titles(eu)).toEqual(['Strengthening Pakistan EU Secu']);
    expect(eu.subtitle).toBe(
      'The 4 meetings shown (those matching the filters) are taken from this source, one of the 3 the data cites.',
    );
    const one = shownSources(cited, partner('European Union').slice(0, 1));
    expect(one.subtitle).toBe(
      'The one meeting shown (it matches the filters) is taken from this source, one of the 3 the data cites.',
    );
    const two = shownSources(cited, [...partner('European Union'), ...partner('Afghanistan')]);
    expect(titles(two)).toHaveLength(2);
    expect(two.subtitle).toMatch(/ are taken from these 2 sources, of the 3 the data cites\.$/);
    const every = shownSources(
      cited,
      dataset.dialogues.filter((d) => d.topics.includes('counter-terrorism')),
    );
    expect(every.sources).toHaveLength(3);
    expect(every.subtitle).toBe('The 5 meetings shown (those matching the filters) are taken from these 3 sources.');
  });

  it('with no meeting matching, or none citing a listed source, credits every source', () => {
    expect(shownSources(cited, []).sources).toHaveLength(3);
    expect(shownSources(cited, []).subtitle).toBe(
      'No meeting matches the filters; the data’s meetings are taken from these 3 sources.',
    );
    const r = shownSources(cited, [{ sourceId: 'unlisted' }]);
    expect(r.sources).toHaveLength(3);
    expect(r.subtitle).toBe(
      'The one meeting shown (it matches the filters) cites no source the data lists; its meetings are taken from these 3 sources.',
    );
  });
});

describe('the dashboard’s tab title', () => {
  const labels = { topic: (id: string) => id, venue: (id: string) => id };
  const meeting = (id: string) => dataset.dialogues.find((d) => d.id === id)!;

  it('names the filters as an embed’s does, the open meeting over them, and else the site with the page’s ’', () => {
    expect(pageTitle(NO_FILTERS, labels, null)).toBe('Dialogue Atlas — Pakistan’s bilateral security dialogues');
    expect(SITE_TITLE).not.toContain("'");
    expect(pageTitle({ ...NO_FILTERS, partners: ['United States'], status: 'held' }, labels, null)).toBe(
      'Partner: United States · Held meetings only · Dialogue Atlas',
    );
    expect(pageTitle({ ...NO_FILTERS, status: 'held' }, labels, meeting('us-2025-08-12-ct'))).toBe(
      'United States · Counterterrorism Dialogue, 12 Aug 2025 · Dialogue Atlas',
    );
    expect(pageTitle(NO_FILTERS, labels, meeting('af-2025-06-27-as-1'))).toBe(
      'Afghanistan · Additional Secretary-level talks, round 1, 27 Jun 2025 · Dialogue Atlas',
    );
  });
});
