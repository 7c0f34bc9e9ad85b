import { ascending, median } from 'd3-array';
import type { DialogueColumns } from './columns';
import { monthsBetween, type PartialDate } from './partial-date';
import { ROWS_PER_STEP, type Steps } from './steps';

/**
 * The timeline's lanes (one per partner and track) as numbers only, from the typed columns and
 * the rows in date order: what `CadenceLane` holds but with rows for meetings. Made in the
 * worker for a packed dataset (packed-columns.ts), so the page only wraps them; on the page for
 * data it read itself (aggregate.ts: laneSteps).
 */
export interface LaneParts {
  partner: string;
  track: string;
  /** The lane's rows, by date, undated last. */
  rows: Uint32Array;
  /** Each row's period in ms (NaN when undated). */
  starts: Float64Array;
  ends: Float64Array;
  /** Held meetings with a date. */
  held: number;
  /** The last held dated meeting's row, -1 if none. */
  lastHeld: number;
  /** The first planned meeting's row (the earliest dated, else an undated one), -1 if none. */
  firstPlanned: number;
  /** Median months between consecutive held meetings; null with fewer than two. */
  medianMonths: number | null;
  /** From the first meeting's start to the last one's end (ms); null when none is dated. */
  span: [number, number] | null;
}

/**
 * One lane per partner and track, partners in `partners` order (then alphabetical), tracks by
 * their first meeting in date order. `dateOf(row)` is the row's date (null when undated).
 */
export function* lanePartSteps(
  c: DialogueColumns,
  order: Uint32Array,
  partners: readonly string[],
  dateOf: (row: number) => PartialDate | null,
): Steps<LaneParts[]> {
  // Each row's lane, numbered as first met in date order.
  const laneOfKey = new Map<number, number>();
  const laneOfRow = new Uint32Array(c.n);
  const sizes: number[] = [];
  const firstRow: number[] = [];
  for (let k = 0; k < order.length; k++) {
    const i = order[k]!;
    const key = c.partnerOf[i]! * c.tracks.length + c.trackOf[i]!;
    let lane = laneOfKey.get(key);
    if (lane === undefined) {
      laneOfKey.set(key, (lane = sizes.length));
      sizes.push(0);
      firstRow.push(i);
    }
    sizes[lane]!++;
    laneOfRow[i] = lane;
    if (k % ROWS_PER_STEP === 0) yield;
  }
  const rows = sizes.map((size) => new Uint32Array(size));
  const filled = new Uint32Array(sizes.length);
  for (let k = 0; k < order.length; k++) {
    const i = order[k]!;
    const lane = laneOfRow[i]!;
    rows[lane]![filled[lane]!++] = i;
    if (k % ROWS_PER_STEP === 0) yield;
  }
  // Lanes are numbered by their first meeting in date order: within a partner, that is their order.
  const lanes: LaneParts[] = [];
  for (let lane = 0; lane < sizes.length; lane++) {
    const first = firstRow[lane]!;
    const partner = c.partners[c.partnerOf[first]!]!;
    const track = c.tracks[c.trackOf[first]!]!;
    lanes.push(yield* laneFacts(c, partner, track, rows[lane]!, dateOf));
  }
  const rank = new Map(partners.map((p, j) => [p, j]));
  const partnerRank = (p: string) => rank.get(p) ?? partners.length;
  // A stable sort: by partner, keeping the order of first meetings.
  return lanes.sort((a, b) => partnerRank(a.partner) - partnerRank(b.partner) || ascending(a.partner, b.partner));
}

/** One lane from its rows in date order: what its meetings say of its rhythm. */
function* laneFacts(
  c: DialogueColumns,
  partner: string,
  track: string,
  rows: Uint32Array,
  dateOf: (row: number) => PartialDate | null,
): Steps<LaneParts> {
  const starts = new Float64Array(rows.length);
  const ends = new Float64Array(rows.length);
  // Months between consecutive held meetings: the median is all the lane keeps of them.
  const months: number[] = [];
  let held = 0;
  let lastHeld = -1;
  let lastHeldDate: PartialDate | null = null;
  let firstPlanned = -1;
  let lo = Infinity;
  let hi = -Infinity;
  for (let k = 0; k < rows.length; k++) {
    const i = rows[k]!;
    const start = (starts[k] = c.start[i]!);
    const end = (ends[k] = c.end[i]!);
    const dated = !Number.isNaN(start);
    if (dated) {
      lo = Math.min(lo, start);
      hi = Math.max(hi, end);
    }
    if (c.statusOf[i] === 0 && dated) {
      const date = dateOf(i)!;
      if (lastHeldDate) months.push(monthsBetween(lastHeldDate, date));
      lastHeld = i;
      lastHeldDate = date;
      held++;
    } else if (c.statusOf[i] === 1 && firstPlanned < 0) firstPlanned = i;
    if (k % ROWS_PER_STEP === 0) yield;
  }
  return {
    partner,
    track,
    rows,
    starts,
    ends,
    held,
    lastHeld,
    firstPlanned,
    medianMonths: months.length ? (median(months) ?? null) : null,
    span: lo <= hi ? [lo, hi] : null,
  };
}
