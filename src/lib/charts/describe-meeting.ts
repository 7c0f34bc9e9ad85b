import { formatPartialDate } from '../data/partial-date';
import type { Dialogue } from '../data/schema';

/** A meeting in one line, for its mark's name and tooltip: "United States Counterterrorism, round 2 in Washington: held, May 2024". */
export function describeMeeting(d: Dialogue, venueName: (venueId: string) => string): string {
  const when = d.date ? formatPartialDate(d.date) : 'date not announced';
  const round = d.round !== null ? `, round ${d.round}` : '';
  const where = d.venueId !== null ? ` in ${venueName(d.venueId)}` : '';
  return `${d.partner} ${d.track}${round}${where}: ${d.status}, ${when}`;
}

/**
 * A meeting in two parts, for a line too short for describeMeeting's: its track's name, which may be
 * cut, and what tells its meetings apart, kept whole (", round 2: planned, date not announced").
 */
export function meetingParts(d: Dialogue): { name: string; which: string } {
  const when = d.date ? formatPartialDate(d.date) : 'date not announced';
  return {
    name: `${d.partner} ${d.track}`,
    which: `${d.round !== null ? `, round ${d.round}` : ''}: ${d.status}, ${when}`,
  };
}

/**
 * An interval between two held meetings in words, for the later one's name: the bracket's "14 mo" is
 * hidden from screen readers, which read it as "mo". "14 months", "1 month", "2 years", "less than a month".
 */
export function describeGap(months: number): string {
  if (months < 1) return 'less than a month';
  if (months >= 24 && months % 12 === 0) return `${months / 12} years`;
  return `${months} month${months === 1 ? '' : 's'}`;
}
