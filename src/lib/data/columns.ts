import { parsePartialDate } from './partial-date';
import type { Filters } from './filters';
import type { Dialogue } from './schema';
import { ROWS_PER_STEP, runNow, type Steps } from './steps';

/**
 * The meetings as typed columns, built once per dataset, so a filter change is a pass over
 * numbers rather than objects: 100,000 meetings filter and count in a couple of milliseconds.
 */
export interface DialogueColumns {
  n: number;
  partners: string[];
  partnerOf: Uint32Array;
  tracks: string[];
  trackOf: Uint32Array;
  /** 0 held, 1 planned. */
  statusOf: Uint8Array;
  venues: string[];
  /** Index into `venues`, or -1 for no venue. */
  venueOf: Int32Array;
  topics: string[];
  /** Meeting i's topics are `topicIds[topicStart[i] .. topicStart[i + 1])`. */
  topicStart: Uint32Array;
  topicIds: Uint32Array;
  /** Period of the date in ms since the epoch; NaN when undated. */
  start: Float64Array;
  end: Float64Array;
  /** For each topic, the rows that list it, ascending: a topic filter visits only these. */
  rowsByTopic: Uint32Array[];
}

/** The meetings that pass the filters: their rows, ascending. */
export interface Selection {
  rows: Uint32Array;
}

export const buildColumns = (dialogues: readonly Dialogue[]): DialogueColumns => runNow(columnSteps(dialogues));

/** The columns, built in steps (see steps.ts). */
export function* columnSteps(dialogues: readonly Dialogue[]): Steps<DialogueColumns> {
  const n = dialogues.length;
  const partnerIndex = new Map<string, number>();
  const trackIndex = new Map<string, number>();
  const venueIndex = new Map<string, number>();
  const topicIndex = new Map<string, number>();
  const indexOf = (map: Map<string, number>, key: string) => {
    let i = map.get(key);
    if (i === undefined) map.set(key, (i = map.size));
    return i;
  };
  const partnerOf = new Uint32Array(n);
  const trackOf = new Uint32Array(n);
  const statusOf = new Uint8Array(n);
  const venueOf = new Int32Array(n);
  const topicStart = new Uint32Array(n + 1);
  const start = new Float64Array(n);
  const end = new Float64Array(n);
  let topicCount = 0;
  for (const d of dialogues) topicCount += d.topics.length;
  const topicIds = new Uint32Array(topicCount);
  let k = 0;
  for (let i = 0; i < n; i++) {
    const d = dialogues[i]!;
    partnerOf[i] = indexOf(partnerIndex, d.partner);
    trackOf[i] = indexOf(trackIndex, d.track);
    statusOf[i] = d.status === 'held' ? 0 : 1;
    venueOf[i] = d.venueId === null ? -1 : indexOf(venueIndex, d.venueId);
    topicStart[i] = k;
    for (const t of d.topics) topicIds[k++] = indexOf(topicIndex, t);
    start[i] = d.date ? d.date.start.getTime() : NaN;
    end[i] = d.date ? d.date.end.getTime() : NaN;
    if (i % ROWS_PER_STEP === 0) yield;
  }
  topicStart[n] = k;
  const perTopic = new Uint32Array(topicIndex.size);
  for (let j = 0; j < k; j++) perTopic[topicIds[j]!]!++;
  const rowsByTopic = Array.from(perTopic, (count) => new Uint32Array(count));
  perTopic.fill(0);
  for (let i = 0; i < n; i++) {
    for (let j = topicStart[i]!; j < topicStart[i + 1]!; j++) {
      const t = topicIds[j]!;
      rowsByTopic[t]![perTopic[t]!++] = i;
    }
    if (i % ROWS_PER_STEP === 0) yield;
  }
  return {
    rowsByTopic,
    n,
    partners: [...partnerIndex.keys()],
    partnerOf,
    tracks: [...trackIndex.keys()],
    trackOf,
    statusOf,
    venues: [...venueIndex.keys()],
    venueOf,
    topics: [...topicIndex.keys()],
    topicStart,
    topicIds,
    start,
    end,
  };
}

/**
 * The meetings that pass the filters (same rules as `matcher`). With a topic filter only the
 * rows listing those topics are visited, so a narrow filter costs little whatever the total.
 */
export function filterRows(c: DialogueColumns, f: Filters): Selection {
  const wanted = (names: string[], list: readonly string[]) => {
    if (list.length === 0) return null;
    const set = new Set(list);
    return Uint8Array.from(names, (name) => (set.has(name) ? 1 : 0));
  };
  const partners = wanted(c.partners, f.partners);
  const venues = wanted(c.venues, f.venues);
  const status = f.status === 'all' ? -1 : f.status === 'held' ? 0 : 1;
  const from = f.from ? (parsePartialDate(f.from)?.start.getTime() ?? null) : null;
  const to = f.to ? (parsePartialDate(f.to)?.end.getTime() ?? null) : null;
  const ranged = from !== null || to !== null;
  const passes = (i: number) => {
    if (partners && !partners[c.partnerOf[i]!]) return false;
    if (status !== -1 && c.statusOf[i] !== status) return false;
    if (venues) {
      const v = c.venueOf[i]!;
      if (v < 0 || !venues[v]) return false;
    }
    if (ranged) {
      const s = c.start[i]!;
      if (Number.isNaN(s)) return false;
      if (from !== null && c.end[i]! <= from) return false;
      if (to !== null && s >= to) return false;
    }
    return true;
  };
  // Without other criteria every candidate passes: no test a row (a topic alone at a million rows).
  const only = partners === null && venues === null && status === -1 && !ranged;
  if (f.topics.length > 0) {
    // Candidates: the rows listing any chosen topic (postings are sorted), then the other criteria.
    const postings = f.topics.map((t) => c.topics.indexOf(t)).filter((j) => j >= 0).map((j) => c.rowsByTopic[j]!);
    let candidates: Uint32Array;
    if (postings.length === 1) candidates = postings[0]!;
    else {
      const all = new Uint32Array(postings.reduce((n, p) => n + p.length, 0));
      let k = 0;
      for (const p of postings) all.set(p, (k += p.length) - p.length);
      all.sort();
      candidates = all;
    }
    if (only && postings.length === 1) return { rows: candidates.slice() };
    const rows = new Uint32Array(candidates.length);
    let k = 0;
    let previous = -1;
    for (let q = 0; q < candidates.length; q++) {
      const i = candidates[q]!;
      if (i === previous) continue; // a row listing two chosen topics
      previous = i;
      if (only || passes(i)) rows[k++] = i;
    }
    return { rows: rows.slice(0, k) };
  }
  const rows = new Uint32Array(c.n);
  if (only) {
    for (let i = 0; i < c.n; i++) rows[i] = i;
    return { rows };
  }
  let k = 0;
  for (let i = 0; i < c.n; i++) if (passes(i)) rows[k++] = i;
  return { rows: rows.slice(0, k) };
}

/** Meetings per topic and partner among the given rows (all when null): `counts[topic * partners + partner]`. */
export function countTopics(c: DialogueColumns, rows: Uint32Array | null): Uint32Array {
  const p = c.partners.length;
  const counts = new Uint32Array(c.topics.length * p);
  const count = (i: number) => {
    const partner = c.partnerOf[i]!;
    for (let k = c.topicStart[i]!; k < c.topicStart[i + 1]!; k++) counts[c.topicIds[k]! * p + partner]!++;
  };
  if (rows) for (let k = 0; k < rows.length; k++) count(rows[k]!);
  else for (let i = 0; i < c.n; i++) count(i);
  return counts;
}

/**
 * What the header, the map and the cadence table count among some rows, in one pass over them
 * (a filter change at a million rows makes one pass, not one per count).
 */
export interface RowTally {
  held: number;
  planned: number;
  /** Per venue (as in `venues`): held and planned meetings. */
  venueHeld: Uint32Array;
  venuePlanned: Uint32Array;
  /** Per partner × track (`partner * tracks.length + track`): 1 when a row has that lane. */
  lanes: Uint8Array;
}

export function tallyRows(c: DialogueColumns, rows: Uint32Array): RowTally {
  const venueHeld = new Uint32Array(c.venues.length);
  const venuePlanned = new Uint32Array(c.venues.length);
  const tracks = c.tracks.length;
  const lanes = new Uint8Array(c.partners.length * tracks);
  let planned = 0;
  for (let k = 0; k < rows.length; k++) {
    const i = rows[k]!;
    const status = c.statusOf[i]!;
    planned += status;
    lanes[c.partnerOf[i]! * tracks + c.trackOf[i]!] = 1;
    const v = c.venueOf[i]!;
    if (v < 0) continue;
    if (status === 0) venueHeld[v]!++;
    else venuePlanned[v]!++;
  }
  return { held: rows.length - planned, planned, venueHeld, venuePlanned, lanes };
}

/** The rows in both ascending lists, ascending: one merge, no mask of every row. */
export function commonRows(a: Uint32Array, b: Uint32Array): Uint32Array {
  const out = new Uint32Array(Math.min(a.length, b.length));
  let [i, j, k] = [0, 0, 0];
  while (i < a.length && j < b.length) {
    const [x, y] = [a[i]!, b[j]!];
    if (x === y) {
      out[k++] = x;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return out.subarray(0, k);
}

/** Meetings held and planned at a venue among some rows. */
export interface VenueTally {
  meetings: number;
  held: number;
  planned: number;
}

/** For each venue with a meeting among the given rows, how many there are, held and planned. */
export const venueTallies = (c: DialogueColumns, rows: Uint32Array): Map<string, VenueTally> =>
  venueTalliesOf(c, tallyRows(c, rows));

/** `venueTallies` from a tally of the rows. */
export function venueTalliesOf(c: DialogueColumns, t: RowTally): Map<string, VenueTally> {
  const tallies = new Map<string, VenueTally>();
  for (let v = 0; v < c.venues.length; v++) {
    const [held, planned] = [t.venueHeld[v]!, t.venuePlanned[v]!];
    if (held + planned) tallies.set(c.venues[v]!, { meetings: held + planned, held, planned });
  }
  return tallies;
}

/** The ids of venues with a meeting in a tally of rows, in the order of `venues` (as `venuesOf`). */
export function venueIdsOf(c: DialogueColumns, t: RowTally): Set<string> {
  const ids = new Set<string>();
  for (let v = 0; v < c.venues.length; v++) if (t.venueHeld[v]! + t.venuePlanned[v]!) ids.add(c.venues[v]!);
  return ids;
}

/** The ids of venues with at least one meeting among the given rows. */
export function venuesOf(c: DialogueColumns, rows: ArrayLike<number>): Set<string> {
  const seen = new Uint8Array(c.venues.length);
  for (let k = 0; k < rows.length; k++) {
    const v = c.venueOf[rows[k]!]!;
    if (v >= 0) seen[v] = 1;
  }
  const ids = new Set<string>();
  seen.forEach((s, v) => {
    if (s) ids.add(c.venues[v]!);
  });
  return ids;
}
