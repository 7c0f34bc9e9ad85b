import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { normaliseList, parseDialogues, splitList } from '../../src/lib/data/dialogues';
import { DIALOGUE_COLUMNS } from '../../src/lib/data/schema';
import { ingest } from '../../src/lib/ingest/ingest';
import { MONTH_ONLY_CAUTION, SPREADSHEET_DATES_FIX, withDateHints } from '../../src/lib/ingest/spreadsheet-dates';
import { bundledTexts, fixture } from '../fixtures/read';

const parse = (name: string) => parseDialogues(fixture(name));
const current = bundledTexts();

describe('parseDialogues: a fixture for each kind of bad row', () => {
  it.each([
    { file: 'dialogues-impossible-date.csv', line: 2, column: 'date', value: '2025-02-30', message: /not a real date/ },
    {
      file: 'dialogues-unknown-status.csv',
      line: 3,
      column: 'status',
      value: 'postponed',
      message: /“held” or “planned”/,
    },
    { file: 'dialogues-duplicate-id.csv', line: 3, column: 'id', value: 'a1', message: /already used on line 2/ },
    {
      file: 'dialogues-held-without-date.csv',
      line: 2,
      column: 'date',
      value: '',
      message: /held meeting needs a date/,
    },
    {
      file: 'dialogues-ragged-row.csv',
      line: 2,
      column: undefined,
      value: '8 cells',
      message: /header has 14 columns/,
    },
  ])('$file: an error at line $line, column $column', ({ file, line, column, value, message }) => {
    const { problems } = parse(file);
    const errors = problems.filter((p) => p.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: 'dialogues.csv', line });
    expect(errors[0]!.column).toBe(column);
    expect(errors[0]!.value).toBe(value);
    expect(errors[0]!.message).toMatch(message);
  });

  it('a quote never closed: the row it starts on and each row it ran into are errors, by line', () => {
    const { rows, problems } = parse('dialogues-malformed-quotes.csv');
    expect(rows).toEqual([]);
    expect(problems.map((p) => [p.severity, p.line])).toEqual([
      ['error', 2],
      ['error', 3],
    ]);
    expect(problems[0]!.message).toMatch(/never closed, so lines 2–3 were read as one row/);
    expect(problems[0]!.column).toBe('track'); // where the quote opened
    expect(problems[1]!.message).toMatch(/quoted field that starts on line 2/);
  });

  it.each([
    {
      name: 'dialogues.csv',
      text: `${current.dialogues.split('\n')[0]}\n,2025,planned,European Union,Political Dialogue,,,,,,,s1,,\n`,
      message: 'Every meeting needs an id (any unique text, e.g. eu-2025-07-17).',
    },
    {
      name: 'topics.csv',
      text: 'id,label,theme\n,Piracy,security\n',
      message: 'Every topic needs an id (any unique text, e.g. counter-terrorism).',
    },
    {
      name: 'sources.csv',
      text: 'id,title,publisher,published\n,An article,,2025\n',
      message: 'Every source needs an id (any unique text, e.g. s1).',
    },
    {
      name: 'venues.csv',
      text: 'id,name,country,lat,lon\n,Doha,Qatar,25.29,51.53\n',
      message: 'Every venue needs an id (any unique text, e.g. islamabad).',
    },
  ])('a row of $name with no id: the same words in every table, naming what needs it', ({ name, text, message }) => {
    const errors = ingest([{ name, text }], current, 'replace').problems.filter((p) => p.severity === 'error');
    expect(errors).toEqual([{ file: name, line: 2, column: 'id', value: '', message, severity: 'error' }]);
  });

  it('keeps the good rows of a file with a bad one', () => {
    expect(parse('dialogues-unknown-status.csv').rows.map((r) => r.id)).toEqual(['a1']);
    expect(parse('dialogues-ragged-row.csv').rows.map((r) => r.id)).toEqual(['a2']);
    expect(parse('dialogues-duplicate-id.csv').rows.map((r) => r.line)).toEqual([2]);
  });

  it('names the missing required columns and loads nothing', () => {
    const { rows, problems } = parse('dialogues-missing-columns.csv');
    expect(rows).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toContain('date, venue_id, source_id');
  });

  it('a round that is not a number is an error (applied, the round would be lost), not a note', () => {
    const { rows, problems } = parse('dialogues-bad-round.csv');
    expect(rows).toHaveLength(0);
    expect(problems).toMatchObject([{ severity: 'error', line: 2, column: 'round', value: 'tenth' }]);
    expect(problems[0]!.message).toContain('expected a whole number from 1');
  });

  it('reads rounds pandas wrote as floats (10.0) as whole numbers, without a problem', () => {
    const { rows, problems } = parse('dialogues-pandas-float-rounds.csv');
    expect(problems).toEqual([]);
    expect(rows.map((r) => r.round)).toEqual([10, null, 7]);
  });
});

describe('parseDialogues: dialects', () => {
  it('reads semicolons, CRLF, a BOM, upper-case reordered columns, quoted quotes and newlines', () => {
    const { rows, problems, delimiter } = parse('dialogues-semicolon-crlf-bom.csv');
    expect(problems).toEqual([]);
    expect(delimiter).toBe(';');
    expect(rows.map((r) => [r.id, r.status, r.line])).toEqual([
      ['a1', 'held', 2],
      ['a2', 'planned', 5], // a1's summary has two lines, then a blank line
    ]);
    expect(rows[0]!.evidence).toBe('said "yes"; then left');
    expect(rows[0]!.summary).toBe('two\nlines'); // read as LF, as downloads write it
    expect(rows[1]!.date).toBeNull();
  });

  it('reads tab-delimited files', () => {
    const { rows, delimiter } = parse('dialogues-tab-delimited.csv');
    expect(delimiter).toBe('\t');
    expect(rows[0]).toMatchObject({ id: 'a1', partner: 'United States', topics: ['counter-terrorism'] });
    expect(rows[0]!.date?.precision).toBe('month');
  });

  it('is not corrupted by columns named __proto__ or constructor', () => {
    const { rows } = parse('dialogues-prototype-columns.csv');
    expect(rows).toHaveLength(1);
    expect(Object.getPrototypeOf(rows[0])).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
    expect(Object.keys(rows[0]!)).not.toContain('__proto__');
  });

  it('keeps markup as plain text', () => {
    const { rows } = parse('dialogues-markup.csv');
    expect(rows[0]!.partner).toBe('<img src=x onerror="window.__pwned=1">');
    expect(rows[0]!.topics).toEqual(['<b>migration</b>']);
  });
});

describe('parseDialogues: files as other tools write them', () => {
  it("R's write.csv: NA is read as an empty cell, said once for the file", () => {
    const { rows, problems } = parse('dialogues-r-write-csv-na.csv');
    expect(rows.map((r) => [r.id, r.date?.text ?? null, r.round, r.level, r.leadPakistan, r.topics])).toEqual([
      ['a1', '2025-07-17', null, '', '', ['migration']],
      ['a2', null, 2, '', '', []],
    ]);
    expect(problems).toMatchObject([{ severity: 'warning', line: 2, column: 'round', value: 'NA' }]);
    expect(problems[0]!.message).toMatch(/every “NA” cell in this file is read as empty/);
  });

  it('pandas, Python and Excel missing values (NaN, nan, None, <NA>, NaT, #N/A) are read as empty cells, a warning per token for the file naming its cells', () => {
    const { rows, problems } = parse('dialogues-pandas-missing-values.csv');
    expect(
      rows.map((r) => [
        r.id,
        r.date?.text ?? null,
        r.round,
        r.level,
        r.venueId,
        r.topics,
        r.leadPakistan,
        r.leadPartner,
        r.summary,
      ]),
    ).toEqual([
      ['a1', '2025-07-17', 6, '', 'brussels', ['migration'], '', '', ''],
      ['a2', null, null, '', 'kabul', [], '', '', 'Talks on NaN values in the border data'],
      ['a3', '2026', null, 'Senior officials', null, [], '', 'Deputy Minister', 'None of the rounds was held'],
    ]);
    const notes = problems.filter((p) => /marks a missing value/.test(p.message));
    expect(notes.map((p) => [p.severity, p.line, p.column, p.value])).toEqual([
      ['warning', 2, 'level', 'NaN'],
      ['warning', 3, 'date', 'NaT'],
      ['warning', 3, 'level', 'nan'],
      ['warning', 3, 'topics', 'None'],
      ['warning', 3, 'lead_partner', '#N/A'],
      ['warning', 4, 'topics', '<NA>'],
    ]);
    expect(notes[1]!.message).toBe(
      '“NaT” marks a missing value (R, pandas, Excel): every “NaT” cell in this file is read as empty.',
    );
    // An upload's check counts each token's cells and names their columns (in the order met) and lines.
    const text = fixture('dialogues-pandas-missing-values.csv');
    const checked = ingest([{ name: 'p.csv', text }], current, 'replace').problems;
    const counted = checked.filter((p) => /marks a missing value/.test(p.message));
    expect(counted.map((p) => [p.line, p.column, p.value])).toEqual(notes.map((p) => [p.line, p.column, p.value]));
    expect(counted[0]!.message).toBe(
      '“NaN” marks a missing value (R, pandas, Excel): every “NaN” cell in this file is read as empty. 7 cells: in columns “level”, “lead_pakistan”, “lead_partner”, “summary” and “round”, on lines 2, 3 and 4.',
    );
    expect(counted[1]!.message).toBe(notes[1]!.message); // one cell: nothing to add
    expect(counted[4]!.message).toMatch(
      /^“#N\/A” marks a missing value \(R, pandas, Excel\): every “#N\/A” cell in this file is read as empty\. 2 cells: in columns “lead_partner” and “venue_id”, on lines 3 and 4\.$/,
    );
    // Only a whole cell: a summary mentioning NaN or None keeps it, and nothing else is said of those.
    expect(problems.filter((p) => p.value?.includes('NaN values') || p.value?.startsWith('None of'))).toEqual([]);
  });

  it("an upload's error in a cell that reads NaN or #N/A names the value the file holds and says it was read as empty", () => {
    const text = [
      'id,date,status,partner,track,round,level,venue_id,topics,lead_pakistan,lead_partner,source_id,evidence,summary',
      'a1,NaN,held,#N/A,Strategic Dialogue,,,,migration,,,s1,q,s',
    ].join('\n');
    const errors = ingest([{ name: 'p.csv', text }], current, 'replace')
      .problems.filter((p) => p.severity === 'error')
      .map((p) => [p.line, p.column, p.value, p.message]);
    expect(errors).toEqual([
      [
        2,
        'date',
        'NaN',
        'A held meeting needs a date (YYYY, YYYY-MM or YYYY-MM-DD); only a planned meeting may leave it empty. This cell’s “NaN” is read as empty.',
      ],
      [
        2,
        'partner',
        '#N/A',
        'Every meeting needs a partner (e.g. European Union). This cell’s “#N/A” is read as empty.',
      ],
    ]);
    const topics = 'id,label,theme\nNaN,Piracy,security\npiracy,Piracy,None\n';
    const read = ingest([{ name: 't.csv', text: topics }], current, 'replace').problems;
    expect(read.filter((p) => p.severity === 'error').map((p) => [p.line, p.column, p.value, p.message])).toEqual([
      [
        2,
        'id',
        'NaN',
        'Every topic needs an id (any unique text, e.g. counter-terrorism). This cell’s “NaN” is read as empty.',
      ],
    ]);
    expect(read.filter((p) => /marks a missing value/.test(p.message)).map((p) => [p.line, p.column, p.value])).toEqual(
      [
        [2, 'id', 'NaN'],
        [3, 'theme', 'None'],
      ],
    );
  });

  it('a required column of None in every row (errors fill the list, past its note) and a venue table’s latitude of None: each error names the None it holds', () => {
    const header =
      'id,date,status,partner,track,round,level,venue_id,topics,lead_pakistan,lead_partner,source_id,evidence,summary';
    // pandas writes a column with no values as None: 600 rows, each an error, so the list (500) has no room for the note.
    const rows = Array.from({ length: 600 }, (_, i) => `a${i},2025,held,None,S,,None,,migration,,,s1,q,s`);
    const result = ingest([{ name: 'pandas.csv', text: [header, ...rows].join('\n') }], current, 'replace');
    expect(result.errors).toBe(600);
    const errors = result.problems.filter((p) => p.severity === 'error');
    expect(errors.length).toBe(500);
    expect(errors.slice(0, 2).map((p) => [p.line, p.column, p.value, p.message])).toEqual([
      [
        2,
        'partner',
        'None',
        'Every meeting needs a partner (e.g. European Union). This cell’s “None” is read as empty.',
      ],
      [
        3,
        'partner',
        'None',
        'Every meeting needs a partner (e.g. European Union). This cell’s “None” is read as empty.',
      ],
    ]);
    expect(errors.every((p) => p.value === 'None' && p.message.endsWith('This cell’s “None” is read as empty.'))).toBe(
      true,
    );
    expect(errors.at(-1)!.line).toBe(501);
    // A venue table names its coordinates as a spreadsheet does: the error is lat's, named as the file's header says, “latitude”.
    const venues =
      'id,name,country,latitude,longitude\nisl,Islamabad,Pakistan,None,73.04\nkbl,Kabul,None,34.53,69.17\n';
    const read = ingest([{ name: 'venues.csv', text: venues }], current, 'replace').problems;
    expect(read.filter((p) => p.severity === 'error').map((p) => [p.line, p.column, p.value, p.message])).toEqual([
      [
        2,
        'latitude',
        'None',
        'Expected the latitude as a number of degrees, e.g. 33.6844 (north positive). This cell’s “None” is read as empty.',
      ],
    ]);
    // An optional column's None (Kabul's country) is no error, and the file's one warning counts both cells, as before.
    expect(
      read.filter((p) => /marks a missing value/.test(p.message)).map((p) => [p.line, p.column, p.value, p.message]),
    ).toEqual([
      [
        2,
        'latitude',
        'None',
        '“None” marks a missing value (R, pandas, Excel): every “None” cell in this file is read as empty. 2 cells: in columns “latitude” and “country”, on lines 2 and 3.',
      ],
    ]);
  });

  it("R's write.csv: an upload's error in a cell that reads NA names the NA the file holds and says it was read as empty", () => {
    const text = [
      'id,date,status,partner,track,round,level,venue_id,topics,lead_pakistan,lead_partner,source_id,evidence,summary',
      'a1,2025-07-17,NA,European Union,Strategic Dialogue,NA,NA,NA,migration,NA,NA,s1,q,s',
      'a2,NA,held,NA,Strategic Dialogue,NA,NA,NA,NA,NA,NA,s1,q,s',
      'a3,2025,,European Union,Strategic Dialogue,,,,,,,s1,q,s',
    ].join('\n');
    const errors = (
      list: readonly { severity: string; line?: number; column?: string; value?: string; message: string }[],
    ) => list.filter((p) => p.severity === 'error').map((p) => [p.line, p.column, p.value, p.message]);
    const held =
      'A held meeting needs a date (YYYY, YYYY-MM or YYYY-MM-DD); only a planned meeting may leave it empty.';
    expect(parseDialogues(text, 'r.csv').rows).toEqual([]);
    const na = ' This cell’s “NA” is read as empty.';
    expect(errors(ingest([{ name: 'r.csv', text }], current, 'replace').problems)).toEqual([
      [2, 'status', 'NA', `No status: expected “held” or “planned”.${na}`],
      [3, 'date', 'NA', `${held}${na}`],
      [3, 'partner', 'NA', `Every meeting needs a partner (e.g. European Union).${na}`],
      [4, 'status', '', 'No status: expected “held” or “planned”.'],
    ]);
    // Past a value with line breaks, in a `;` file with a `sep=` line, and in a topics file.
    const lo = [
      'sep=;',
      'id;date;status;partner;track;venue_id;topics;source_id;summary',
      'a1;2025;planned;"European Union";"S";;;s1;"one',
      'two"',
      'a2;2025;NA;EU;S;;;s1;x',
    ];
    expect(errors(ingest([{ name: 'lo.csv', text: lo.join('\r\n') }], current, 'replace').problems)).toEqual([
      [5, 'status', 'NA', `No status: expected “held” or “planned”.${na}`],
    ]);
    const topics = 'id,label,theme\nNA,Piracy,security\n';
    expect(errors(ingest([{ name: 't.csv', text: topics }], current, 'replace').problems)).toEqual([
      [2, 'id', 'NA', `Every topic needs an id (any unique text, e.g. counter-terrorism).${na}`],
    ]);
  });

  it('a day/month/year date from a spreadsheet: the error says how to write it, an ambiguous one reads as the file’s others do, and an upload is told once how to fix them all', () => {
    const { rows, problems } = parse('dialogues-excel-day-first-dates.csv');
    expect(rows).toEqual([]);
    expect(problems.map((p) => [p.severity, p.line, p.column, p.value])).toEqual([
      ['error', 2, 'date', '17/07/2025'],
      ['error', 3, 'date', '05/07/2025'],
    ]);
    // Uploaded, each says what to write, and the file is told once how to fix every such date.
    const checked = ingest(
      [{ name: 'dates.csv', text: fixture('dialogues-excel-day-first-dates.csv') }],
      current,
      'replace',
    );
    expect(checked.problems.map((p) => [p.severity, p.line])).toEqual([
      ['error', 2],
      ['warning', 2],
      ['error', 3],
    ]);
    expect(checked.problems[0]!.message).toBe(
      '“17/07/2025” is written as a spreadsheet shows dates; the app reads YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2025-07-17). It reads as day/month/year: write 2025-07-17.',
    );
    expect(checked.problems[1]!.message).toBe(SPREADSHEET_DATES_FIX);
    // 05/07/2025 could be either; line 2's 17/07/2025 can only be day first, so this one is too.
    expect(checked.problems[2]!.message).toMatch(
      /It reads as day\/month\/year, like the file’s other dates \(line 2: 17\/07\/2025\): write 2025-07-05\.$/,
    );
    // The app's order with one-digit month or day (as a script writes it): not "not a real date".
    const text = current.dialogues.replace(',2025-06-27,', ',2025-6-27,');
    const short = ingest([{ name: 'short.csv', text }], current, 'replace').problems.find(
      (p) => p.value === '2025-6-27',
    )!;
    expect(short.message).toMatch(/^“2025-6-27” is a date with a month or day of one digit; the app reads two: YYYY/);
    expect(short.message).toMatch(/ Write 2025-06-27\.$/);
    // Alone, or where the file's dates disagree, both days are named.
    expect(withDateHints([problems[1]!])[0]!.message).toMatch(
      /It could be 5 July or 7 May: write 2025-07-05 or 2025-05-07\.$/,
    );
    const mixed = [problems[0]!, { ...problems[1]!, line: 4, value: '07/31/2025' }, problems[1]!];
    expect(withDateHints(mixed).at(-1)!.message).toMatch(/It could be 5 July or 7 May/);
    // A month-only date (Excel shows 2023-03 as Mar-23): formatting the column yyyy-mm-dd would
    // turn it into 1 March without a word, so the note says to write those by hand.
    const monthly = withDateHints([
      { ...problems[0]!, value: 'Mar-23' },
      { ...problems[1]!, value: '17/07/2025' },
    ]);
    expect(monthly[0]!.message).toMatch(/write 2023-03\.$/);
    expect(monthly[1]!.message).toBe(SPREADSHEET_DATES_FIX + MONTH_ONLY_CAUTION);
    expect(withDateHints(problems)[1]!.message).toBe(SPREADSHEET_DATES_FIX);
  });

  it('a date with a midnight time (LibreOffice, Excel) is read as its day, said once; another time is an error that says what to keep', () => {
    const { rows, problems } = parse('dialogues-libreoffice-midnight-times.csv');
    expect(rows.map((r) => r.date?.text)).toEqual(['2025-07-17', '2025-08-12']);
    expect(problems.map((p) => [p.severity, p.line, p.value])).toEqual([
      ['warning', 2, '2025-07-17 00:00:00'],
      ['error', 4, '2025-08-13 14:30:00'],
    ]);
    const [midnight, timed] = withDateHints(problems);
    expect(timed!.message).toMatch(/^“2025-08-13 14:30:00” is a date with a time of day; the app reads YYYY/);
    expect(timed!.message).toMatch(/Keep the date only: 2025-08-13\.$/);
    expect(timed!.message).not.toContain('not a real date');
    // The midnight date was read: its warning gives no advice that contradicts it.
    expect(midnight!.message).toBe(problems[0]!.message);
  });
});

describe('splitList', () => {
  it('splits on semicolons, trims, drops blanks and repeats', () => {
    expect(splitList(' a; b;;a ;c ')).toEqual(['a', 'b', 'c']);
    expect(splitList('')).toEqual([]);
  });
});

describe('round trip', () => {
  const text = fc.string({
    unit: fc.constantFrom('a', 'Z', ' ', ',', ';', '"', '\n', 'é', '<', '=', '7'),
    maxLength: 12,
  });
  const id = fc.stringMatching(/^[a-z][a-z0-9-]{0,10}$/);
  const day = fc
    .date({ min: new Date('2000-01-01'), max: new Date('2040-12-31'), noInvalidDate: true })
    .map((dt) => dt.toISOString().slice(0, 10));
  const row = fc.record({
    date: fc.oneof(
      day,
      day.map((s) => s.slice(0, 7)),
      day.map((s) => s.slice(0, 4)),
    ),
    status: fc.constantFrom('held', 'planned'),
    partner: text.filter((s) => s.trim() !== '').map((s) => s.trim()),
    track: text.filter((s) => s.trim() !== '').map((s) => s.trim()),
    round: fc.option(fc.integer({ min: 1, max: 40 }), { nil: null }),
    summary: text.map((s) => s.trim()),
    topics: fc.uniqueArray(id, { maxLength: 3 }),
  });

  it('any valid rows written as CSV read back unchanged', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(id, row), { selector: ([i]) => i, minLength: 1, maxLength: 8 }), (rows) => {
        const csv = Papa.unparse({
          fields: [...DIALOGUE_COLUMNS],
          data: rows.map(([i, r]) => [
            i,
            r.date,
            r.status,
            r.partner,
            r.track,
            r.round ?? '',
            '',
            '',
            r.topics.join(';'),
            '',
            '',
            's1',
            '',
            r.summary,
          ]),
        });
        const parsed = parseDialogues(csv);
        expect(parsed.problems).toEqual([]);
        expect(
          parsed.rows.map((d) => [d.id, d.date?.text, d.status, d.partner, d.track, d.round, d.topics, d.summary]),
        ).toEqual(rows.map(([i, r]) => [i, r.date, r.status, r.partner, r.track, r.round, r.topics, r.summary]));
      }),
    );
  });

  it('tidies a topic list as splitting and joining it would, without splitting tidy ones', () => {
    const list = fc.string({ unit: fc.constantFrom('a', 'b', 'ab', ';', ' ', ';;'), maxLength: 12 });
    fc.assert(
      fc.property(list, (text) => {
        expect(normaliseList(text)).toBe(splitList(text).join(';'));
      }),
      { numRuns: 2000 },
    );
  });
});
