import { formatPartialDate, type PartialDate } from './partial-date';

/**
 * How a meeting's day was read from its quote, where the quote names only a weekday ("held in
 * Islamabad on Friday") and the day is the source's: the weekday's last day up to the article's
 * date. Shown beside the date, so a viewer who checks the date against its own quote finds where it
 * comes from, not a day the article never writes. Null where the quote names no weekday, or one the
 * date is not (then it says nothing about the date), or the day is given otherwise.
 */

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;
const NAMED = new RegExp(`\\b(${WEEKDAYS.join('|')})\\b`, 'i');
const DAY_MS = 86_400_000;

export function weekdayReading(
  date: PartialDate | null,
  evidence: string,
  published: PartialDate | null | undefined,
): string | null {
  const named = NAMED.exec(evidence)?.[1];
  if (!date || date.precision !== 'day' || !named) return null;
  const weekday = WEEKDAYS[date.start.getUTCDay()]!;
  if (weekday.toLowerCase() !== named.toLowerCase()) return null;
  if (published?.precision !== 'day') return `a ${weekday}, as the quote says`;
  const daysBefore = Math.round((published.start.getTime() - date.start.getTime()) / DAY_MS);
  if (daysBefore === 0) return `a ${weekday}, the article’s own date`;
  // The article's "on Friday" is the Friday of the week it was written in: up to six days before it.
  if (daysBefore < 0 || daysBefore > 6) return null;
  return `the quote’s “${weekday}”: the ${weekday} before the article’s date, ${formatPartialDate(published)}`;
}
