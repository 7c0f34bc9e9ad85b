import { datePrecision } from '../data/partial-date';
import type { Problem } from '../data/problems';
import type { PartialDateLines } from '../data/tool-written-cells';

/**
 * Dates as spreadsheets write them in forms the app cannot read (17/07/2025, 07/17/2025,
 * 2025/07/17, 17-07-2025, a time of day), explained to an upload: each such date's problem says what to write instead, and the
 * file is told once how to fix them all. Added by the upload's check (in the worker and the
 * validator), not by the readers: the page reads the published data with them too, and this
 * advice has no place in its first download.
 */

const WITH_TIME = /^(\d{4}-\d{2}-\d{2})[ T]\d{1,2}:\d{2}/;
/** 17/07/2025, 07.17.2025, and LibreOffice's and Excel's short forms with a two-digit year (02/14/23). */
const SLASHED = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})$/;
/** Excel's dd-mm-yyyy (Dutch settings): 17-07-2025. A full year only: 25-03-07 could as well be year first. */
const DASHED = /^(\d{1,2})-(\d{1,2})-(\d{4})$/;
/** A date with the day or month first, slashed, dotted or dashed: [, first, second, year]. */
const dayMonthYear = (text: string) => SLASHED.exec(text) ?? DASHED.exec(text);
/**
 * The year first, as Excel writes dates in Japanese or Chinese settings (2025/07/17, 2025/7/17, a
 * month 2025/07) and in Korean or Hungarian ones (2025.07.17, 2025. 07. 17.): always year, month, day.
 */
const YEAR_SLASHED = /^(\d{4})\/(\d{1,2})(?:\/(\d{1,2}))?$/;
/** Dotted, a month alone needs two digits: 2025.1 may be a number shown short (2025.10, October). */
const YEAR_DOTTED = /^(\d{4})\. ?(\d{1,2})(?:\. ?(\d{1,2}))?\.?$/;
const yearFirst = (text: string) => {
  const m = YEAR_SLASHED.exec(text) ?? YEAR_DOTTED.exec(text);
  return m && (m[3] !== undefined || m[2]!.length === 2 || text[4] === '/') ? m : null;
};
/**
 * Year, month and day with no separators (20250717): what Excel shows for a date formatted
 * yyyymmdd, or a number typed so. Read only as a real date from 1900 to 2199; no day-first or
 * month-first form of eight digits reads as one (its fifth and sixth digits, 19, 20 or 21, are no month).
 */
const COMPACT = /^((?:19|2\d)\d{2})(\d{2})(\d{2})$/;
const compactDay = (text: string) => {
  const m = COMPACT.exec(text);
  const written = m ? `${m[1]}-${m[2]}-${m[3]}` : '';
  return m && Number(m[1]) < 2200 && datePrecision(written) === 'day' ? written : null;
};
/** A month by name, as Excel shows dates formatted mmm-yy or d-mmm-yyyy: Mar-23, March 2023, 17-Jul-2025. */
const NAMED = /^(?:(\d{1,2})[-\s])?([A-Za-z]{3,9})\.?[-\s,]+(\d{4}|\d{2})$/;
/** The month first in words, as American dates are written out: Jul 17, 2025. */
const US_LONG = /^([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})$/;
/** The app's order with a month or day of one digit (2025-6-27), as a script or a hand may write it. */
const UNPADDED = /^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$/;
const unpadded = (text: string) => {
  const m = UNPADDED.exec(text);
  return m && (m[2]!.length === 1 || m[3]?.length === 1) ? m : null;
};
/** A two-digit year as spreadsheets read it for these dialogues: this century. */
const fullYear = (y: string) => (y.length === 2 ? `20${y}` : y);
/** Excel's day numbers from 1955 to 2118: five digits, none a year. */
const SERIAL = /^([2-7]\d{4})(?:\.0+)?$/;
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** A month's number from its name or an abbreviation of it (Jul, Sept, July); 0 for any other word. */
function monthNumber(word: string): number {
  const w = word.toLowerCase();
  return MONTHS.findIndex((name) => name.toLowerCase().startsWith(w.length > 3 ? w : w.slice(0, 3))) + 1;
}

const iso = (y: string, month: number, day: number) =>
  `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

/** Which way round a file writes its slashed dates, when its unambiguous ones agree: and the first such, to name. */
export type FileOrder = { order: 'day' | 'month'; line: number; value: string };

/** A slashed date's reading(s): day/month, month/day, both or neither real. */
function readings(m: RegExpExecArray) {
  const [a, b, y] = [Number(m[1]), Number(m[2]), fullYear(m[3]!)];
  const dayFirst = iso(y, b, a);
  const monthFirst = iso(y, a, b);
  return {
    a,
    b,
    dayFirst,
    monthFirst,
    day: datePrecision(dayFirst) === 'day',
    month: datePrecision(monthFirst) === 'day',
  };
}

/**
 * What to write instead of a date the app cannot read, when it is a common spreadsheet form;
 * else null. An ambiguous one (05/07/2025) follows `order`, the way the file's other dates are
 * written, when they all agree.
 */
export function dateHint(text: string, order?: FileOrder, partial: PartialDateLines = {}): string | null {
  const short = unpadded(text);
  if (short) {
    const written = short[3]
      ? iso(short[1]!, Number(short[2]), Number(short[3]))
      : iso(short[1]!, Number(short[2]), 1).slice(0, 7);
    return datePrecision(written) ? `Write ${written}.` : null;
  }
  const timed = WITH_TIME.exec(text);
  if (timed && datePrecision(timed[1]!) === 'day') return `Keep the date only: ${timed[1]}.`;
  const serial = SERIAL.exec(text);
  if (serial) {
    // Excel counts days from 30 December 1899: a date column shown as General or Number.
    const day = excelDay(Number(serial[1]));
    // Formatting the whole column would turn its years alone into 1905 dates (see spreadsheetDatesFix).
    return partial.year || partial.month
      ? `It looks like a spreadsheet’s day number, which is ${day}: write ${day}, or format the cells with a full date (not those with a year or a month alone) as yyyy-mm-dd and save again.`
      : `It looks like a spreadsheet’s day number, which is ${day}: format the column as a date (yyyy-mm-dd) and save again, or write ${day}.`;
  }
  const us = US_LONG.exec(text);
  if (us) {
    const month = monthNumber(us[1]!);
    const written = month > 0 ? iso(us[3]!, month, Number(us[2])) : '';
    return month > 0 && datePrecision(written) === 'day' ? `It names the month in words: write ${written}.` : null;
  }
  const named = NAMED.exec(text);
  if (named) {
    const month = monthNumber(named[2]!);
    if (month === 0) return null;
    const written = named[1]
      ? iso(fullYear(named[3]!), month, Number(named[1]))
      : iso(fullYear(named[3]!), month, 1).slice(0, 7);
    return datePrecision(written) ? `It names the month in words: write ${written}.` : null;
  }
  const year = yearFirst(text);
  if (year) {
    const written = year[3]
      ? iso(year[1]!, Number(year[2]), Number(year[3]))
      : iso(year[1]!, Number(year[2]), 1).slice(0, 7);
    const order = year[3] ? 'year/month/day' : 'year/month';
    return datePrecision(written) ? `It reads as ${order}: write ${written}.` : null;
  }
  const compact = compactDay(text);
  if (compact) return `It reads as year, month and day: write ${compact}.`;
  const m = dayMonthYear(text);
  if (!m) return null;
  const { a, b, dayFirst, monthFirst, day, month } = readings(m);
  if (day && (!month || a === b)) return `It reads as day/month/year: write ${dayFirst}.`;
  if (month && !day) return `It reads as month/day/year: write ${monthFirst}.`;
  if (day && month) {
    if (order) {
      const like = `like the file’s other dates (line ${order.line}: ${order.value})`;
      return order.order === 'day'
        ? `It reads as day/month/year, ${like}: write ${dayFirst}.`
        : `It reads as month/day/year, ${like}: write ${monthFirst}.`;
    }
    return `It could be ${a} ${MONTHS[b - 1]} or ${b} ${MONTHS[a - 1]}: write ${dayFirst} or ${monthFirst}.`;
  }
  return null;
}

/** The way a file's slashed dates run, from those that can be read only one way; undefined when none can or they disagree. */
function fileOrder(problems: readonly Problem[], file: string): FileOrder | undefined {
  let found: FileOrder | undefined;
  for (const p of problems) {
    if (p.file !== file || !p.column || !DATE_COLUMNS.has(p.column) || !p.value) continue;
    const m = dayMonthYear(p.value);
    if (!m) continue;
    const { day, month } = readings(m);
    if (day === month) continue;
    const order = day ? 'day' : 'month';
    if (found && found.order !== order) return undefined;
    found ??= { order, line: p.line ?? 0, value: p.value };
  }
  return found;
}

export const SPREADSHEET_DATES_FIX =
  'This file’s dates are written as a spreadsheet shows them. To fix them all at once: in the spreadsheet, format the date column as yyyy-mm-dd (Excel: Format Cells › Custom; LibreOffice: Format Cells › Date), then save as CSV UTF-8 and upload again.';

/** The date Excel shows for its day number `n` (it counts from 30 December 1899). */
const excelDay = (n: number) => new Date(Date.UTC(1899, 11, 30) + n * 86_400_000).toISOString().slice(0, 10);

/**
 * How to fix every date written as a spreadsheet shows it: {@link SPREADSHEET_DATES_FIX}, or, in
 * a file that also has dates known only to a year or a month, to format only the full dates. A
 * year alone is a number to a spreadsheet, so formatting the whole column as yyyy-mm-dd would
 * turn 2025 into day 2025 of its count, 1905-07-17 (and 2025-03 into 2025-03-01), and the file
 * would then load without an error.
 */
export function spreadsheetDatesFix(partial: PartialDateLines = {}): string {
  const { year, month } = partial;
  if (!year && !month) return SPREADSHEET_DATES_FIX;
  const kept = [
    year && `a year alone (line ${year.line}: ${year.value})`,
    month && `a year and month (line ${month.line}: ${month.value})`,
  ].filter(Boolean);
  const become = [
    year && `the year ${year.value} as ${excelDay(Number(year.value))}`,
    month && `${month.value} as ${month.value}-01`,
  ].filter(Boolean);
  const text = year?.value ?? month!.value;
  return (
    'This file’s dates are written as a spreadsheet shows them. To fix them all at once: in the spreadsheet, select only the cells with a full date (day, month and year) and format them as yyyy-mm-dd (Excel: Format Cells › Custom; LibreOffice: Format Cells › Date), then save as CSV UTF-8 and upload again. ' +
    `Keep the cells with ${kept.join(' or ')} as they are, or type them as text (an apostrophe first: '${text}): formatted as dates, a spreadsheet shows ${become.join(' and ')}.`
  );
}

/** Added where the file has a date known only to its month (Mar-23, 2023/03): the format above would make it the 1st. */
export const MONTH_ONLY_CAUTION =
  ' A date known only to its month (shown as Mar-23 or 2023/03) would become the 1st of that month: write those as 2023-03 by hand, and a year alone as 2023.';

/** Dates in a form a spreadsheet shows (not a time of day or a day number, which say what they are). */
const SPREADSHEET_FORM = {
  test: (text: string) =>
    dayMonthYear(text) !== null || yearFirst(text) !== null || NAMED.test(text) || US_LONG.test(text),
};

/** A date a spreadsheet shows known only to its month (Mar-23, 2023/03): formatted yyyy-mm-dd, it becomes the 1st. */
function isMonthOnly(text: string): boolean {
  const named = NAMED.exec(text);
  const year = yearFirst(text);
  return (named !== null && named[1] === undefined) || (year !== null && year[3] === undefined);
}

/** The columns whose unread dates get a hint: a meeting's date, a source's published date. */
const DATE_COLUMNS = new Set(['date', 'published']);

/**
 * Why a date written the app's way (YYYY-MM or YYYY-MM-DD) is still no date: "February 2025 has
 * 28 days", "there is no month 13"; null for any other text. The format is right, so "expected
 * YYYY-MM-DD" would send the analyst looking in the wrong place.
 */
export function impossibleDate(text: string): string | null {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(text.trim());
  if (!m) return null;
  const [year, month] = [Number(m[1]), Number(m[2])];
  if (month < 1 || month > 12) return `there is no month ${month}`;
  if (m[3] === undefined) return null;
  const day = Number(m[3]);
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day >= 1 && day <= days) return null;
  const name = new Date(Date.UTC(year, month - 1, 1)).toLocaleString('en', { month: 'long', timeZone: 'UTC' });
  return day < 1 ? 'no month has a day 0' : `${name} ${year} has ${days} days`;
}

/**
 * Why a date in a spreadsheet's form that no reading makes real is no date (31/02/2025, 02/31/2025,
 * 29/02/2025, 31-02-2025, 2025/02/30, 2025-2-30, 31-Feb-2025): the reason its one reading with a real month fails, as
 * {@link impossibleDate} gives it ("February 2025 has 28 days"); null where no reading has a real
 * month (31/13/2025), or two do, or it is not such a date.
 */
export function impossibleSpreadsheetDate(text: string): string | null {
  const days: string[] = [];
  const reading = (y: string, month: number, day: number) => {
    if (month >= 1 && month <= 12) days.push(iso(y, month, day));
  };
  const short = unpadded(text) ?? yearFirst(text);
  const slashed = dayMonthYear(text);
  const named = NAMED.exec(text);
  const us = US_LONG.exec(text);
  if (short?.[3]) reading(short[1]!, Number(short[2]), Number(short[3]));
  else if (slashed) {
    const [a, b, y] = [Number(slashed[1]), Number(slashed[2]), fullYear(slashed[3]!)];
    reading(y, b, a);
    if (a !== b) reading(y, a, b);
  } else if (named?.[1]) reading(fullYear(named[3]!), monthNumber(named[2]!), Number(named[1]));
  else if (us) reading(us[3]!, monthNumber(us[1]!), Number(us[2]));
  return days.length === 1 ? impossibleDate(days[0]!) : null;
}

/**
 * An upload's problems with what to write added to each unread date in a spreadsheet's form,
 * and, after the first date written as a spreadsheet shows it (17/07/2025), one note on fixing
 * every such date at once, mindful of the file's dates known only to a year or month (`partial`).
 */
export function withDateHints(problems: readonly Problem[], partial: PartialDateLines = {}): Problem[] {
  const out: Problem[] = [];
  let noted = false;
  const monthOnly = problems.some((p) => p.column && DATE_COLUMNS.has(p.column) && p.value && isMonthOnly(p.value));
  const orders = new Map<string, FileOrder | undefined>();
  for (const p of problems) {
    if (!orders.has(p.file)) orders.set(p.file, fileOrder(problems, p.file));
    // Errors only: a date read with a warning (a midnight time) needs no advice on how to write it.
    const hint =
      p.severity === 'error' && p.column && DATE_COLUMNS.has(p.column) && p.value
        ? dateHint(p.value, orders.get(p.file), partial)
        : null;
    // "Not a real date" is not the news for a date a spreadsheet wrote, or one with a time of day:
    // how it is written is.
    const timed = hint !== null && WITH_TIME.test(p.value!);
    const message =
      hint && unpadded(p.value!)
        ? p.message.replace(
            /^“.*” is not a real date: expected/s,
            `“${p.value}” is a date with a month or day of one digit; the app reads two:`,
          )
        : hint && compactDay(p.value!)
          ? p.message.replace(
              /^“.*” is not a real date: expected/s,
              `“${p.value}” is a date written without separators; the app reads`,
            )
          : hint && (timed || SPREADSHEET_FORM.test(p.value!))
            ? p.message.replace(
                /^“.*” is not a real date: expected/s,
                timed
                  ? `“${p.value}” is a date with a time of day; the app reads`
                  : `“${p.value}” is written as a spreadsheet shows dates; the app reads`,
              )
            : p.message;
    // An impossible day says why, whether written the app's way (2025-02-30) or a spreadsheet's (31/02/2025).
    const impossible =
      p.severity === 'error' && p.column && DATE_COLUMNS.has(p.column) && p.value
        ? (impossibleDate(p.value) ?? (hint ? null : impossibleSpreadsheetDate(p.value)))
        : null;
    if (impossible) {
      out.push({ ...p, message: `“${p.value}” is not a real date: ${impossible}.` });
      continue;
    }
    out.push(hint ? { ...p, message: `${message} ${hint}` } : p);
    if (hint && !noted && p.severity === 'error' && SPREADSHEET_FORM.test(p.value!)) {
      noted = true;
      out.push({
        file: p.file,
        line: p.line,
        column: p.column,
        value: p.value,
        message: spreadsheetDatesFix(partial) + (monthOnly ? MONTH_ONLY_CAUTION : ''),
        wholeFile: true,
        severity: 'warning',
      });
    }
  }
  return out;
}
