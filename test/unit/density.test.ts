import { scaleTime } from 'd3-scale';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateDataset } from '../../scripts/bench/generate-data.js';
import { cadenceScale } from '../../src/lib/charts/cadence-layout';
import {
  allLaneDensitySteps,
  densityMax,
  laneDensities,
  paintStrip,
  parseHex,
  rowSpans,
} from '../../src/lib/charts/density';
import { cadenceLanes } from '../../src/lib/data/aggregate';
import { buildColumns, filterRows } from '../../src/lib/data/columns';
import { buildDataset } from '../../src/lib/data/dataset';
import { parseDialogues } from '../../src/lib/data/dialogues';
import { matcher, type Filters } from '../../src/lib/data/filters';

const rows = parseDialogues(
  [
    'id,date,status,partner,track,venue_id,topics,source_id',
    'a,2020-01-01,held,P,T,,,s',
    'b,2020,held,P,T,,,s',
    'c,,planned,P,T,,,s',
  ].join('\n'),
).rows;
const x = scaleTime()
  .domain([new Date('2020-01-01T00:00:00Z'), new Date('2021-01-01T00:00:00Z')])
  .range([0, 100]);

describe('density strips', () => {
  const spans = rowSpans(cadenceLanes(rows), x, 100);

  it('places each dated meeting over the columns its period covers; undated ones nowhere', () => {
    const covered = (row: number) => {
      const [bins] = laneDensities(spans, 1, 100, Uint32Array.of(row));
      return [...bins!].flatMap((n, column) => (n > 0 ? [column] : []));
    };
    expect(covered(0)).toEqual([0]);
    expect(covered(1)).toEqual(Array.from({ length: 100 }, (_, column) => column));
    expect(covered(2)).toEqual([]);
  });

  it('counts meetings per column, for all rows or only the selected ones', () => {
    const [all] = laneDensities(spans, 1, 100, null);
    expect(all![0]).toBe(2);
    expect(all![50]).toBe(1);
    const [onlyYear] = laneDensities(spans, 1, 100, Uint32Array.of(1));
    expect(onlyYear![0]).toBe(1);
  });

  it('paints counted columns in the colour and leaves empty ones transparent', () => {
    const pixels = new Uint32Array(4 * 2);
    paintStrip(pixels, 4, 2, Float32Array.of(0, 1, 5, 0), 5, parseHex('#0072B2'));
    const rgba = new Uint8ClampedArray(pixels.buffer);
    expect([...rgba.slice(0, 4)]).toEqual([0, 0, 0, 0]);
    expect([...rgba.slice(4, 7)]).toEqual([0x00, 0x72, 0xb2]);
    expect(rgba[11]).toBe(255);
    expect(rgba[7]).toBeLessThan(255);
    expect([...rgba.slice(16, 24)]).toEqual([...rgba.slice(0, 8)]);
  });
});

describe('filtered density over thousands of meetings', () => {
  const { dataset } = buildDataset(generateDataset({ meetings: 2000, venues: 30, partners: 4, topics: 8, seed: 3 }));
  const lanes = cadenceLanes(dataset.dialogues);
  const columns = buildColumns(dataset.dialogues);
  const width = 240;
  const x = cadenceScale(lanes, new Date('2026-01-01T00:00:00Z'), width);
  const byRow = rowSpans(lanes, x, width, columns);
  const byLane = rowSpans(lanes, x, width);
  const filters = fc.record<Filters>({
    partners: fc.subarray(['Partner A', 'Partner B', 'Partner C']),
    topics: fc.subarray(['t0', 't1', 't5']),
    venues: fc.constant([]),
    status: fc.constantFrom('all' as const, 'held' as const, 'planned' as const),
    from: fc.constantFrom(null, '2015-03', '2021'),
    to: fc.constantFrom(null, '2019-06', '2024-12-31'),
  });

  /** Each lane's matching dated meetings, counted in every column their period covers, one by one. */
  function straightforward(f: Filters): number[][] {
    const [d0, d1] = x.domain().map(Number) as [number, number];
    const k = width / (d1 - d0);
    const column = (t: number) => (t - d0) * k;
    const passes = matcher(f);
    return lanes.map((lane) => {
      const bins = new Array<number>(width).fill(0);
      for (const d of lane.meetings) {
        if (!passes(d) || !d.date) continue;
        const first = Math.max(0, Math.min(width - 1, Math.floor(column(d.date.start.getTime()))));
        const last = Math.max(first, Math.min(width - 1, Math.ceil(column(d.date.end.getTime())) - 1));
        for (let i = first; i <= last; i++) bins[i]!++;
      }
      return bins;
    });
  }

  it('shades each lane by the meetings that pass the filters, whichever way they are counted', () => {
    fc.assert(
      fc.property(filters, (f) => {
        const { rows } = filterRows(columns, f);
        const expected = straightforward(f);
        expect(laneDensities(byRow, lanes.length, width, rows).map((b) => [...b])).toEqual(expected);
        expect(laneDensities(byLane, lanes.length, width, rows).map((b) => [...b])).toEqual(expected);
      }),
      { numRuns: 40 },
    );
  });

  it('counts every meeting when nothing is filtered, and none when nothing matches', () => {
    const all = laneDensities(byRow, lanes.length, width, null);
    expect(all.map((b) => [...b])).toEqual(
      straightforward({ partners: [], topics: [], venues: [], status: 'all', from: null, to: null }),
    );
    const none = laneDensities(byRow, lanes.length, width, new Uint32Array(0));
    expect(none.every((b) => b.every((v) => v === 0))).toBe(true);
  });
});

describe('counting every meeting in slices (large data, after the swap)', () => {
  it('stops every few thousand rows and ends with the same counts as counting at once', () => {
    const { dataset } = buildDataset(generateDataset({ meetings: 40_000, venues: 20, partners: 2, seed: 5 }));
    const lanes = cadenceLanes(dataset.dialogues);
    const width = 300;
    const x = cadenceScale(lanes, new Date('2026-01-01T00:00:00Z'), width);
    const spans = rowSpans(lanes, x, width);
    const steps = allLaneDensitySteps(spans, lanes.length, width);
    let stops = 0;
    let r = steps.next();
    for (; !r.done; r = steps.next()) stops++;
    // At least one stop per lane, and more in a lane of more than 16,384 rows.
    const longest = Math.max(...lanes.map((l) => l.rows.length));
    expect(stops).toBeGreaterThanOrEqual(lanes.length + Math.floor((longest - 1) / 16_384));
    const atOnce = laneDensities(spans, lanes.length, width, null);
    expect(r.value.map((b) => [...b])).toEqual(atOnce.map((b) => [...b]));
    expect(densityMax(r.value)).toBe(Math.max(1, ...atOnce.flatMap((b) => [...b])));
  });
});

describe('parseHex', () => {
  it('reads hex and the rgb() that getComputedStyle gives', () => {
    expect(parseHex('#0072B2')).toEqual([0, 0x72, 0xb2]);
    expect(parseHex('rgb(43, 51, 63)')).toEqual([43, 51, 63]);
    expect(parseHex('nonsense', [1, 2, 3])).toEqual([1, 2, 3]);
  });
});
