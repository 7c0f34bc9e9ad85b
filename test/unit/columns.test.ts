import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateDataset } from '../../scripts/bench/generate-data.js';
import {
  buildColumns,
  commonRows,
  countTopics,
  filterRows,
  tallyRows,
  venuesOf,
  venueTallies,
} from '../../src/lib/data/columns';
import { buildDataset } from '../../src/lib/data/dataset';
import { matcher, NO_FILTERS, type Filters } from '../../src/lib/data/filters';
import { topicFrequency } from '../../src/lib/data/aggregate';

const { dataset } = buildDataset(generateDataset({ meetings: 3000, venues: 40, partners: 5, topics: 12, seed: 7 }));
const columns = buildColumns(dataset.dialogues);
const month = fc
  .tuple(fc.integer({ min: 1999, max: 2027 }), fc.integer({ min: 1, max: 12 }))
  .map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`);
const filters = fc.record<Filters>({
  partners: fc.subarray(['Partner A', 'Partner B', 'Partner C', 'Nobody']),
  topics: fc.subarray(['t0', 't1', 't5', 't11', 'missing']),
  venues: fc.subarray(['v0', 'v3', 'v39']),
  status: fc.constantFrom('all' as const, 'held' as const, 'planned' as const),
  from: fc.option(month, { nil: null }),
  to: fc.option(month, { nil: null }),
});

describe('filtering over columns', () => {
  it('selects exactly the rows the reference matcher accepts, for any filters', () => {
    fc.assert(
      fc.property(filters, (f) => {
        const expected = dataset.dialogues.flatMap((d, i) => (matcher(f)(d) ? [i] : []));
        expect([...filterRows(columns, f).rows]).toEqual(expected);
      }),
      { numRuns: 150 },
    );
  });

  it('counts topics by partner as topicFrequency does', () => {
    const f = { ...NO_FILTERS, partners: ['Partner B'], status: 'held' as const };
    const { rows } = filterRows(columns, f);
    const counts = countTopics(columns, rows);
    const reference = topicFrequency(dataset.dialogues.filter(matcher(f)), dataset.topics, columns.partners);
    for (const t of reference) {
      const j = columns.topics.indexOf(t.id);
      for (const [p, { count }] of t.byPartner.entries()) expect(counts[j * columns.partners.length + p]).toBe(count);
    }
  });

  it('lists the venues of the selected meetings', () => {
    const f = { ...NO_FILTERS, topics: ['t3'] };
    const expected = new Set(dataset.dialogues.filter(matcher(f)).flatMap((d) => (d.venueId ? [d.venueId] : [])));
    expect(venuesOf(columns, filterRows(columns, f).rows)).toEqual(expected);
  });

  it('tallies held and planned meetings per venue among the selected meetings, for any filters', () => {
    fc.assert(
      fc.property(filters, (f) => {
        const expected = new Map<string, { meetings: number; held: number; planned: number }>();
        for (const d of dataset.dialogues.filter(matcher(f))) {
          if (!d.venueId) continue;
          const t = expected.get(d.venueId) ?? { meetings: 0, held: 0, planned: 0 };
          t.meetings++;
          if (d.status === 'held') t.held++;
          else t.planned++;
          expected.set(d.venueId, t);
        }
        expect(venueTallies(columns, filterRows(columns, f).rows)).toEqual(expected);
      }),
      { numRuns: 50 },
    );
  });

  it('finds the meetings of a hovered topic among the filtered ones, as a filter on both would', () => {
    fc.assert(
      fc.property(filters, fc.constantFrom('t0', 't4', 't11'), (f, topic) => {
        const shown = filterRows(columns, f).rows;
        const expected = dataset.dialogues.flatMap((d, i) => (matcher(f)(d) && d.topics.includes(topic) ? [i] : []));
        expect([...commonRows(columns.rowsByTopic[columns.topics.indexOf(topic)]!, shown)]).toEqual(expected);
      }),
      { numRuns: 60 },
    );
  });

  it('counts held, planned and tracks among the selected meetings, for the header and the cadence table', () => {
    fc.assert(
      fc.property(filters, (f) => {
        const shown = dataset.dialogues.filter(matcher(f));
        const tally = tallyRows(columns, filterRows(columns, f).rows);
        expect([tally.held, tally.planned]).toEqual([
          shown.filter((d) => d.status === 'held').length,
          shown.filter((d) => d.status === 'planned').length,
        ]);
        const lanes = new Set(shown.map((d) => `${d.partner}|${d.track}`));
        const tracks = columns.tracks.length;
        const marked = [...tally.lanes].flatMap((s, k) =>
          s ? [`${columns.partners[Math.floor(k / tracks)]}|${columns.tracks[k % tracks]}`] : [],
        );
        expect(new Set(marked)).toEqual(lanes);
      }),
      { numRuns: 50 },
    );
  });
});
