import { describe, expect, it } from 'vitest';
import { cadenceLanes, formatGap, listPartners, topicFrequency, venueSummaries } from '../../src/lib/data/aggregate';
import { describeGap } from '../../src/lib/charts/describe-meeting';
import { parseDialogues } from '../../src/lib/data/dialogues';
import type { Topic, Venue } from '../../src/lib/data/schema';

const csv = (rows: string[]) =>
  parseDialogues(['id,date,status,partner,track,venue_id,topics,source_id', ...rows].join('\n')).rows;

const meetings = csv([
  'b2,2024-05,held,Beta,CT,v1,ct;trade,s',
  'b1,2023-03,held,Beta,CT,v1,ct,s',
  'b3,2025-08-12,held,Beta,CT,v2,ct,s',
  'a1,2025-06-27,held,Alpha,Talks,v2,ct;refugees,s',
  'a2,,planned,Alpha,Talks,v3,,s',
  'b4,2026,planned,Beta,Political,,,s',
]);
const topics: Topic[] = [
  { id: 'ct', label: 'Counter-terrorism', theme: 'security' },
  { id: 'trade', label: 'Trade', theme: 'economy' },
  { id: 'refugees', label: 'Refugees', theme: 'migration' },
];
const venues: Venue[] = ['v1', 'v2', 'v3', 'v4'].map((id) => ({
  id,
  name: id.toUpperCase(),
  country: '',
  lon: 0,
  lat: 0,
}));

describe('aggregations', () => {
  it('lists partners alphabetically', () => {
    expect(listPartners(meetings)).toEqual(['Alpha', 'Beta']);
  });

  it('counts meetings per topic, split by partner, most frequent first', () => {
    expect(topicFrequency(meetings, topics)).toEqual([
      {
        id: 'ct',
        label: 'Counter-terrorism',
        theme: 'security',
        total: 4,
        byPartner: [
          { partner: 'Alpha', count: 1 },
          { partner: 'Beta', count: 3 },
        ],
      },
      {
        id: 'refugees',
        label: 'Refugees',
        theme: 'migration',
        total: 1,
        byPartner: [
          { partner: 'Alpha', count: 1 },
          { partner: 'Beta', count: 0 },
        ],
      },
      {
        id: 'trade',
        label: 'Trade',
        theme: 'economy',
        total: 1,
        byPartner: [
          { partner: 'Alpha', count: 0 },
          { partner: 'Beta', count: 1 },
        ],
      },
    ]);
  });

  it('counts an undefined topic under its id', () => {
    const [only] = topicFrequency(csv(['x,2025,held,P,T,,mystery,s']), topics);
    expect(only).toMatchObject({ id: 'mystery', label: 'mystery', total: 1 });
  });

  it('summarises venues with their meetings by date, keeping empty venues', () => {
    const summaries = venueSummaries(meetings, venues);
    expect(summaries.map((s) => [s.venue.id, s.meetings.map((m) => m.id), s.held, s.planned])).toEqual([
      ['v1', ['b1', 'b2'], 2, 0],
      ['v2', ['a1', 'b3'], 2, 0],
      ['v3', ['a2'], 0, 1],
      ['v4', [], 0, 0],
    ]);
  });

  it('makes one lane per partner and track, with the gaps between held meetings', () => {
    const lanes = cadenceLanes(meetings);
    expect(lanes.map((l) => [l.key, l.meetings.map((m) => m.id)])).toEqual([
      ['Alpha — Talks', ['a1', 'a2']],
      ['Beta — CT', ['b1', 'b2', 'b3']],
      ['Beta — Political', ['b4']],
    ]);
    expect(lanes[1]!.gaps.map((g) => [g.from.id, g.to.id, formatGap(g.months)])).toEqual([
      ['b1', 'b2', '14 mo'],
      ['b2', 'b3', '15 mo'],
    ]);
    expect(lanes[0]!.gaps).toEqual([]);
  });

  it.each([
    [0, '<1 mo'],
    [1, '1 mo'],
    [14, '14 mo'],
    [24, '2 yr'],
    [30, '30 mo'],
  ])('formats a gap of %i months as %s', (months, label) => {
    expect(formatGap(months)).toBe(label);
  });

  // The label as a screen reader hears it, in the later meeting's name: words, not "mo" or "yr".
  it.each([
    [0, 'less than a month'],
    [1, '1 month'],
    [14, '14 months'],
    [24, '2 years'],
    [30, '30 months'],
  ])('says a gap of %i months as %s', (months, words) => {
    expect(describeGap(months)).toBe(words);
  });
});
