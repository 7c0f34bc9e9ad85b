import { scaleTime } from 'd3-scale';
import { describe, expect, it } from 'vitest';
import { laneDensities, paintStrip, parseHex, rowSpans } from '../../src/lib/charts/density';
import { cadenceLanes } from '../../src/lib/data/aggregate';
import { parseDialogues } from '../../src/lib/data/dialogues';

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
    expect([...spans.lane]).toEqual([0, 0, -1]);
    expect([spans.x0[0], spans.x1[0]]).toEqual([0, 0]);
    expect([spans.x0[1], spans.x1[1]]).toEqual([0, 99]);
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

describe('parseHex', () => {
  it('reads hex and the rgb() that getComputedStyle gives', () => {
    expect(parseHex('#0072B2')).toEqual([0, 0x72, 0xb2]);
    expect(parseHex('rgb(43, 51, 63)')).toEqual([43, 51, 63]);
    expect(parseHex('nonsense', [1, 2, 3])).toEqual([1, 2, 3]);
  });
});
