import fc from 'fast-check';
import { unzipSync, strFromU8 } from 'fflate';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvMoreRows, csvText } from '../../src/lib/data/csv-write';
import { buildDataset } from '../../src/lib/data/dataset';
import { packDataset, unpackSteps } from '../../src/lib/data/packed';
import { packedSource } from '../../src/lib/data/packed-meetings';
import { forTransfer } from '../../src/lib/data/packed-transfer';
import { DATA_FILES, DIALOGUE_COLUMNS, type Dataset, type DataFileKind } from '../../src/lib/data/schema';
import { runNow } from '../../src/lib/data/steps';
import { dialoguesCsv } from '../../src/lib/export/csv-download';
import { dataPackageZip, datasetFile, datasetFileText } from '../../src/lib/export/data-package';
import { postInSlices, SliceReceiver } from '../../src/lib/export/array-slices';
import { dialoguesPieces, fileBlob, packageBlob, type FileSource } from '../../src/lib/export/file-pieces';
import { bundledTexts } from '../fixtures/read';

/**
 * A download of large data is written in a worker (data-files.worker.ts) from a copy of the page's
 * packed columns, a slice of rows at a time: the file must be the one the page writes, byte for byte.
 */

const published = bundledTexts();
/** What the package says of itself: a fixed time, so the page's zip and the worker's are the same bytes. */
const ABOUT = { created: '2026-12-07T21:58:51+05:00', unpublished: true, address: 'https://atlas.example/' };
const KINDS = Object.keys(DATA_FILES) as DataFileKind[];

// Cells a CSV writer can get wrong: formulas (and ones already neutralised), quotes, commas, CRLF,
// CR and LF inside a cell, tabs, edge spaces, right-to-left text and marks, characters past Latin-1
// (the packed columns then travel as 16-bit codes) and surrogate pairs.
const hostile = fc.string({
  unit: fc.constantFrom(
    'a',
    ' ',
    ',',
    ';',
    '"',
    "'",
    '\r\n',
    '\n',
    '\r',
    '\t',
    '=',
    '+',
    '-',
    '@',
    'é',
    'پاکستان',
    'שלום',
    '\u200f',
    '\u202e',
    '😀',
  ),
  maxLength: 12,
});
const id = fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/);
const day = fc
  .date({ min: new Date('1990-01-01'), max: new Date('2040-12-31'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const row = fc.record({
  date: fc.oneof(
    day,
    day.map((s) => s.slice(0, 7)),
    day.map((s) => s.slice(0, 4)),
  ),
  status: fc.constantFrom('held', 'planned'),
  partner: hostile.filter((s) => s.trim() !== ''),
  track: hostile.filter((s) => s.trim() !== ''),
  round: fc.option(fc.integer({ min: 1, max: 99 }), { nil: null }),
  cells: fc.array(hostile, { minLength: 6, maxLength: 6 }),
  topics: fc.uniqueArray(fc.constantFrom('counter-terrorism', 'trade', 'energy'), { maxLength: 3 }),
});

type Row = typeof row extends fc.Arbitrary<infer R> ? R : never;

/** An uploaded dialogues.csv of these rows, written by PapaParse as a spreadsheet might (formulas not neutralised). */
function upload(rows: [string, Row][]) {
  return Papa.unparse({
    fields: [...DIALOGUE_COLUMNS],
    data: rows.map(([i, r]) => [
      i,
      r.date,
      r.status,
      r.partner,
      r.track,
      r.round ?? '',
      r.cells[0]!,
      'islamabad',
      r.topics.join(';'),
      r.cells[1]!,
      r.cells[2]!,
      's1',
      r.cells[3]! + r.cells[4]!,
      r.cells[5]!,
    ]),
  });
}

// The sources hold hostile cells too (written whole, in the worker as on the page).
const sources = `${published.sources.trimEnd()}\ns-x,"=HYPERLINK(""x"")\r\nسطر","@pub, ""quoted"" \u200f",2024\n`;

/**
 * The dataset as the page holds it after Apply (packed in the upload's worker, moved, unpacked
 * lazily), and what the download's worker receives of it: the packed columns posted in slices of
 * `sliceBytes` (copied as postMessage copies them, each slice moved).
 */
async function shownPacked(dialogues: string, sliceBytes = 64): Promise<{ dataset: Dataset; source: FileSource }> {
  const packed = forTransfer(packDataset({ ...published, sources, dialogues })).packed;
  const { dataset } = runNow(unpackSteps(packed));
  const receiver = new SliceReceiver();
  let received: { value: unknown } | null = null;
  await postInSlices(
    { ...dataset, dialogues: packedSource(dataset.dialogues)! },
    (m, transfer) => (received ??= receiver.take(structuredClone(m, { transfer }))),
    async () => {},
    sliceBytes,
  );
  return { dataset, source: received!.value as FileSource };
}

describe('a download written in the worker', () => {
  it('is the file the page writes, for any table of hostile cells, whatever the slices', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.tuple(id, row), { selector: ([i]) => i, minLength: 0, maxLength: 12 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 40 }),
        async (rows, slice, sliceBytes) => {
          const text = upload(rows);
          const { dataset, source } = await shownPacked(text, sliceBytes);
          expect(dataset.dialogues).toHaveLength(rows.length);
          const onPage = dialoguesCsv(dataset.dialogues);
          const progress: number[] = [];
          expect([...dialoguesPieces(source.dialogues, (f) => progress.push(f), slice)].join('')).toBe(onPage);
          if (rows.length) expect(progress.at(-1)).toBe(1);
          // Meetings made already (not packed) are written the same.
          expect([...dialoguesPieces(buildDataset({ ...published, dialogues: text }).dataset.dialogues)].join('')).toBe(
            onPage,
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  it('writes a formula cell neutralised, a quote doubled, a line break inside quotes, RTL text as it is', async () => {
    const rows: [string, Row][] = [
      [
        'x1',
        {
          date: '2024-05',
          status: 'held',
          partner: '=HYPERLINK("http://x")',
          track: '+track',
          round: 2,
          cells: ['@venue', 'سلام، "دنیا"', '-lead', 'line one\r\nline two', '', '-5 points'],
          topics: ['trade'],
        },
      ],
    ];
    const { dataset, source } = await shownPacked(upload(rows));
    const written = await fileBlob(source, 'dialogues').text();
    expect(written).toBe(dialoguesCsv(dataset.dialogues));
    expect(written).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(written).toContain(`'+track`);
    expect(written).toContain('"سلام، ""دنیا"""');
    expect(written).toContain('"line one\nline two"'); // read as LF, written as LF
    expect(written).toContain(`'-5 points`);
  });

  it('each file and the data package hold what the page writes', async () => {
    const text = upload(
      fc.sample(fc.uniqueArray(fc.tuple(id, row), { selector: ([i]) => i, minLength: 30, maxLength: 30 }), {
        seed: 7,
        numRuns: 1,
      })[0]!,
    );
    const { dataset, source } = await shownPacked(text);
    for (const kind of KINDS) {
      const blob = fileBlob(source, kind);
      expect(await blob.text(), kind).toBe(datasetFileText(dataset, kind));
      // Byte for byte (Blob.text() drops a BOM): a CSV's BOM too.
      const bytes = new Uint8Array(await blob.arrayBuffer());
      expect(bytes, kind).toEqual(new Uint8Array(await datasetFile(dataset, kind).arrayBuffer()));
      expect(bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf, kind).toBe(kind !== 'venues');
      expect(blob.type).toBe(kind === 'venues' ? 'application/geo+json' : 'text/csv');
    }
    const unzip = async (blob: Blob) =>
      Object.entries(unzipSync(new Uint8Array(await blob.arrayBuffer()))).map(([name, bytes]) => [
        name,
        strFromU8(bytes),
      ]);
    const inWorker = await unzip(packageBlob(source, ABOUT));
    expect(inWorker).toEqual(await unzip(await dataPackageZip(dataset, ABOUT)));
    // README.txt counts the meetings sent as packed columns, as the page counts its own.
    expect(inWorker[0]![1]).toContain(`* dialogues.csv (${dataset.dialogues.length} rows)`);
    expect(inWorker.map(([name]) => name)).toEqual([
      'README.txt',
      'datapackage.json',
      ...KINDS.map((k) => DATA_FILES[k]),
    ]);
    // Their CSVs and README.txt start with a BOM (strFromU8 drops it: read from the bytes).
    const raw = unzipSync(new Uint8Array(await packageBlob(source, ABOUT).arrayBuffer()));
    expect(Object.values(raw).map((b) => b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf)).toEqual([
      true,
      false,
      true,
      false,
      true,
      true,
    ]);
  });

  it('the published data, written in slices, is the published dialogues.csv', async () => {
    const { source } = await shownPacked(published.dialogues);
    expect([...dialoguesPieces(source.dialogues, undefined, 2)].join('')).toBe(published.dialogues);
  });

  it('more rows written apart are the rows written at once (csvMoreRows after csvText)', () => {
    const width = DIALOGUE_COLUMNS.length;
    fc.assert(
      fc.property(
        fc.array(fc.array(hostile, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 8 }),
        fc.nat(8),
        (rows, cut) => {
          const at = 1 + (cut % rows.length);
          expect(csvText(DIALOGUE_COLUMNS, rows.slice(0, at)) + csvMoreRows(rows.slice(at))).toBe(
            csvText(DIALOGUE_COLUMNS, rows),
          );
        },
      ),
      { numRuns: 300 },
    );
    expect(csvMoreRows([])).toBe('');
  });
});
