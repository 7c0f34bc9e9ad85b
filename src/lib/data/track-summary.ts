import type { CadenceLane } from './aggregate';
import { formatCount } from './format-count';
import type { TrackInsight } from './insights';
import { isolate } from './isolate';
import { shownNext, type NextFilter } from './next-shown';
import { formatPartialDate, type PartialDate } from './partial-date';

/**
 * What the cadence table adds to each track's figures (loaded with the table, not the first
 * view): the meetings held as the round numbers count them, and the one line of what is due next.
 */

/**
 * Rounds held as the round numbers tell it, where that is more than the rows listed: round 10
 * held says ten were, round 7 planned says six; null when the numbers say no more than the rows.
 * A round the data lists as planned (and not as held) is not counted held, though a later one's
 * number reaches past it: round 7 planned (overdue) and round 8 planned say six, not seven. Rounds
 * not listed at all below the highest may have been held (a track's early rounds are often missing).
 */
export function heldByRound(lane: Pick<CadenceLane, 'meetings' | 'held'>): number | null {
  let most = 0;
  const held = new Set<number>();
  const planned = new Set<number>();
  // The latest meetings (lanes run by date, undated last) carry the highest rounds: only they are
  // read, as the meetings are made when read and a generated track may hold 300,000.
  const meetings = lane.meetings;
  for (let k = meetings.length - 1; k >= Math.max(0, meetings.length - LATEST); k--) {
    const m = meetings[k]!;
    if (m.round === null) continue;
    (m.status === 'held' ? held : planned).add(m.round);
    const upTo = m.status === 'held' ? m.round : m.round - 1;
    if (upTo > most) most = upTo;
  }
  let count = most;
  for (const round of planned) if (round <= most && !held.has(round)) count--;
  return count > lane.held ? count : null;
}

/** Meetings read from a track's end for its highest round. */
const LATEST = 32;

const plural = (n: number, one: string, many = `${one}s`) => `${formatCount(n)} ${n === 1 ? one : many}`;

/**
 * A track's meetings held, as its meeting's record says it: "1 held", or where the round numbers say
 * more (heldByRound), "1 held (10 by round number)"; none held in the data, "0 listed as held" (a bare
 * "0 held" read as a track that has never met). Counts with thousands separators: "15,421 held".
 */
export const heldText = (held: number, byRound: number | null): string =>
  `${held ? `${formatCount(held)} held` : '0 listed as held'}${byRound === null ? '' : ` (${formatCount(byRound)} by round number)`}`;

/**
 * A track as named in a sentence, with the round when known: "European Union · Political Dialogue".
 * Each name isolated: an Urdu partner and track would otherwise swap places and take ", round 2".
 */
const named = (i: TrackInsight) => {
  const round = i.next?.basis === 'planned' || i.next?.basis === 'planned-undated' ? i.next.meeting.round : null;
  return `${isolate(i.partner)} · ${isolate(i.track)}${round ? `, round ${round}` : ''}`;
};

/**
 * One line of what is due next: the dated meeting not yet overdue whose time runs out first
 * (Nov 2026 before "2026"), what is overdue
 * (planned rounds apart from tracks past their usual interval), and rounds announced without a date.
 * `filter`: under filters, what they leave shown; a next meeting they fade (a planned round that does
 * not match them, a month expected outside the period) is left out of every clause alike, as the
 * timeline fades it and its alt text leaves it out (under "held only", no announced round is "next");
 * one or two tracks past their usual interval are named, with the month expected ("Overdue: United
 * States · Counterterrorism Dialogue, expected about Oct 2026").
 */
export function dueNextLine(insights: readonly TrackInsight[], filter: NextFilter | null = null): string {
  let first: TrackInsight | null = null;
  let overdue = 0;
  /** Tracks past their usual interval, each with the month it led to. */
  const lapsed: [TrackInsight, PartialDate][] = [];
  const undated: TrackInsight[] = [];
  for (const i of filter ? shownNext(insights, filter) : insights) {
    const next = i.next;
    if (!next) continue;
    if (next.basis === 'planned-undated') undated.push(i);
    else if (next.overdue) {
      if (next.basis === 'planned') overdue++;
      else lapsed.push([i, next.date]);
    } else if (!first || next.date.end < (first.next as { date: { end: Date } }).date.end) first = i;
  }
  const parts: string[] = [];
  if (first && first.next && first.next.basis !== 'planned-undated') {
    const basis = first.next.basis === 'planned' ? 'planned' : 'expected from its usual interval';
    parts.push(`Due next: ${named(first)}, ${formatPartialDate(first.next.date)} (${basis}).`);
  } else {
    // Under filters a track listed may still show, in its row, a planned round that does not match them.
    parts.push(filter ? 'No upcoming meeting with a date matches the filters.' : 'Nothing dated is due ahead.');
  }
  const late = [
    overdue ? `${plural(overdue, 'planned round')}` : '',
    lapsed.length ? `${plural(lapsed.length, 'track')} past ${lapsed.length === 1 ? 'its' : 'their'} usual interval` : '',
  ].filter(Boolean);
  // Under filters, one or two such tracks are named: a track may be listed for that round alone (from Jan 2026,
  // the U.S. track, none of whose meetings is in the period), and a count left its row unexplained.
  if (filter && lapsed.length && lapsed.length <= 2) {
    const tracks = lapsed.map(([i, date]) => `${named(i)}, expected about ${formatPartialDate(date)}`);
    parts.push(`Overdue: ${[overdue ? late[0] : '', ...tracks].filter(Boolean).join('; ')}.`);
  } else if (late.length) parts.push(`Overdue: ${late.join(' and ')}.`);
  if (undated.length) {
    const shown = undated.slice(0, 2).map(named);
    const more = undated.length > 2 ? ` and ${formatCount(undated.length - 2)} more` : '';
    parts.push(`Announced with no date yet: ${shown.join('; ')}${more}.`);
  }
  return parts.join(' ');
}
