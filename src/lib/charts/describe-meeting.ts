import { formatPartialDate } from '../data/partial-date';
import type { Dialogue } from '../data/schema';

/** A meeting in one line, for its mark's name and tooltip: "United States Counterterrorism, round 2 in Washington: held, May 2024". */
export function describeMeeting(d: Dialogue, venueName: (venueId: string) => string): string {
  const when = d.date ? formatPartialDate(d.date) : 'date not announced';
  const round = d.round !== null ? `, round ${d.round}` : '';
  const where = d.venueId !== null ? ` in ${venueName(d.venueId)}` : '';
  return `${d.partner} ${d.track}${round}${where}: ${d.status}, ${when}`;
}
