// The upload ingest against raw PapaParse, on the same bytes in the same run (Node, one core).
// Usage: node --expose-gc scripts/bench/ingest.js [rows …]   (default: 100000 1000000)
import Papa from 'papaparse';
import { runnerImport } from 'vite';
import { generateDataset } from './generate-data.js';

/** @type {{ module: typeof import('../../src/lib/ingest/ingest.ts') }} */
const { module: core } = await runnerImport('/src/lib/ingest/ingest.ts', { root: process.cwd(), logLevel: 'silent' });
const gc = /** @type {() => void} */ (globalThis.gc ?? (() => {}));
const mb = (/** @type {number} */ b) => `${(b / 1048576).toFixed(0)} MB`;
/** Memory the JavaScript heap and buffers hold. */
const used = () => {
  const m = process.memoryUsage();
  return m.heapUsed + m.external + m.arrayBuffers;
};

const sizes = process.argv.slice(2).map(Number).filter(Boolean);
const rows = [];
for (const count of sizes.length ? sizes : [100_000, 1_000_000]) {
  const upload = generateDataset({ meetings: count, venues: 500, seed: 1 });
  // The data shown now: the same file with 1 row in 100 edited, so the diff finds real changes.
  const currentTexts = {
    ...upload,
    dialogues: upload.dialogues.replace(/A summary of the meeting(?=[^\n]*\nm\d*00,)/g, 'An older summary'),
  };
  gc();
  let t0 = performance.now();
  const current = new core.CurrentData(currentTexts);
  const indexMs = performance.now() - t0;
  gc();
  // The upload as the app exported it, and as a spreadsheet that quotes every field saves it:
  // the same values in other bytes, so no row can be matched by its bytes and every row is hashed.
  const requoted = Papa.unparse(Papa.parse(upload.dialogues, { skipEmptyLines: true }).data, { quotes: true });
  /** @type {[string, string][]} */
  const uploads = [
    ['same export, 1 row in 100 edited', upload.dialogues],
    ['re-saved, every field quoted', requoted],
  ];
  for (const [variant, text] of uploads) {
    const bytes = Buffer.byteLength(text);
    gc();
    t0 = performance.now();
    const parsed = Papa.parse(text, { header: true }).data.length;
    const papaMs = performance.now() - t0;
    void parsed;
    gc();

    // Peak memory while ingesting, above what was in use before it started (the texts were).
    const base = used();
    let peak = base;
    t0 = performance.now();
    const result = core.ingest([{ name: 'dialogues.csv', text }], current, 'replace', () => {
      peak = Math.max(peak, used());
    });
    const oursMs = performance.now() - t0;
    peak = Math.max(peak, used());
    if (result.errors) throw new Error(`the generated file had ${result.errors} errors`);
    rows.push({
      rows: count.toLocaleString('en'),
      upload: variant,
      file: mb(bytes),
      'PapaParse header': `${papaMs.toFixed(0)} ms`,
      'our ingest': `${oursMs.toFixed(0)} ms`,
      ratio: (oursMs / papaMs).toFixed(2),
      'rows/s': Math.round(count / (oursMs / 1000)).toLocaleString('en'),
      'peak memory': `${mb(peak - base)} (${((peak - base) / bytes).toFixed(2)}× file)`,
      diff: `${result.diff.added}/${result.diff.changed}/${result.diff.removed}`,
      'index current (once)': `${indexMs.toFixed(0)} ms`,
    });
  }
  gc();
}
console.log(
  '\nUpload ingest (parse + validate + diff) vs raw PapaParse (header mode, one string); same bytes, same run\n',
);
console.table(rows);
process.exit(0);
