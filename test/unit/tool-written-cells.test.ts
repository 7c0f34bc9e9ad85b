import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayOfMidnight, yearAsSpreadsheetDate } from '../../src/lib/data/tool-written-cells';
import { ingest } from '../../src/lib/ingest/ingest';
import {
  dateHint,
  impossibleDate,
  MONTH_ONLY_CAUTION,
  SPREADSHEET_DATES_FIX,
  withDateHints,
} from '../../src/lib/ingest/spreadsheet-dates';
import { validateFiles } from '../../src/lib/ingest/validate';
import { parseSources, parseTopics } from '../../src/lib/data/vocabulary';
import { bundledTexts, fixture } from '../fixtures/read';

const day = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2199-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe('dates as spreadsheets write them', () => {
  it('a day with a midnight time, in every form tools write it, is that day', () => {
    fc.assert(
      fc.property(day, fc.constantFrom(' 00:00:00', 'T00:00:00', 'T00:00:00.000Z', ' 00:00'), (iso, time) => {
        expect(dayOfMidnight(iso + time)).toBe(iso);
      }),
    );
  });

  it('a date written the app’s way but impossible says why, not which format to use', () => {
    expect(impossibleDate('2025-02-30')).toBe('February 2025 has 28 days');
    expect(impossibleDate('2024-02-30')).toBe('February 2024 has 29 days');
    expect(impossibleDate('2025-04-31')).toBe('April 2025 has 30 days');
    expect(impossibleDate('2025-14-01')).toBe('there is no month 14');
    expect(impossibleDate('2025-13')).toBe('there is no month 13');
    expect(impossibleDate('2025-01-00')).toBe('no month has a day 0');
    for (const fine of ['2025-02-28', '2024-02-29', '2025-07', '17/07/2025', '2025'])
      expect(impossibleDate(fine)).toBeNull();
    const problem = {
      file: 'd.csv',
      line: 3,
      column: 'date',
      value: '2025-02-30',
      message: '“2025-02-30” is not a real date: expected YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2025-07-17).',
      severity: 'error' as const,
    };
    expect(withDateHints([problem])[0]!.message).toBe('“2025-02-30” is not a real date: February 2025 has 28 days.');
  });

  it('a date in a spreadsheet’s form that no reading makes real says why too, in an upload’s check', () => {
    const generic = (text: string) =>
      `“${text}” is not a real date: expected YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2025-07-17).`;
    const cases = [
      { text: '31/02/2025', expected: '“31/02/2025” is not a real date: February 2025 has 28 days.' },
      { text: '29/02/2025', expected: '“29/02/2025” is not a real date: February 2025 has 28 days.' },
      { text: '31/04/2025', expected: '“31/04/2025” is not a real date: April 2025 has 30 days.' },
      { text: '02/31/2025', expected: '“02/31/2025” is not a real date: February 2025 has 28 days.' },
      { text: '30.02.24', expected: '“30.02.24” is not a real date: February 2024 has 29 days.' },
      { text: '00/02/2025', expected: '“00/02/2025” is not a real date: no month has a day 0.' },
      { text: '2025-2-30', expected: '“2025-2-30” is not a real date: February 2025 has 28 days.' },
      { text: '31-Feb-2025', expected: '“31-Feb-2025” is not a real date: February 2025 has 28 days.' },
      { text: '2025-02-30', expected: '“2025-02-30” is not a real date: February 2025 has 28 days.' },
      // No reading with a real month, or no date at all: the message is as it was.
      { text: '31/13/2025', expected: generic('31/13/2025') },
      { text: 'next year', expected: generic('next year') },
    ];
    const [header, first] = bundledTexts().dialogues.split('\n');
    const dateAt = header!.split(',').indexOf('date');
    const rows = cases.map(({ text }, i) => {
      const cells = first!.split(',');
      [cells[0], cells[dateAt]] = [`impossible-${i}`, text];
      return cells.join(',');
    });
    const upload = ingest([{ name: 'dialogues.csv', text: [header, ...rows].join('\n') }], bundledTexts(), 'replace');
    const dates = upload.problems.filter((p) => p.column === 'date');
    expect(dates.map((p) => [p.line, p.value, p.message, p.severity])).toEqual(
      cases.map(({ text, expected }, i) => [i + 2, text, expected, 'error']),
    );
    // A source's published date alike.
    const sources = 'id,title,publisher,published\ns1,A title,,29/02/2026\n';
    const published = ingest([{ name: 'sources.csv', text: sources }], bundledTexts(), 'replace').problems;
    expect(published.find((p) => p.column === 'published')!.message).toBe(
      '“29/02/2026” is not a real date: February 2026 has 28 days.',
    );
    // A date with a real reading keeps its advice on how to write it.
    expect(withDateHints([{ ...dates[0]!, value: '29/02/2024', message: generic('29/02/2024') }])[0]!.message).toMatch(
      /It reads as day\/month\/year: write 2024-02-29\.$/,
    );
  });

  it('is not fooled by another time or an impossible day', () => {
    expect(dayOfMidnight('2025-07-17 00:00:01')).toBeNull();
    expect(dayOfMidnight('2025-02-30 00:00:00')).toBeNull();
    expect(dayOfMidnight('2025-07-17')).toBeNull();
  });

  it('tells which day a slashed or dotted date is when only one reading is a real day, and both when two are', () => {
    fc.assert(
      fc.property(day, fc.constantFrom('/', '.'), (iso, sep) => {
        const [y, m, d] = iso.split('-');
        const hint = dateHint(`${d}${sep}${m}${sep}${y}`)!;
        if (Number(d) > 12 || d === m) expect(hint).toBe(`It reads as day/month/year: write ${iso}.`);
        else expect(hint).toContain(`write ${iso} or ${y}-${d}-${m}.`);
      }),
    );
    expect(dateHint('07/17/2025')).toBe('It reads as month/day/year: write 2025-07-17.');
  });

  it('reads the short forms LibreOffice and Excel show: a two-digit year, a month in words', () => {
    expect(dateHint('02/14/23')).toBe('It reads as month/day/year: write 2023-02-14.');
    expect(dateHint('14.02.23')).toBe('It reads as day/month/year: write 2023-02-14.');
    expect(dateHint('Mar-23')).toBe('It names the month in words: write 2023-03.');
    expect(dateHint('March 2023')).toBe('It names the month in words: write 2023-03.');
    expect(dateHint('Sept 2025')).toBe('It names the month in words: write 2025-09.');
    expect(dateHint('17-Jul-2025')).toBe('It names the month in words: write 2025-07-17.');
    expect(dateHint('31-Feb-2025')).toBeNull();
    expect(dateHint('Jul 17, 2025')).toBe('It names the month in words: write 2025-07-17.');
    expect(dateHint('July 4 2025')).toBe('It names the month in words: write 2025-07-04.');
  });

  it('reads the year-first forms Excel writes in Japanese, Chinese, Korean or Hungarian settings, and Dutch dd-mm-yyyy', () => {
    expect(dateHint('2025/03/07')).toBe('It reads as year/month/day: write 2025-03-07.');
    expect(dateHint('2025/3/7')).toBe('It reads as year/month/day: write 2025-03-07.');
    expect(dateHint('2025.03.07')).toBe('It reads as year/month/day: write 2025-03-07.');
    expect(dateHint('2025. 03. 07.')).toBe('It reads as year/month/day: write 2025-03-07.');
    expect(dateHint('2025/03')).toBe('It reads as year/month: write 2025-03.');
    expect(dateHint('2025.03')).toBe('It reads as year/month: write 2025-03.');
    // Day or month first with dashes, as with slashes: both days named when both are real.
    expect(dateHint('17-07-2025')).toBe('It reads as day/month/year: write 2025-07-17.');
    expect(dateHint('07-17-2025')).toBe('It reads as month/day/year: write 2025-07-17.');
    expect(dateHint('07-03-2025')).toBe('It could be 7 March or 3 July: write 2025-03-07 or 2025-07-03.');
    // Eight digits, only where they make a real day.
    expect(dateHint('20250307')).toBe('It reads as year, month and day: write 2025-03-07.');
  });

  it('has no hint for what is not a spreadsheet date', () => {
    for (const text of [
      'next year',
      '31/31/2025',
      '17-07-2025x',
      'Marching 2023',
      'Foo-23',
      // Year first with no real month or day.
      '2025/13/01',
      '2025/02/30',
      '2025/13',
      // A number shown short (2025.10 as 2025.1), or year, month and day in no clear order.
      '2025.1',
      '25-03-07',
      '2025/03-07',
      // Eight digits that are no day, or no day of these dialogues' years.
      '20251307',
      '20250230',
      '07032025',
      '12345678',
      '22250307',
    ])
      expect(dateHint(text)).toBeNull();
  });

  it('an upload’s date written year first, dashed or as eight digits is an error that says what to write, and the file is told once how to fix them', () => {
    const values = [
      '2025/03/07',
      '2025/3/7',
      '2025.03.07',
      '20250307',
      '07-03-2025',
      '2025/03',
      '2025/02/30',
      '31-02-2025',
    ];
    const [header, first] = bundledTexts().dialogues.split('\n');
    const dateAt = header!.split(',').indexOf('date');
    const rows = values.map((text, i) => {
      const cells = first!.split(',');
      [cells[0], cells[dateAt]] = [`form-${i}`, text];
      return cells.join(',');
    });
    const upload = ingest([{ name: 'dialogues.csv', text: [header, ...rows].join('\n') }], bundledTexts(), 'replace');
    const dates = upload.problems.filter((p) => p.column === 'date');
    const form = (text: string) =>
      `“${text}” is written as a spreadsheet shows dates; the app reads YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2025-07-17).`;
    expect(dates.map((p) => [p.severity, p.line, p.message])).toEqual([
      ['error', 2, `${form('2025/03/07')} It reads as year/month/day: write 2025-03-07.`],
      ['warning', 2, SPREADSHEET_DATES_FIX + MONTH_ONLY_CAUTION],
      ['error', 3, `${form('2025/3/7')} It reads as year/month/day: write 2025-03-07.`],
      ['error', 4, `${form('2025.03.07')} It reads as year/month/day: write 2025-03-07.`],
      [
        'error',
        5,
        '“20250307” is a date written without separators; the app reads YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2025-07-17). It reads as year, month and day: write 2025-03-07.',
      ],
      ['error', 6, `${form('07-03-2025')} It could be 7 March or 3 July: write 2025-03-07 or 2025-07-03.`],
      ['error', 7, `${form('2025/03')} It reads as year/month: write 2025-03.`],
      ['error', 8, '“2025/02/30” is not a real date: February 2025 has 28 days.'],
      ['error', 9, '“31-02-2025” is not a real date: February 2025 has 28 days.'],
    ]);
    expect(MONTH_ONLY_CAUTION).toContain('2023/03');
    // A dashed date read one way settles an ambiguous one, as a slashed one does.
    const settled = withDateHints([
      { ...dates[0]!, line: 2, value: '17-07-2025', message: '“17-07-2025” is not a real date: expected YYYY' },
      { ...dates[0]!, line: 3, value: '07-03-2025', message: '“07-03-2025” is not a real date: expected YYYY' },
    ]);
    expect(settled.at(-1)!.message).toMatch(
      /It reads as day\/month\/year, like the file’s other dates \(line 2: 17-07-2025\): write 2025-03-07\.$/,
    );
    // A source's published date alike.
    const sources = 'id,title,publisher,published\ns1,A title,,2025/03/07\n';
    const published = ingest([{ name: 'sources.csv', text: sources }], bundledTexts(), 'replace').problems;
    expect(published.find((p) => p.column === 'published')).toMatchObject({
      severity: 'error',
      message: `${form('2025/03/07')} It reads as year/month/day: write 2025-03-07.`,
    });
  });
});

describe('a year a spreadsheet turned into a date', () => {
  it.each([
    { text: '1905-07-17', expected: 2025 },
    { text: '1905-07-18', expected: 2026 },
    { text: '1905-03-14', expected: 1900 },
    { text: '1906-01-08', expected: 2200 },
    { text: '1905-03-13', expected: null }, // day 1899: no year a meeting is in
    { text: '1906-01-09', expected: null }, // day 2201
    { text: '1900-01-01', expected: null },
    { text: '1907-07-17', expected: null },
    { text: '2025-07-17', expected: null },
    { text: '1905-07', expected: null },
    { text: '1905', expected: null },
  ])('$text → $expected', ({ text, expected }) => {
    expect(yearAsSpreadsheetDate(text)).toBe(expected);
  });

  it('is a warning at its line and column, in the upload’s check and in the validator alike', () => {
    // Excel reads a year alone (2025) as day 2025 of its count; formatted yyyy-mm-dd it shows 1905-07-17.
    const text = fixture('dialogues-excel-year-as-date.csv');
    const expected = [
      {
        file: 'excel_1905.csv',
        line: 3,
        column: 'date',
        value: '1905-07-17',
        message: '“1905-07-17” is how a spreadsheet shows the year 2025 formatted as a date: write 2025.',
        severity: 'warning',
      },
      {
        file: 'excel_1905.csv',
        line: 5,
        column: 'date',
        value: '1905-07-18',
        message: '“1905-07-18” is how a spreadsheet shows the year 2026 formatted as a date: write 2026.',
        severity: 'warning',
      },
    ];
    const upload = ingest([{ name: 'excel_1905.csv', text }], bundledTexts(), 'replace');
    expect(upload.problems).toEqual(expected);
    expect(upload.errors).toBe(0);
    const validated = validateFiles([{ name: 'excel_1905.csv', text }], bundledTexts());
    expect(validated.problems).toEqual(expected);
    expect(validated.warnings).toBe(2);
  });

  it('is a warning in sources.csv’s published column too', () => {
    const sources = parseSources('id,title,published\ns1,A title,1905-07-17\ns2,Another,2025-07-17\n');
    expect(sources.rows.map((r) => r.published?.text)).toEqual(['1905-07-17', '2025-07-17']);
    expect(sources.problems).toEqual([
      {
        file: 'sources.csv',
        line: 2,
        column: 'published',
        value: '1905-07-17',
        message: '“1905-07-17” is how a spreadsheet shows the year 2025 formatted as a date: write 2025.',
        severity: 'warning',
      },
    ]);
  });
});

describe('the advice to fix every spreadsheet date at once', () => {
  it('in a file that also has years alone or years and months, says to format only the full dates', () => {
    // 17/07/2025 beside 2025 (line 3) and 2023-03 (line 8): formatting the whole column as
    // yyyy-mm-dd would make 2025 into 1905-07-17 and 2023-03 into 2023-03-01.
    const text = fixture('dialogues-excel-day-first-with-years.csv');
    const checked = ingest([{ name: 'eu.csv', text }], bundledTexts(), 'replace');
    const advice = checked.problems.find((p) => p.message.startsWith('This file’s dates'))!;
    expect(advice).toMatchObject({ file: 'eu.csv', line: 2, column: 'date', severity: 'warning' });
    expect(advice.message).not.toBe(SPREADSHEET_DATES_FIX);
    expect(advice.message).not.toContain('format the date column');
    expect(advice.message).toContain('select only the cells with a full date (day, month and year)');
    expect(advice.message).toContain(
      "Keep the cells with a year alone (line 3: 2025) or a year and month (line 8: 2023-03) as they are, or type them as text (an apostrophe first: '2025): formatted as dates, a spreadsheet shows the year 2025 as 1905-07-17 and 2023-03 as 2023-03-01.",
    );
    // A file of full dates only keeps the short advice.
    const full = text
      .replace(/;2025;/g, ';17/07/2025;')
      .replace(/;2026;/g, ';17/07/2026;')
      .replace(/;202[34]-0\d;/g, ';');
    const plain = ingest([{ name: 'eu.csv', text: full }], bundledTexts(), 'replace');
    expect(plain.problems.filter((p) => p.message.startsWith('This file’s dates')).map((p) => p.message)).toEqual([
      SPREADSHEET_DATES_FIX,
    ]);
  });

  it('for a day number, says to format only the full dates when the file has years alone', () => {
    const problem = {
      file: 'd.csv',
      line: 2,
      column: 'date',
      value: '45855',
      message: '“45855” is not a real date: expected YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2025-07-17).',
      severity: 'error' as const,
    };
    expect(withDateHints([problem])[0]!.message).toMatch(/format the column as a date \(yyyy-mm-dd\)/);
    const hinted = withDateHints([problem], { year: { line: 3, value: '2025' } })[0]!.message;
    expect(hinted).toMatch(
      /which is 2025-07-17: write 2025-07-17, or format the cells with a full date \(not those with a year or a month alone\) as yyyy-mm-dd and save again\.$/,
    );
  });
});

describe('topics.csv and sources.csv as R and spreadsheets write them', () => {
  it("reads R's NA as empty, said once; a midnight time as its day; a day-first date is an error that says what to write", () => {
    const sources = parseSources(
      [
        '"id","title","publisher","published"',
        '"s1","Strengthening Pakistan EU Security Cooperation",NA,NA',
        '"s2","Pakistan, Afghanistan Pledge",NA,"2025-06-29 00:00:00"',
        '"s3","Another",NA,"29/06/2025"',
      ].join('\n'),
    );
    // s3 is left out: applied, its date would be lost.
    expect(sources.rows.map((r) => [r.id, r.publisher, r.published?.text ?? null])).toEqual([
      ['s1', '', null],
      ['s2', '', '2025-06-29'],
    ]);
    expect(sources.leftOut).toEqual(new Map([['s3', 4]]));
    expect(sources.problems.map((p) => [p.severity, p.line, p.column, p.value])).toEqual([
      ['warning', 2, 'published', 'NA'], // the first NA read
      ['warning', 3, 'published', '2025-06-29 00:00:00'], // read as its day, said once, as in dialogues.csv
      ['error', 4, 'published', '29/06/2025'],
    ]);
    expect(sources.problems[1]!.message).toContain('read as 2025-06-29, and every such date in this file as its day');
    // An upload's check adds what to write (the published data's own reading does not).
    expect(withDateHints(sources.problems)[2]!.message).toMatch(/It reads as day\/month\/year: write 2025-06-29\.$/);
    const topics = parseTopics('"id","label","theme"\n"migration","Migration",NA\n');
    expect(topics.rows).toEqual([{ id: 'migration', label: 'Migration', theme: '' }]);
    expect(topics.problems).toMatchObject([{ severity: 'warning', line: 2, column: 'theme' }]);
  });
});
