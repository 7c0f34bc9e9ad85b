import { describe, expect, it } from 'vitest';
import { trackInsights } from '../../src/lib/data/insights';
import { nextShown } from '../../src/lib/data/next-shown';
import { periodTest } from '../../src/lib/data/partial-date';
import type { Dialogue } from '../../src/lib/data/schema';
import { dueNextLine, heldByRound } from '../../src/lib/data/track-summary';
import { bundledViews } from '../component/data';

const { lanes } = bundledViews();
const lane = (track: string) => lanes.find((l) => l.track === track)!;

describe('what the cadence table adds', () => {
  it('counts the rounds held as their numbers tell it, where that is more than the rows listed', () => {
    expect(heldByRound(lane('Bilateral Dialogue'))).toBe(10); // the 10th held; 1 row
    expect(heldByRound(lane('Strategic Dialogue'))).toBe(6); // the 7th planned; no row held
    expect(heldByRound(lane('Migration and Mobility Dialogue'))).toBe(2);
    expect(heldByRound(lane('Additional Secretary-level talks'))).toBeNull(); // round 1 held, listed
    expect(heldByRound(lane('Counterterrorism Dialogue'))).toBeNull(); // no round numbers
  });

  it('does not count as held a round the data lists as planned, though a later planned round numbers past it', () => {
    // Only what heldByRound reads of a meeting: its status and round.
    const track = (...rows: [Dialogue['status'], number | null][]) => {
      const meetings = rows.map(([status, round]) => ({ status, round }) as Dialogue);
      return { meetings, held: meetings.filter((m) => m.status === 'held').length };
    };
    // China's Counter-terrorism Consultations: rounds 1–6 held, 7 planned (overdue), 8 planned. Was
    // "6 listed · 7 by round number": round 8 planned read as seven held.
    const six = [1, 2, 3, 4, 5, 6].map((r) => ['held', r] as ['held', number]);
    expect(heldByRound(track(...six, ['planned', 7], ['planned', 8]))).toBeNull();
    // Round 4 not listed: it may have been held, round 7 may not.
    const five = six.filter(([, r]) => r !== 4);
    expect(heldByRound(track(...five, ['planned', 7], ['planned', 8]))).toBe(6);
    // A planned round below a held one is still not counted; listed held too (a row each), it is.
    expect(heldByRound(track(['held', 1], ['planned', 3], ['held', 5]))).toBe(4);
    expect(heldByRound(track(['held', 1], ['planned', 3], ['held', 3], ['held', 5]))).toBe(5);
    // Planned rounds only: round 9 planned and round 8 planned say seven held.
    expect(heldByRound(track(['planned', 8], ['planned', 9]))).toBe(7);
    expect(heldByRound(track(['planned', 1]))).toBeNull();
  });

  it('says in one line what is due next, what is overdue and what is announced without a date', () => {
    expect(dueNextLine(trackInsights(lanes, new Date('2026-06-01T00:00:00Z')))).toBe(
      'Due next: United States · Counterterrorism Dialogue, Oct 2026 (expected from its usual interval). Overdue: 2 planned rounds. Announced with no date yet: Afghanistan · Additional Secretary-level talks, round 2.',
    );
    // Past October the US track is past its interval (12 Aug 2025 + 14.5 months): the year-long "2026" is what is due.
    expect(dueNextLine(trackInsights(lanes, new Date('2026-12-05T00:00:00Z')))).toMatch(
      /^Due next: European Union · Political Dialogue, 2026 \(planned\)\. Overdue: 2 planned rounds and 1 track past its usual interval\./,
    );
    expect(dueNextLine(trackInsights(lanes, new Date('2027-03-01T00:00:00Z')))).toBe(
      'Nothing dated is due ahead. Overdue: 3 planned rounds and 1 track past its usual interval. Announced with no date yet: Afghanistan · Additional Secretary-level talks, round 2.',
    );
  });

  it('under filters, names only the planned rounds that match them, in every clause', () => {
    const insights = trackInsights(lanes, new Date('2026-06-01T00:00:00Z'));
    const held = new Set(lanes.flatMap((l) => l.meetings.filter((m) => m.status === 'held').map((m) => m.id)));
    const line = dueNextLine(insights, { matches: (id) => held.has(id), inPeriod: null });
    expect(line).not.toContain('Announced with no date yet');
    expect(line).not.toContain('Overdue: 2 planned rounds');
    expect(line).toMatch(/^Due next: United States · Counterterrorism Dialogue, Oct 2026 \(expected/);
    // With nothing matching ahead, it says so of the matching meetings: a track's row still shows its
    // planned round ("2026 (planned)"), which a bare "Nothing dated is due ahead" contradicted.
    const later = trackInsights(lanes, new Date('2027-03-01T00:00:00Z'));
    expect(dueNextLine(later, { matches: (id) => held.has(id), inPeriod: null })).toMatch(
      /^No upcoming meeting with a date matches the filters\./,
    );
  });

  it('under a period, leaves out a track whose expected month lies outside it, as the timeline fades that mark', () => {
    const insights = trackInsights(lanes, new Date('2026-12-07T00:00:00Z'));
    // Every meeting matches; the U.S. track's next, expected Oct 2026, is past Nov 2025.
    const all = { matches: () => true, inPeriod: periodTest('2024-12', '2025-11') };
    const line = dueNextLine(insights, all);
    expect(line).not.toContain('usual interval');
    expect(line).toContain('Overdue: 2 planned rounds.');
    // The chart and the alt text ask the same question of each track's next meeting.
    const us = insights.find((i) => i.track === 'Counterterrorism Dialogue')!;
    expect(nextShown(us.next!, all)).toBe(false);
    expect(nextShown(us.next!, { matches: () => true, inPeriod: periodTest('2025-01', null) })).toBe(true);
  });
});
