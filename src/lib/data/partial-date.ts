/**
 * Dates as the sources give them: to the day, the month or only the year.
 * All arithmetic is in UTC so a date never shifts with the viewer's time zone.
 */
export type DatePrecision = 'day' | 'month' | 'year';

export interface PartialDate {
  /** The ISO 8601 text it was read from: `2025`, `2025-07` or `2025-07-17`. */
  text: string;
  precision: DatePrecision;
  /** First instant of the period (UTC). */
  start: Date;
  /** First instant after the period (UTC), so a day, month or year is [start, end). */
  end: Date;
}

const PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * The precision of `YYYY`, `YYYY-MM` or `YYYY-MM-DD` text if it is a real date, else null;
 * makes no Date and no string (it runs once per row of a large upload).
 */
export function datePrecision(text: string): DatePrecision | null {
  const n = text.length;
  if (n !== 4 && n !== 7 && n !== 10) return null;
  const digits = (from: number, count: number) => {
    let v = 0;
    for (let i = from; i < from + count; i++) {
      const c = text.charCodeAt(i) - 48;
      if (c < 0 || c > 9) return -1;
      v = v * 10 + c;
    }
    return v;
  };
  const year = digits(0, 4);
  if (year < 1000) return null;
  if (n === 4) return 'year';
  if (text.charCodeAt(4) !== 45) return null;
  const month = digits(5, 2);
  if (month < 1 || month > 12) return null;
  if (n === 7) return 'month';
  if (text.charCodeAt(7) !== 45) return null;
  const day = digits(8, 2);
  const leap = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day >= 1 && day <= DAYS[month - 1]! + (leap ? 1 : 0) ? 'day' : null;
}

/** Reads `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; returns null for anything else, including impossible dates. */
export function parsePartialDate(text: string): PartialDate | null {
  const m = PATTERN.exec(text.trim());
  if (!m) return null;
  const year = Number(m[1]);
  if (year < 1000) return null;
  if (m[2] === undefined) {
    return { text: m[0], precision: 'year', start: utc(year, 0, 1), end: utc(year + 1, 0, 1) };
  }
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  if (m[3] === undefined) {
    return { text: m[0], precision: 'month', start: utc(year, month - 1, 1), end: utc(year, month, 1) };
  }
  const day = Number(m[3]);
  const start = utc(year, month - 1, day);
  // Date.UTC rolls 2025-02-30 over to March: a real date survives the round trip.
  if (day < 1 || start.getUTCMonth() !== month - 1) return null;
  return { text: m[0], precision: 'day', start, end: utc(year, month - 1, day + 1) };
}

function utc(year: number, monthIndex: number, day: number): Date {
  // Date.UTC maps years 0–99 to 1900–1999: setUTCFullYear keeps them (never for our 4-digit years).
  if (year >= 100) return new Date(Date.UTC(year, monthIndex, day));
  const d = new Date(0);
  d.setUTCFullYear(year, monthIndex, day);
  return d;
}

/** The middle of the period: where a mark for it is centred. */
export function midpoint(d: PartialDate): Date {
  return new Date((d.start.getTime() + d.end.getTime()) / 2);
}

/** Whole calendar months from `a` to `b`, at the coarser of their precisions (year precision counts 12 a year). */
export function monthsBetween(a: PartialDate, b: PartialDate): number {
  if (a.precision === 'year' || b.precision === 'year') {
    return (b.start.getUTCFullYear() - a.start.getUTCFullYear()) * 12;
  }
  return (
    (b.start.getUTCFullYear() - a.start.getUTCFullYear()) * 12 +
    (b.start.getUTCMonth() - a.start.getUTCMonth())
  );
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `17 Jul 2025`, `Jul 2025` or `2025`: a date shown at the precision it is known to. */
export function formatPartialDate(d: PartialDate): string {
  const year = d.start.getUTCFullYear();
  const month = MONTHS[d.start.getUTCMonth()];
  if (d.precision === 'year') return String(year);
  if (d.precision === 'month') return `${month} ${year}`;
  return `${d.start.getUTCDate()} ${month} ${year}`;
}

/**
 * Whether a date touches the period `from`–`to` (as in the filters), as a meeting passes the period filter;
 * null without a period. The timeline fades the next expected meeting by it, as it fades the meetings.
 */
export function periodTest(from: string | null, to: string | null): ((date: PartialDate) => boolean) | null {
  const start = from ? parsePartialDate(from) : null;
  const end = to ? parsePartialDate(to) : null;
  return start === null && end === null ? null : (date) => overlaps(date, start, end);
}

/** Whether a meeting's period touches [from, to]: a meeting in "2025" overlaps a range from July 2025. */
function overlaps(date: PartialDate, from: PartialDate | null, to: PartialDate | null): boolean {
  return (from === null || date.end > from.start) && (to === null || date.start < to.end);
}

/**
 * A period filter in words, as every place that writes it says it (the filter chip, subtitles,
 * titles): `Mar 2023 – Aug 2025`; one year or month as both ends, `2025`; only a start, `From Mar 2024`;
 * only an end, `Until Aug 2025` (never `2024 – …`, which reads as text cut off); '' for no period.
 * Bounds are `YYYY`, `YYYY-MM` or `YYYY-MM-DD` text; one that is not a date is written as given.
 */
export function periodText(from: string | null, to: string | null): string {
  const show = (t: string) => {
    const d = parsePartialDate(t);
    return d ? formatPartialDate(d) : t;
  };
  if (from && to) return from === to ? show(from) : `${show(from)} – ${show(to)}`;
  return from ? `From ${show(from)}` : to ? `Until ${show(to)}` : '';
}
