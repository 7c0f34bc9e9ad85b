import { describe, expect, it } from 'vitest';
import { cadenceLanes } from '../../src/lib/data/aggregate';
import { parseDialogues } from '../../src/lib/data/dialogues';
import { addMonths, describeMedian, describeNext, trackInsights } from '../../src/lib/data/insights';
import { parsePartialDate } from '../../src/lib/data/partial-date';

const lanes = cadenceLanes(
  parseDialogues(
    [
      'id,date,status,partner,track,venue_id,topics,source_id',
      'u1,2023-03,held,US,CT,,,s',
      'u2,2024-05,held,US,CT,,,s',
      'u3,2025-08-12,held,US,CT,,,s',
      'e1,2025-07-17,held,EU,Bilateral,,,s',
      'e2,2025,planned,EU,Strategic,,,s',
      'e3,2026,planned,EU,Political,,,s',
      'a1,2025-06-27,held,AF,Talks,,,s',
      'a2,,planned,AF,Talks,,,s',
    ].join('\n'),
  ).rows,
);
const today = new Date('2026-11-21T00:00:00Z');
const byTrack = Object.fromEntries(trackInsights(lanes, today).map((i) => [i.track, i]));

describe('cadence insights', () => {
  it('gives the median interval between held meetings and the last one', () => {
    expect(byTrack.CT!.medianMonths).toBe(14.5);
    expect(byTrack.CT!.lastHeld?.id).toBe('u3');
    expect(byTrack.Bilateral!.medianMonths).toBeNull();
  });

  it('expects the next meeting from its usual interval when nothing is planned', () => {
    // Every 14.5 months after 12 Aug 2025 is late October 2026, not November (as 15 months would be).
    const before = trackInsights(lanes, new Date('2026-10-31T00:00:00Z')).find((i) => i.track === 'CT')!.next;
    expect(describeNext(before)).toBe('Oct 2026 (expected from its usual interval)');
    expect(trackInsights(lanes, new Date('2026-11-01T00:00:00Z')).find((i) => i.track === 'CT')!.next).toMatchObject({
      overdue: true,
    });
    expect(describeNext(byTrack.CT!.next)).toBe('Oct 2026 (expected from its usual interval) · overdue');
  });

  it('from a last round known only to its year, expects a year, not a month, overdue once that year has passed', () => {
    const yearOnly = cadenceLanes(
      parseDialogues(
        [
          'id,date,status,partner,track,venue_id,topics,source_id',
          'p1,2022-01-10,held,PK,Yearly,,,s',
          'p2,2023-02,held,PK,Yearly,,,s',
          'p3,2024,held,PK,Yearly,,,s',
        ].join('\n'),
      ).rows,
    );
    const next = (day: string) => trackInsights(yearOnly, new Date(day)).find((i) => i.track === 'Yearly')!.next;
    // About every 12.5 months, counted from the start of 2024 (as intervals count a year): 2025.
    expect(yearOnly[0]!.medianMonths).toBe(12.5);
    expect(next('2025-06-01T00:00:00Z')).toMatchObject({ basis: 'interval', overdue: false });
    expect(next('2025-06-01T00:00:00Z')).toMatchObject({ date: { text: '2025', precision: 'year' } });
    expect(describeNext(next('2025-12-31T00:00:00Z'))).toBe('2025 (expected from its usual interval)');
    expect(describeNext(next('2026-01-01T00:00:00Z'))).toBe('2025 (expected from its usual interval) · overdue');
  });

  it('takes a planned meeting as the next one, overdue once its period has passed', () => {
    expect(describeNext(byTrack.Strategic!.next)).toBe('2025 (planned) · overdue');
    expect(describeNext(byTrack.Political!.next)).toBe('2026 (planned)');
    expect(describeNext(byTrack.Talks!.next)).toBe('announced, no date yet');
    expect(describeNext(byTrack.Bilateral!.next)).toBe('nothing announced');
  });

  it('says the usual interval as a reader would: "1 month", "14.5 months", "—"', () => {
    expect([1, 14.5, 12, 0, null].map(describeMedian)).toEqual([
      '1 month',
      '14.5 months',
      '12 months',
      '0 months',
      '—',
    ]);
  });

  it('adds months across a year end', () => {
    expect(addMonths(parsePartialDate('2025-08-12')!, 15).text).toBe('2026-11');
    expect(addMonths(parsePartialDate('2025-12')!, 1).text).toBe('2026-01');
  });

  it.each([
    // The interval as shown, unrounded: the month the date it gives falls in.
    { from: '2025-08-12', months: 14.5, expected: '2026-10' }, // 27 Oct 2026
    { from: '2025-08-20', months: 14.5, expected: '2026-11' }, // 4 Nov 2026
    { from: '2025-08', months: 14.5, expected: '2026-10' }, // months counted from the month's start
    { from: '2025-08-01', months: 14.5, expected: '2026-10' },
    { from: '2025-08-31', months: 0.5, expected: '2025-09' },
    { from: '2025-11-16', months: 1.5, expected: '2026-01' },
    { from: '2025-11-15', months: 1.5, expected: '2025-12' },
  ])('adds $months months to $from: $expected', ({ from, months, expected }) => {
    expect(addMonths(parsePartialDate(from)!, months).text).toBe(expected);
  });
});
