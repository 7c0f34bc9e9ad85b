import type { CadenceLane } from './aggregate';
import { formatPartialDate, parsePartialDate, type PartialDate } from './partial-date';
import type { Dialogue } from './schema';

export interface TrackInsight {
  key: string;
  partner: string;
  track: string;
  held: number;
  /** Median months between consecutive held meetings; null with fewer than two. */
  medianMonths: number | null;
  lastHeld: Dialogue | null;
  /** The next meeting expected, if any can be said. */
  next: NextMeeting | null;
}

export type NextMeeting =
  /** A planned row with a date (the earliest). */
  | { basis: 'planned'; meeting: Dialogue; date: PartialDate; overdue: boolean }
  /** A planned row with no date announced. */
  | { basis: 'planned-undated'; meeting: Dialogue; overdue: false }
  /** Last held + median interval (unrounded), the month it falls in (the year, from a round known only to its year): the app's estimate, not announced. */
  | { basis: 'interval'; date: PartialDate; overdue: boolean };

/**
 * Per track: how regularly it meets and what is due next. A planned meeting's date is
 * overdue once its whole period has passed without a held meeting replacing it; a projected
 * date is overdue once its month has passed.
 */
export function trackInsights(lanes: readonly CadenceLane[], today: Date): TrackInsight[] {
  return lanes.map((lane) => {
    const { held, lastHeld, medianMonths, firstPlanned } = lane;
    let next: NextMeeting | null = null;
    if (firstPlanned?.date) {
      next = { basis: 'planned', meeting: firstPlanned, date: firstPlanned.date, overdue: firstPlanned.date.end <= today };
    } else if (firstPlanned) {
      next = { basis: 'planned-undated', meeting: firstPlanned, overdue: false };
    } else if (lastHeld?.date && medianMonths !== null) {
      // The median as it is shown (14.5 months), not rounded: 12 Aug 2025 + 14.5 months is late October.
      // From a round known only to its year, no month can be said: the year it leads to.
      const month = addMonths(lastHeld.date, medianMonths);
      const date =
        lastHeld.date.precision === 'year' ? parsePartialDate(month.text.slice(0, 4))! : month;
      next = { basis: 'interval', date, overdue: date.end <= today };
    }
    return { key: lane.key, partner: lane.partner, track: lane.track, held, medianMonths, lastHeld, next };
  });
}

/**
 * The month `months` (maybe a fraction) after the date falls in: from its day within its month
 * where the day is known (12 Aug + 14.5 months is 27 Oct), else from the start of its month or year,
 * as intervals are counted (monthsBetween).
 */
export function addMonths(date: PartialDate, months: number): PartialDate {
  const start = date.start;
  const y = start.getUTCFullYear();
  const m = start.getUTCMonth();
  const day = date.precision === 'day' ? (start.getUTCDate() - 1) / new Date(Date.UTC(y, m + 1, 0)).getUTCDate() : 0;
  const total = Math.floor(y * 12 + m + day + months);
  const text = `${String(Math.floor(total / 12)).padStart(4, '0')}-${String((total % 12) + 1).padStart(2, '0')}`;
  return parsePartialDate(text)!;
}

/** "2025 (planned) · overdue", "Nov 2026 (expected from its usual interval)", "announced, no date yet". */
export function describeNext(next: NextMeeting | null): string {
  if (next === null) return 'nothing announced';
  if (next.basis === 'planned-undated') return 'announced, no date yet';
  const when = formatPartialDate(next.date);
  const basis = next.basis === 'planned' ? 'planned' : 'expected from its usual interval';
  return `${when} (${basis})${next.overdue ? ' · overdue' : ''}`;
}

/** "14.5 months", "1 month" or "—". */
export const describeMedian = (months: number | null): string =>
  months === null ? '—' : `${Number.isInteger(months) ? months : months.toFixed(1)} month${months === 1 ? '' : 's'}`;
