import { ascending } from 'd3-array';
import { buildColumns, countTopics, type DialogueColumns } from './columns';
import { dateOrder } from './date-order';
import { lanePartSteps, type LaneParts } from './lane-parts';
import { itemAt, pick } from './lazy-array';
import { monthsBetween } from './partial-date';
import type { Dialogue, Topic, Venue } from './schema';
import { ROWS_PER_STEP, runNow, type Steps } from './steps';

/*
 * What the charts show of the whole dataset. Each aggregation over meetings is a generator
 * (see steps.ts) working on the typed columns and the rows in date order, so a million
 * meetings aggregate in slices; the plain functions run one at once for small data and tests.
 */

/** Partners in a stable order (alphabetical), so each keeps its colour as data changes. */
export function listPartners(dialogues: readonly Dialogue[]): string[] {
  return [...new Set(dialogues.map((d) => d.partner))].sort(ascending);
}

/** The columns' rows in date order (see dateOrder), in steps. */
export const rowsByDate = (c: DialogueColumns): Steps<Uint32Array> => dateOrder(c.start, c.end);

export interface TopicCount {
  id: string;
  label: string;
  theme: string;
  /** Meetings whose record lists the topic. */
  total: number;
  /** The same count split by partner, in `partners` order, zeros included. */
  byPartner: { partner: string; count: number }[];
}

/**
 * How many meetings discussed each topic, split by partner, most frequent first.
 * A topic id that topics.csv does not define is counted under its id.
 */
export function topicFrequency(
  dialogues: readonly Dialogue[],
  topics: readonly Topic[],
  partners: readonly string[] = listPartners(dialogues),
): TopicCount[] {
  const c = buildColumns(dialogues);
  return topicCounts(c, countTopics(c, null), partners, topics);
}

/**
 * Topic counts from `countTopics` (meetings per topic and partner), most frequent first;
 * topics no counted meeting lists are left out.
 */
export function topicCounts(
  c: DialogueColumns,
  counts: Uint32Array,
  partners: readonly string[],
  topics: readonly Topic[],
): TopicCount[] {
  const byId = new Map(topics.map((t) => [t.id, t]));
  const partnerPos = partners.map((p) => c.partners.indexOf(p));
  const result: TopicCount[] = [];
  c.topics.forEach((id, t) => {
    const byPartner = partners.map((partner, j) => ({
      partner,
      count: partnerPos[j]! < 0 ? 0 : counts[t * c.partners.length + partnerPos[j]!]!,
    }));
    const total = byPartner.reduce((s, b) => s + b.count, 0);
    const topic = byId.get(id);
    if (total > 0) result.push({ id, label: topic?.label ?? id, theme: topic?.theme ?? '', total, byPartner });
  });
  return result.sort((a, b) => b.total - a.total || ascending(a.label.toLowerCase(), b.label.toLowerCase()));
}

export interface VenueSummary {
  venue: Venue;
  /** Meetings at this venue, by date. */
  meetings: Dialogue[];
  held: number;
  planned: number;
}

/** Each venue with its meetings; venues with no meeting are kept (count 0). */
export function venueSummaries(dialogues: readonly Dialogue[], venues: readonly Venue[]): VenueSummary[] {
  const c = buildColumns(dialogues);
  return runNow(venueSteps(dialogues, venues, c, runNow(rowsByDate(c))));
}

/** `venueSummaries` in steps, from the columns and the rows in date order (meetings made only when read). */
export function* venueSteps(
  dialogues: readonly Dialogue[],
  venues: readonly Venue[],
  c: DialogueColumns,
  order: Uint32Array,
): Steps<VenueSummary[]> {
  return venueSummariesOf(yield* venueRowSteps(c, order), dialogues, venues, c.venues);
}

/** Each venue's rows by date and how many of them were held, in the columns' venue order. */
export interface VenueRows {
  rows: Uint32Array[];
  held: Uint32Array;
}

/** The rows at each venue (`c.venues` order), by date; made in the worker for a packed dataset. */
export function* venueRowSteps(c: DialogueColumns, order: Uint32Array): Steps<VenueRows> {
  const count = new Uint32Array(c.venues.length);
  const held = new Uint32Array(c.venues.length);
  for (let i = 0; i < c.n; i++) {
    const v = c.venueOf[i]!;
    if (v >= 0) {
      count[v]!++;
      if (c.statusOf[i] === 0) held[v]!++;
    }
    if (i % ROWS_PER_STEP === 0) yield;
  }
  const rows = Array.from(count, (n) => new Uint32Array(n));
  count.fill(0);
  for (let k = 0; k < order.length; k++) {
    const i = order[k]!;
    const v = c.venueOf[i]!;
    if (v >= 0) rows[v]![count[v]!++] = i;
    if (k % ROWS_PER_STEP === 0) yield;
  }
  return { rows, held };
}

/** Each venue of venues.geojson with its meetings (from `VenueRows`, in the columns' venue order). */
export function venueSummariesOf(
  r: VenueRows,
  dialogues: readonly Dialogue[],
  venues: readonly Venue[],
  venueIds: readonly string[],
): VenueSummary[] {
  const index = new Map(venueIds.map((id, v) => [id, v]));
  return venues.map((venue) => {
    const v = index.get(venue.id);
    const meetings = v === undefined ? [] : pick(dialogues, r.rows[v]!);
    const held = v === undefined ? 0 : r.held[v]!;
    return { venue, meetings, held, planned: meetings.length - held };
  });
}

export interface Gap {
  from: Dialogue;
  to: Dialogue;
  /** Calendar months between the two, at the coarser of their dates' precisions. */
  months: number;
}

/** A lane's key: its partner and track. */
export const laneKey = (partner: string, track: string): string => `${partner} — ${track}`;

export interface CadenceLane {
  /** `partner — track`, unique. */
  key: string;
  partner: string;
  track: string;
  /** The lane's meetings by date, undated last. */
  meetings: Dialogue[];
  /** Where each of `meetings` is in the dialogues (and so in the columns). */
  rows: Uint32Array;
  /** Each meeting's period in ms (NaN when undated): what drawing thousands of them reads. */
  starts: Float64Array;
  ends: Float64Array;
  /** Intervals between consecutive held meetings. */
  readonly gaps: Gap[];
  /** Held meetings with a date. */
  held: number;
  lastHeld: Dialogue | null;
  /** The first planned meeting: the earliest dated one, else an undated one. */
  firstPlanned: Dialogue | null;
  /** Median months between consecutive held meetings; null with fewer than two. */
  medianMonths: number | null;
  /** From the first meeting's start to the last one's end; null when none is dated. */
  span: [Date, Date] | null;
}

/** One lane per partner and track, partners in `listPartners` order, tracks by their first meeting (see dateOrder). */
export function cadenceLanes(dialogues: readonly Dialogue[]): CadenceLane[] {
  const c = buildColumns(dialogues);
  return runNow(laneSteps(dialogues, c, runNow(rowsByDate(c)), listPartners(dialogues)));
}

/** `cadenceLanes` in steps, from the columns, the rows in date order and the partners in order. */
export function* laneSteps(
  dialogues: readonly Dialogue[],
  c: DialogueColumns,
  order: Uint32Array,
  partners: readonly string[],
): Steps<CadenceLane[]> {
  const parts = yield* lanePartSteps(c, order, partners, (i) => itemAt(dialogues, i).date);
  return lanesOf(parts, dialogues);
}

/** The lanes from their parts (lane-parts.ts): each lane's meetings made only when read. */
export function lanesOf(parts: readonly LaneParts[], dialogues: readonly Dialogue[]): CadenceLane[] {
  return parts.map((p) => {
    const meetings = pick(dialogues, p.rows);
    let gaps: Gap[] | null = null;
    return {
      key: laneKey(p.partner, p.track),
      partner: p.partner,
      track: p.track,
      meetings,
      rows: p.rows,
      starts: p.starts,
      ends: p.ends,
      // Made when asked (the timeline draws them only for a few hundred meetings): a million
      // meetings would otherwise keep a million of them.
      get gaps() {
        return (gaps ??= heldGaps(meetings));
      },
      held: p.held,
      lastHeld: p.lastHeld < 0 ? null : itemAt(dialogues, p.lastHeld),
      firstPlanned: p.firstPlanned < 0 ? null : itemAt(dialogues, p.firstPlanned),
      medianMonths: p.medianMonths,
      span: p.span ? [new Date(p.span[0]), new Date(p.span[1])] : null,
    };
  });
}

/** Gaps between consecutive held, dated meetings of one lane (meetings by date). */
function heldGaps(meetings: readonly Dialogue[]): Gap[] {
  const gaps: Gap[] = [];
  let from: Dialogue | null = null;
  for (const to of meetings) {
    if (to.status !== 'held' || !to.date) continue;
    if (from) gaps.push({ from, to, months: monthsBetween(from.date!, to.date) });
    from = to;
  }
  return gaps;
}

/** "14 mo", or "2 yr" for whole years past two; "<1 mo" within a month. */
export function formatGap(months: number): string {
  if (months < 1) return '<1 mo';
  if (months >= 24 && months % 12 === 0) return `${months / 12} yr`;
  return `${months} mo`;
}
