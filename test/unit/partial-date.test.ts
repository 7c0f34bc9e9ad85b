import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  datePrecision,
  formatPartialDate,
  monthsBetween,
  parsePartialDate,
  type PartialDate,
} from '../../src/lib/data/partial-date';
import { dateOrderNow } from '../../src/lib/data/date-order';

const d = (text: string): PartialDate => {
  const parsed = parsePartialDate(text);
  if (!parsed) throw new Error(`fixture date ${text} did not parse`);
  return parsed;
};

describe('parsePartialDate', () => {
  it.each([
    { text: '2025', precision: 'year', start: '2025-01-01', end: '2026-01-01' },
    { text: '2025-07', precision: 'month', start: '2025-07-01', end: '2025-08-01' },
    { text: '2025-07-17', precision: 'day', start: '2025-07-17', end: '2025-07-18' },
    { text: '2024-02-29', precision: 'day', start: '2024-02-29', end: '2024-03-01' },
    { text: ' 2025-12 ', precision: 'month', start: '2025-12-01', end: '2026-01-01' },
  ])('reads $text to the $precision', ({ text, precision, start, end }) => {
    const parsed = d(text);
    expect(parsed.precision).toBe(precision);
    expect(parsed.start.toISOString().slice(0, 10)).toBe(start);
    expect(parsed.end.toISOString().slice(0, 10)).toBe(end);
  });

  it.each([
    '2025-02-30',
    '2025-02-29',
    '2025-13',
    '2025-00',
    '2025-04-31',
    '25-07-17',
    '17/07/2025',
    'July 2025',
    '',
    '2025-7-1',
  ])('rejects %j', (text) => {
    expect(parsePartialDate(text)).toBeNull();
  });

  it('formats at the precision the date is known to', () => {
    expect(formatPartialDate(d('2025-07-17'))).toBe('17 Jul 2025');
    expect(formatPartialDate(d('2024-05'))).toBe('May 2024');
    expect(formatPartialDate(d('2026'))).toBe('2026');
  });

  it('round-trips every real calendar day through text', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1900-01-01'), max: new Date('2199-12-31'), noInvalidDate: true }),
        (date) => {
          const text = date.toISOString().slice(0, 10);
          const parsed = parsePartialDate(text);
          expect(parsed?.text).toBe(text);
          expect(parsed?.start.toISOString().slice(0, 10)).toBe(text);
        },
      ),
    );
  });
});

describe('monthsBetween', () => {
  it.each([
    { a: '2023-03', b: '2024-05', months: 14 },
    { a: '2024-05', b: '2025-08-12', months: 15 },
    { a: '2025-07-17', b: '2025-07-30', months: 0 },
    { a: '2025', b: '2026', months: 12 },
    { a: '2025-07-17', b: '2026', months: 12 },
  ])('$a → $b is $months months', ({ a, b, months }) => {
    expect(monthsBetween(d(a), d(b))).toBe(months);
  });

  it('orders by start, then the more precise first', () => {
    const dates = ['2025', '2025-07', '2024-05', '2025-01-01'].map(d);
    const order = dateOrderNow(
      Float64Array.from(dates, (x) => x.start.getTime()),
      Float64Array.from(dates, (x) => x.end.getTime()),
    );
    expect(Array.from(order, (i) => dates[i]!.text)).toEqual(['2024-05', '2025-01-01', '2025', '2025-07']);
  });

  it('checks a date without making one exactly as reading it does', () => {
    const dateLike = fc.oneof(
      fc.string({ unit: fc.constantFrom('0', '1', '2', '9', '-'), maxLength: 11 }),
      fc
        .tuple(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
        .chain(([y, m, day]) =>
          fc.constantFrom(
            String(y).padStart(4, '0'),
            `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`,
            `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
          ),
        ),
    );
    fc.assert(
      fc.property(dateLike, (text) => {
        expect(datePrecision(text)).toBe(parsePartialDate(text)?.precision ?? null);
      }),
      { numRuns: 2000 },
    );
    expect(['2024-02-29', '2025-02-29', '2025-13', '2025-7', '0999'].map(datePrecision)).toEqual([
      'day',
      null,
      null,
      null,
      null,
    ]);
  });
});
