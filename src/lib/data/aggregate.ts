import { ascending, group } from 'd3-array';
import { comparePartialDates, monthsBetween } from './partial-date';
import type { Dialogue, Topic, Venue } from './schema';

/** Partners in a stable order (alphabetical), so each keeps its colour as data changes. */
export function listPartners(dialogues: readonly Dialogue[]): string[] {
  return [...new Set(dialogues.map((d) => d.partner))].sort(ascending);
}

/**
 * Meetings in date order (as compareByDate), sorted on numeric keys read once per meeting:
 * a million meetings sort in a fraction of a second instead of several.
 */
export function sortByDate(meetings: readonly Dialogue[]): Dialogue[] {
  const n = meetings.length;
  const start = new Float64Array(n);
  const end = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const d = meetings[i]!.date;
    start[i] = d ? d.start.getTime() : Infinity;
    end[i] = d ? d.end.getTime() : Infinity;
  }
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort((a, b) => start[a]! - start[b]! || end[a]! - end[b]! || ascending(meetings[a]!.id, meetings[b]!.id));
  return order.map((i) => meetings[i]!);
}

/** Dated meetings by date, undated (planned, no date yet) last, ties by id. */
export function compareByDate(a: Dialogue, b: Dialogue): number {
  if (a.date && b.date) return comparePartialDates(a.date, b.date) || ascending(a.id, b.id);
  if (a.date) return -1;
  if (b.date) return 1;
  return ascending(a.id, b.id);
}

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
export function topicFrequency(dialogues: readonly Dialogue[], topics: readonly Topic[], partners: readonly string[] = listPartners(dialogues)): TopicCount[] {
  const byId = new Map(topics.map((t) => [t.id, t]));
  const counts = new Map<string, Map<string, number>>();
  for (const d of dialogues) {
    for (const t of d.topics) {
      let perPartner = counts.get(t);
      if (!perPartner) counts.set(t, (perPartner = new Map()));
      perPartner.set(d.partner, (perPartner.get(d.partner) ?? 0) + 1);
    }
  }
  return [...counts]
    .map(([id, perPartner]) => {
      const topic = byId.get(id);
      const byPartner = partners.map((partner) => ({ partner, count: perPartner.get(partner) ?? 0 }));
      return { id, label: topic?.label ?? id, theme: topic?.theme ?? '', total: byPartner.reduce((s, p) => s + p.count, 0), byPartner };
    })
    .sort((a, b) => b.total - a.total || ascending(a.label.toLowerCase(), b.label.toLowerCase()));
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
  const byVenue = group(dialogues, (d) => d.venueId);
  return venues.map((venue) => {
    const meetings = sortByDate(byVenue.get(venue.id) ?? []);
    const held = meetings.filter((m) => m.status === 'held').length;
    return { venue, meetings, held, planned: meetings.length - held };
  });
}

export interface Gap {
  from: Dialogue;
  to: Dialogue;
  /** Calendar months between the two, at the coarser of their dates' precisions. */
  months: number;
}

export interface CadenceLane {
  /** `partner — track`, unique. */
  key: string;
  partner: string;
  track: string;
  /** The lane's meetings by date, undated last. */
  meetings: Dialogue[];
  /** Intervals between consecutive held meetings. */
  gaps: Gap[];
}

/** One lane per partner and track, partners in `listPartners` order, tracks by their first meeting. */
export function cadenceLanes(dialogues: readonly Dialogue[]): CadenceLane[] {
  const byPartner = group(
    dialogues,
    (d) => d.partner,
    (d) => d.track,
  );
  const lanes: CadenceLane[] = [];
  for (const partner of listPartners(dialogues)) {
    const partnerLanes = [...byPartner.get(partner)!].map(([track, rows]) => {
      const meetings = sortByDate(rows);
      return { key: `${partner} — ${track}`, partner, track, meetings, gaps: heldGaps(meetings) };
    });
    partnerLanes.sort((a, b) => compareByDate(a.meetings[0]!, b.meetings[0]!) || ascending(a.track, b.track));
    lanes.push(...partnerLanes);
  }
  return lanes;
}

/** Gaps between consecutive held, dated meetings of one track (input sorted by date). */
export function heldGaps(meetings: readonly Dialogue[]): Gap[] {
  const held = meetings.filter((m) => m.status === 'held' && m.date !== null);
  const gaps: Gap[] = [];
  for (let i = 1; i < held.length; i++) {
    const from = held[i - 1]!;
    const to = held[i]!;
    gaps.push({ from, to, months: monthsBetween(from.date!, to.date!) });
  }
  return gaps;
}

/** "14 mo", or "2 yr" for whole years past two; "<1 mo" within a month. */
export function formatGap(months: number): string {
  if (months < 1) return '<1 mo';
  if (months >= 24 && months % 12 === 0) return `${months / 12} yr`;
  return `${months} mo`;
}
