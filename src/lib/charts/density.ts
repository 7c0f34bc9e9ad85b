import type { ScaleTime } from 'd3-scale';
import { ROWS_PER_STEP, runNow, type Steps } from '../data/steps';

type LaneRows = { rows: Uint32Array; starts: Float64Array; ends: Float64Array; partner?: string; track?: string };

/**
 * Each row's partner, track and period, by row (as the dataset's typed columns hold them,
 * columns.ts): with them a filtered count visits only the chosen rows, not every lane's rows.
 */
export interface RowColumns {
  n: number;
  partners: readonly string[];
  partnerOf: Uint32Array;
  tracks: readonly string[];
  trackOf: Uint32Array;
  start: Float64Array;
  end: Float64Array;
}

/**
 * Where each lane's meetings fall in pixel columns, for `width` columns over the scale `x`:
 * computed once per data and size. Counting all rows reads the lanes in order (a million meetings
 * are counted in a few milliseconds when the data is shown); counting some rows reads only those,
 * by row, from `columns` when given (else the lanes are read through a mask of the chosen rows).
 */
export class RowSpans {
  readonly #lanes: readonly LaneRows[];
  readonly #width: number;
  readonly #d0: number;
  readonly #r0: number;
  readonly #k: number;
  /** The rows' columns, and each partner × track's lane (-1: none), when they match the lanes. */
  readonly #columns: RowColumns | null = null;
  readonly #laneOfKey: Int32Array | null = null;
  /** Rows in all lanes (every row is in exactly one). */
  readonly n: number;

  constructor(
    lanes: readonly LaneRows[],
    x: ScaleTime<number, number>,
    width: number,
    columns: RowColumns | null = null,
  ) {
    this.#lanes = lanes;
    this.#width = width;
    this.n = lanes.reduce((sum, l) => sum + l.rows.length, 0);
    // The scale is linear in time: map by arithmetic rather than calling it twice a meeting.
    const [d0, d1] = x.domain().map(Number) as [number, number];
    const [r0, r1] = x.range() as [number, number];
    [this.#d0, this.#r0, this.#k] = [d0, r0, (r1 - r0) / (d1 - d0 || 1)];
    if (columns && columns.n === this.n) {
      const tracks = columns.tracks.length;
      const laneOfKey = new Int32Array(columns.partners.length * tracks).fill(-1);
      const matches = lanes.every((l, lane) => {
        const p = l.partner === undefined ? -1 : columns.partners.indexOf(l.partner);
        const t = l.track === undefined ? -1 : columns.tracks.indexOf(l.track);
        if (p < 0 || t < 0 || laneOfKey[p * tracks + t] !== -1) return false;
        laneOfKey[p * tracks + t] = lane;
        return true;
      });
      if (matches) [this.#columns, this.#laneOfKey] = [columns, laneOfKey];
    }
  }

  /**
   * Adds the dated meetings among `rows` (all when null) to per-lane difference arrays
   * (`diff[lane * stride + column]`): +1 at a meeting's first column, -1 after its last. The loops
   * are written out (no callback a row): a filter change runs this once, before the JIT warms up.
   */
  count(diff: Float32Array, stride: number, rows: Uint32Array | null): void {
    const [w, d0, r0, k] = [this.#width, this.#d0, this.#r0, this.#k];
    const c = this.#columns;
    const laneOfKey = this.#laneOfKey;
    if (rows && c && laneOfKey) {
      // By row: only the chosen rows are read, in row order.
      const { partnerOf, trackOf, start: starts, end: ends } = c;
      const tracks = c.tracks.length;
      for (let q = 0; q < rows.length; q++) {
        const row = rows[q]!;
        const start = starts[row]!;
        if (Number.isNaN(start)) continue;
        const lane = laneOfKey[partnerOf[row]! * tracks + trackOf[row]!]!;
        if (lane < 0) continue;
        const x0 = Math.max(0, Math.min(w - 1, Math.floor(r0 + (start - d0) * k)));
        const x1 = Math.max(x0, Math.min(w - 1, Math.ceil(r0 + (ends[row]! - d0) * k) - 1));
        diff[lane * stride + x0]! += 1;
        diff[lane * stride + x1 + 1]! -= 1;
      }
      return;
    }
    // Lane by lane: every row is read, those not chosen skipped through a mask.
    let chosen: Uint8Array | null = null;
    if (rows) {
      chosen = new Uint8Array(this.n);
      for (let q = 0; q < rows.length; q++) chosen[rows[q]!] = 1;
    }
    for (let lane = 0; lane < this.#lanes.length; lane++) {
      this.#countLane(diff, stride, lane, 0, this.#lanes[lane]!.rows.length, chosen);
    }
  }

  /** `count` of every row, stopping every few thousand rows: run in slices, it never holds the page long. */
  *countAllSteps(diff: Float32Array, stride: number): Steps<void> {
    const piece = ROWS_PER_STEP * 4;
    for (let lane = 0; lane < this.#lanes.length; lane++) {
      const length = this.#lanes[lane]!.rows.length;
      for (let from = 0; from < length; from += piece) {
        this.#countLane(diff, stride, lane, from, Math.min(length, from + piece), null);
        yield;
      }
    }
  }

  /** Adds one lane's rows from `from` to before `to` (those `chosen`, when given). */
  #countLane(diff: Float32Array, stride: number, lane: number, from: number, to: number, chosen: Uint8Array | null) {
    const [w, d0, r0, k] = [this.#width, this.#d0, this.#r0, this.#k];
    const { rows: laneRows, starts, ends } = this.#lanes[lane]!;
    const base = lane * stride;
    for (let j = from; j < to; j++) {
      if (chosen && chosen[laneRows[j]!] === 0) continue;
      const start = starts[j]!;
      if (Number.isNaN(start)) continue;
      const x0 = Math.max(0, Math.min(w - 1, Math.floor(r0 + (start - d0) * k)));
      const x1 = Math.max(x0, Math.min(w - 1, Math.ceil(r0 + (ends[j]! - d0) * k) - 1));
      diff[base + x0]! += 1;
      diff[base + x1 + 1]! -= 1;
    }
  }
}

export const rowSpans = (
  lanes: readonly LaneRows[],
  x: ScaleTime<number, number>,
  width: number,
  columns: RowColumns | null = null,
): RowSpans => new RowSpans(lanes, x, width, columns);

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
  if (rows === null) return runNow(allLaneDensitySteps(spans, laneCount, width));
  const stride = width + 1;
  const diff = new Float32Array(laneCount * stride);
  spans.count(diff, stride, rows);
  return binsFrom(diff, laneCount, width);
}

/** `laneDensities` of every row, as steps: `runInSlices` counts a million meetings without a long task. */
export function* allLaneDensitySteps(spans: RowSpans, laneCount: number, width: number): Steps<Float32Array[]> {
  const stride = width + 1;
  const diff = new Float32Array(laneCount * stride);
  yield* spans.countAllSteps(diff, stride);
  return binsFrom(diff, laneCount, width);
}

/** Each lane's running sum of its difference array: the count in each column. */
function binsFrom(diff: Float32Array, laneCount: number, width: number): Float32Array[] {
  const stride = width + 1;
  return Array.from({ length: laneCount }, (_, lane) => {
    const bins = new Float32Array(width);
    let run = 0;
    for (let i = 0; i < width; i++) bins[i] = run += diff[lane * stride + i]!;
    return bins;
  });
}

/** The largest count in any lane and column (at least 1). */
export function densityMax(bins: readonly Float32Array[]): number {
  return bins.reduce((m, lane) => lane.reduce((a, v) => (v > a ? v : a), m), 1);
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
