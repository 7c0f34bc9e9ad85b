import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { CsvRecords, csvRecords, recordAt, sniffDialect, type CsvRecord } from '../../src/lib/data/csv-parse';
import { buildDataset } from '../../src/lib/data/dataset';
import { readTextPieces } from '../../src/lib/data/read-text';
import { generateDataset } from '../../scripts/bench/generate-data.js';

const lines = (text: string) => [...csvRecords(text)].map((r) => [r.line, r.cells]);

/** The text pushed in pieces cut at the given fractions. */
function inPieces(text: string, cuts: number[], dialect = sniffDialect(text)): CsvRecord[] {
  const records = new CsvRecords(dialect);
  const out: CsvRecord[] = [];
  let from = 0;
  for (const at of [...cuts.map((c) => Math.floor(c * text.length)), text.length].sort((a, b) => a - b)) {
    out.push(...records.push(text.slice(from, at)));
    from = at;
  }
  out.push(...records.end());
  return out;
}

describe('CSV records read by PapaParse', () => {
  it('numbers lines as the file does: header 1, blank lines kept, a quoted line break counts its line', () => {
    expect(lines('id,note\na,"two\nlines"\n\nb,plain\n')).toEqual([
      [1, ['id', 'note']],
      [2, ['a', 'two\nlines']],
      [4, ['']],
      [5, ['b', 'plain']],
      [6, ['']],
    ]);
  });

  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['CR', '\r'],
  ])('reads %s line ends, with a quoted field of two lines (its line break read as LF)', (_, eol) => {
    const text = ['id,x', `a,"1${eol}2"`, 'b,3', ''].join(eol);
    expect(sniffDialect(text).newline).toBe(eol);
    expect(lines(text).slice(0, 3)).toEqual([
      [1, ['id', 'x']],
      [2, ['a', '1\n2']],
      [4, ['b', '3']],
    ]);
  });

  it.each([
    ['a CRLF file with a row added by an editor that writes LF', 'id,x\r\na,1\r\nb,"two"\r\nc,"3"\n'],
    ['a CRLF file whose last line ends in LF', 'id,x\r\na,1\r\nb,"two"\r\nc,3\n'],
    ['an LF file with a row pasted from a CRLF file', 'id,x\na,1\nb,"two"\r\nc,"3"\n'],
  ])('reads %s row by row, no line end left in a cell', (_, text) => {
    const records = [...csvRecords(text)];
    expect(records.map((r) => r.quote)).toEqual([null, null, null, null, null]);
    expect(records.map((r) => [r.line, r.cells])).toEqual([
      [1, ['id', 'x']],
      [2, ['a', '1']],
      [3, ['b', 'two']],
      [4, ['c', '3']],
      [5, ['']],
    ]);
    const dialect = sniffDialect(text);
    for (const r of records) expect(recordAt(text, r.start, r.end, dialect)).toEqual(r.cells);
  });

  it('keeps a line end inside quotes in a file of mixed line ends, read as LF', () => {
    const text = 'id,x\r\na,"one\r"\r\nb,"two\nlines"\n';
    expect([...csvRecords(text)].map((r) => [r.line, r.cells])).toEqual([
      [1, ['id', 'x']],
      [2, ['a', 'one\n']],
      [4, ['b', 'two\nlines']],
      [6, ['']],
    ]);
  });

  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
  ])("takes Excel's sep=; first line as the delimiter, not a record; lines count it (%s)", (_, eol) => {
    const text = ['sep=;', 'id;x', 'a;1,5', ''].join(eol);
    expect(sniffDialect(text)).toMatchObject({ delimiter: ';', sepLine: true });
    expect(lines(text)).toEqual([
      [2, ['id', 'x']],
      [3, ['a', '1,5']],
      [4, ['']],
    ]);
    const dialect = sniffDialect(text);
    expect(inPieces(text, [0.1, 0.2, 0.5], dialect).map((r) => r.cells)).toEqual(lines(text).map(([, c]) => c));
  });

  it('drops a BOM and finds a semicolon or tab delimiter from the header', () => {
    expect(sniffDialect('\uFEFFName;ID\r\nx;1\r\n')).toEqual({ delimiter: ';', newline: '\r\n' });
    expect(sniffDialect('a\tb,c\tc\n')).toEqual({ delimiter: '\t', newline: '\n' });
    expect(lines('\uFEFFName;ID\r\nx;1\r\n')[0]).toEqual([1, ['Name', 'ID']]);
  });

  it('flags an unclosed quote and a stray quote on their record', () => {
    expect([...csvRecords('id,x\na,"open\nb,c\n')].map((r) => r.quote)).toEqual([null, 'unclosed']);
    expect([...csvRecords('id,x\na,"b"c\nd,"e"\n')].some((r) => r.quote === 'stray')).toBe(true);
  });

  it('names the cell a stray quote is in, past quoted cells holding the delimiter and doubled quotes', () => {
    const stray = (text: string) => [...csvRecords(text)].filter((r) => r.quote === 'stray').map((r) => r.quoteCell);
    expect(stray('id,x,y\na,"he said "hi" then",c\n')).toEqual([1]);
    expect(stray('id,x,y,z\na,"b, and ""c""",d,"e "f" g"\n')).toEqual([3]);
    expect(stray('id;x;y\r\n"a;1";b;"c "d" e"\r\n')).toEqual([2]);
    expect(stray('id,x\n"a "b" c",d\n')).toEqual([0]);
  });

  /** A cell's line breaks as LF, as the reader gives them. */
  const asLf = (cell: string) => String(cell).replace(/\r\n?/g, '\n');
  // Cells made of the characters that matter to quoting, so odd cases come up often.
  const cell = fc.string({ unit: fc.constantFrom('a', 'b', ',', ';', '"', '\n', '\r', ' '), maxLength: 6 });
  const table = fc.array(fc.array(cell, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 12 });

  it('reads the same records, lines and offsets however the text arrives in pieces', () => {
    fc.assert(
      fc.property(
        table,
        fc.constantFrom('\n', '\r\n', '\r'),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 20 }),
        (rows, eol, cuts) => {
          const text = Papa.unparse(rows, { newline: eol }) + eol;
          const dialect = { delimiter: ',', newline: eol as '\n' };
          const whole = inPieces(text, [], dialect);
          expect(inPieces(text, cuts, dialect)).toEqual(whole);
          // The cells are what PapaParse reads, line breaks in them as LF, and each record can be read again from its offsets.
          const papa = Papa.parse<string[]>(text, { delimiter: ',', newline: eol }).data;
          expect(whole.map((r) => r.cells)).toEqual(papa.map((row) => row.map(asLf)));
          for (const r of whole) expect(recordAt(text, r.start, r.end, dialect)).toEqual(r.cells);
          // Lines: where each record starts in the file (line breaks before it, CRLF as one), and
          // the records tile the text.
          const breaksBefore = (at: number) => (text.slice(0, at).match(/\r\n|\r|\n/g) ?? []).length;
          whole.forEach((r) => expect(r.line).toBe(1 + breaksBefore(r.start)));
          for (let i = 1; i < whole.length; i++) expect(whole[i]!.start).toBe(whole[i - 1]!.end);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('reads each row as written when LF and CRLF line ends are mixed, however the text arrives', () => {
    fc.assert(
      fc.property(
        table.filter((rows) => rows.length > 1 || rows[0]!.join('') !== ''),
        fc.array(fc.constantFrom('\n', '\r\n'), { minLength: 12, maxLength: 12 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 8 }),
        (rows, ends, cuts) => {
          const text = rows.map((row, i) => Papa.unparse([row]) + ends[i]!).join('');
          const dialect = { delimiter: ',', newline: sniffDialect(text).newline };
          const records = inPieces(text, cuts, dialect);
          expect(records.map((r) => r.cells)).toEqual([...rows.map((row) => row.map(asLf)), ['']]);
          for (const r of records) expect(recordAt(text, r.start, r.end, dialect)).toEqual(r.cells);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('reads a line break inside a cell as LF whether the file wrote CR, CRLF or LF, in pieces or whole', () => {
    fc.assert(
      fc.property(
        table,
        fc.constantFrom('\n', '\r\n', '\r'),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 8 }),
        (rows, eol, cuts) => {
          // The table as an LF file, then every line break in it (between rows and inside cells) as `eol`.
          const lf = rows.map((row) => row.map(asLf));
          const text = (Papa.unparse(lf, { newline: '\n' }) + '\n').replace(/\n/g, eol);
          const dialect = { delimiter: ',', newline: eol as '\n' };
          const records = inPieces(text, cuts, dialect);
          expect(records.map((r) => r.cells)).toEqual([...lf, ['']]);
          for (const r of records) expect(recordAt(text, r.start, r.end, dialect)).toEqual(r.cells);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('reads a quoted field far larger than a chunk without reading the text over and over', () => {
    const big = 'x'.repeat(3_000_000);
    const text = `id,note\na,"${big}"\nb,c\n`;
    const records = inPieces(
      text,
      Array.from({ length: 200 }, (_, i) => i / 200),
    );
    expect(records.map((r) => r.line)).toEqual([1, 2, 3, 4]);
    expect(records[2]!.cells).toEqual(['b', 'c']);
    expect(records[1]!.cells[1]!.length).toBe(big.length);
  });
});

describe('a large file read as a stream of text pieces', () => {
  it('makes the same dataset as the whole text, BOM dropped, pieces cut anywhere', async () => {
    const data = generateDataset({ meetings: 15_000, venues: 20, seed: 11, newline: '\n' });
    const text = `\uFEFF${data.dialogues}`;
    // In parts, as a browser's stream gives it, so pieces end mid-record.
    const parts = Array.from({ length: Math.ceil(text.length / 100_003) }, (_, i) =>
      text.slice(i * 100_003, (i + 1) * 100_003),
    );
    const pieces = await readTextPieces(new Blob(parts), async () => {});
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.join('')).toBe(data.dialogues);
    const whole = buildDataset(data);
    const inPieces = buildDataset({ ...data, dialogues: pieces });
    expect(inPieces.dataset.dialogues).toEqual(whole.dataset.dialogues);
    expect(inPieces.problems).toEqual(whole.problems);
    expect(whole.dataset.dialogues).toHaveLength(15_000);
  }, 30_000);
});
