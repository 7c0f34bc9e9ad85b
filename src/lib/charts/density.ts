import type { ScaleTime } from 'd3-scale';

/** Each row's lane and pixel columns (lane -1 when undated): computed once per data and size. */
export interface RowSpans {
  lane: Int32Array;
  x0: Int32Array;
  x1: Int32Array;
}

export function rowSpans(
  lanes: readonly { rows: Uint32Array; starts: Float64Array; ends: Float64Array }[],
  x: ScaleTime<number, number>,
  width: number,
): RowSpans {
  // Every row is in exactly one lane.
  const n = lanes.reduce((sum, l) => sum + l.rows.length, 0);
  const spans = { lane: new Int32Array(n).fill(-1), x0: new Int32Array(n), x1: new Int32Array(n) };
  // The scale is linear in time: map by arithmetic rather than calling it twice a meeting.
  const [d0, d1] = x.domain().map(Number) as [number, number];
  const [r0, r1] = x.range() as [number, number];
  const k = (r1 - r0) / (d1 - d0 || 1);
  lanes.forEach((l, laneIndex) => {
    for (let j = 0; j < l.rows.length; j++) {
      const start = l.starts[j]!;
      if (Number.isNaN(start)) continue;
      const row = l.rows[j]!;
      const x0 = Math.max(0, Math.min(width - 1, Math.floor(r0 + (start - d0) * k)));
      spans.lane[row] = laneIndex;
      spans.x0[row] = x0;
      spans.x1[row] = Math.max(x0, Math.min(width - 1, Math.ceil(r0 + (l.ends[j]! - d0) * k) - 1));
    }
  });
  return spans;
}

/**
 * Meetings per pixel column for each lane, from the given rows (all rows when null): a dated
 * meeting counts in every column its period covers. Difference arrays keep it O(rows + lanes × width).
 */
export function laneDensities(
  spans: RowSpans,
  laneCount: number,
  width: number,
  rows: Uint32Array | null,
): Float32Array[] {
  const stride = width + 1;
  const diff = new Float32Array(laneCount * stride);
  const add = (row: number) => {
    const lane = spans.lane[row]!;
    if (lane < 0) return;
    diff[lane * stride + spans.x0[row]!]! += 1;
    diff[lane * stride + spans.x1[row]! + 1]! -= 1;
  };
  if (rows) for (const r of rows) add(r);
  else for (let r = 0; r < spans.lane.length; r++) add(r);
  return Array.from({ length: laneCount }, (_, lane) => {
    const bins = new Float32Array(width);
    let run = 0;
    for (let i = 0; i < width; i++) bins[i] = run += diff[lane * stride + i]!;
    return bins;
  });
}

/** `#rrggbb` or `rgb(r, g, b)` (as getComputedStyle gives) → [r, g, b]; anything else → the fallback. */
export function parseHex(
  colour: string,
  fallback: [number, number, number] = [128, 128, 128],
): [number, number, number] {
  const hex = /^#?([0-9a-f]{6})$/i.exec(colour.trim());
  if (hex) {
    const n = parseInt(hex[1]!, 16);
    return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  }
  const rgb = /^rgba?\(\s*(\d+)[\s,]+(\d+)[\s,]+(\d+)/i.exec(colour.trim());
  return rgb ? [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])] : fallback;
}

/**
 * Paints one lane's strip into RGBA pixels (as 32-bit words): each column with meetings in the
 * colour, its opacity growing with the count. One row is computed, the others copied from it.
 */
export function paintStrip(
  pixels: Uint32Array,
  width: number,
  height: number,
  bins: Float32Array,
  max: number,
  [r, g, b]: [number, number, number],
): void {
  const scale = Math.log1p(Math.max(1, max));
  // ImageData is RGBA in memory order; on little-endian machines (all we run on) that is ABGR as a word.
  const rgb = (b << 16) | (g << 8) | r;
  for (let x = 0; x < width; x++) {
    const v = bins[x]!;
    pixels[x] = v > 0 ? ((Math.round(255 * (0.3 + (0.7 * Math.log1p(v)) / scale)) << 24) | rgb) >>> 0 : 0;
  }
  for (let y = 1; y < height; y++) pixels.copyWithin(y * width, 0, width);
}
