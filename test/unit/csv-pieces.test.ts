import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvScanner, RecordSplitter } from '../../src/lib/data/csv-scan';
import { buildDataset } from '../../src/lib/data/dataset';
import { readCsvPieces } from '../../src/lib/data/read-text';
import { generateDataset } from '../../scripts/bench/generate-data.js';

/** Every record's cells and line, read from the pieces in turn as DialogueReader does. */
function records(pieces: readonly string[], delimiter = ','): [number, string[]][] {
  const out: [number, string[]][] = [];
  let records = 0;
  for (const piece of pieces) {
    const scanner = new CsvScanner(piece, delimiter);
    scanner.records = records;
    const cells: string[] = [];
    while (scanner.next(cells)) out.push([scanner.records, [...cells]]);
    records = scanner.records;
  }
  return out;
}

/** The text cut into arbitrary chunks, fed to a splitter: the pieces it hands out. */
function split(text: string, cuts: number[], delimiter = ','): string[] {
  const splitter = new RecordSplitter(delimiter);
  const pieces: string[] = [];
  let from = 0;
  for (const at of [...cuts.map((c) => Math.floor(c * text.length)), text.length].sort((a, b) => a - b)) {
    const piece = splitter.push(text.slice(from, at));
    if (piece !== '') pieces.push(piece);
    from = at;
  }
  const rest = splitter.end();
  if (rest !== '') pieces.push(rest);
  return pieces;
}

// Cells made of the characters that matter to quoting, so odd cases come up often.
const cell = fc.string({ unit: fc.constantFrom('a', 'b', ',', ';', '"', '\n', '\r', ' '), maxLength: 6 });
const quoted = cell.map((c) => `"${c.replace(/"/g, '""')}"`);
const csvText = fc
  .tuple(
    fc.array(fc.array(fc.oneof(cell, quoted), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 12 }),
    fc.constantFrom('\n', '\r\n'),
    fc.boolean(),
  )
  .map(([rows, eol, trailing]) => rows.map((r) => r.join(',')).join(eol) + (trailing ? eol : ''));

describe('reading a large CSV file in pieces of whole records', () => {
  it('reads the same records and lines as the whole text, however the text arrives', () => {
    fc.assert(
      fc.property(csvText, fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 20 }), (text, cuts) => {
        expect(records(split(text, cuts))).toEqual(records([text]));
      }),
      { numRuns: 400 },
    );
  });

  it('cuts only after a line feed outside quotes', () => {
    const splitter = new RecordSplitter(',');
    expect(splitter.push('id,summary\na,"two\nlines"\nb,x')).toBe('id,summary\na,"two\nlines"\n');
    expect(splitter.push('y\nc,"open')).toBe('b,xy\n');
    expect(splitter.push('"" quote"\n')).toBe('c,"open"" quote"\n');
    // A doubled quote split between pieces: still inside the field.
    expect(splitter.push('d,"x"')).toBe('');
    expect(splitter.push('"\ny')).toBe('');
    expect(splitter.push('"\n')).toBe('d,"x""\ny"\n');
  });

  it('keeps a quote inside an unquoted field as text, as the scanner does', () => {
    const splitter = new RecordSplitter(',');
    expect(splitter.push('a,5" screen\nb,"x\ny"\n')).toBe('a,5" screen\nb,"x\ny"\n');
  });

  it('gives a large file as pieces that make the same dataset as the whole text', async () => {
    const data = generateDataset({ meetings: 30_000, venues: 20, seed: 11 });
    const bom = `\uFEFF${data.dialogues}`;
    const pieces = await readCsvPieces(new Blob([bom]), async () => {});
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.join('')).toBe(data.dialogues);
    const whole = buildDataset(data);
    const inPieces = buildDataset({ ...data, dialogues: pieces });
    expect(inPieces.dataset.dialogues).toEqual(whole.dataset.dialogues);
    expect(inPieces.problems).toEqual(whole.problems);
  });
});
