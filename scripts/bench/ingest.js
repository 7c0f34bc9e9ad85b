// The upload ingest against raw PapaParse, on the same bytes in the same run (Node, one core).
// A matrix: sizes × line ends (LF, CRLF, CR) × what the upload holds (the shown meetings with
// 1 in 100 edited, all new ids, half the rows removed) × how it is written (plain, every field
// quoted, semicolon-delimited). The reference is Papa.parse in header mode on the same string.
//
// Usage: node --expose-gc --max-old-space-size=8192 scripts/bench/ingest.js [rows …]
// Default sizes 10,000 and 100,000; add 1,000,000 with BENCH_1M=1 or by naming it (about 10 minutes).
import Papa from 'papaparse';
import { runnerImport } from 'vite';
import { generateDataset } from './generate-data.js';

/** @type {{ module: typeof import('../../src/lib/ingest/ingest.ts') }} */
const { module: core } = await runnerImport('/src/lib/ingest/ingest.ts', { root: process.cwd(), logLevel: 'silent' });
const gc = /** @type {() => void} */ (globalThis.gc ?? (() => {}));
const mb = (/** @type {number} */ b) => `${(b / 1048576).toFixed(b < 10 * 1048576 ? 1 : 0)} MB`;
/** Milliseconds of CPU this process used since `from` (all threads: the garbage collector's helpers too). */
const cpuMs = (/** @type {NodeJS.CpuUsage} */ from) => {
  const u = process.cpuUsage(from);
  return (u.user + u.system) / 1000;
};
/** Memory the JavaScript heap and buffers hold. */
const used = () => {
  const m = process.memoryUsage();
  return m.heapUsed + m.external + m.arrayBuffers;
};

const named = process.argv.slice(2).map(Number).filter(Boolean);
const sizes = named.length ? named : [10_000, 100_000, ...(process.env.BENCH_1M ? [1_000_000] : [])];

/** @type {[string, string][]} */
const LINE_ENDS = [
  ['LF', '\n'],
  ['CRLF', '\r\n'],
  ['CR', '\r'],
];
/** @type {[string, object][]} */
const CONTENTS = [
  ['1 in 100 edited', { editEvery: 100 }],
  ['all new ids', { idPrefix: 'new-' }],
  ['half removed', { keepEvery: 2 }],
];
/** @type {[string, object][]} */
const FORMATS = [
  ['plain', {}],
  ['quoted', { quotes: true }],
  ['semicolon', { delimiter: ';' }],
];

/** @type {Record<string, string | number>[]} */
const rows = [];
/** rows/s per cell name and size, for the linearity check. */
const speed = new Map();
for (const count of sizes) {
  const shown = generateDataset({ meetings: count, venues: 500, seed: 1 });
  gc();
  let t0 = performance.now();
  const current = new core.CurrentData(shown);
  const indexMs = performance.now() - t0;
  console.error(`${count.toLocaleString('en')} rows: the data shown indexed in ${indexMs.toFixed(0)} ms`);
  for (const [eolName, newline] of LINE_ENDS) {
    for (const [content, contentOptions] of CONTENTS) {
      for (const [format, formatOptions] of FORMATS) {
        const text = generateDataset({
          meetings: count,
          venues: 500,
          seed: 1,
          newline: /** @type {'\n'} */ (newline),
          ...contentOptions,
          ...formatOptions,
        }).dialogues;
        const bytes = Buffer.byteLength(text);
        // Best of a few runs (PapaParse and ours in turn, so a busy moment hits both); one at 1M.
        const runs = count <= 10_000 ? 3 : count <= 100_000 ? 2 : 1;
        let papaMs = Infinity;
        let oursMs = Infinity;
        // CPU time too: on a shared, busy machine the wall clock also counts other processes' turns.
        let papaCpu = Infinity;
        let oursCpu = Infinity;
        let peak = 0;
        for (let run = 0; run < runs; run++) {
          gc();
          t0 = performance.now();
          let c0 = process.cpuUsage();
          Papa.parse(text, { header: true });
          papaMs = Math.min(papaMs, performance.now() - t0);
          papaCpu = Math.min(papaCpu, cpuMs(c0));
          gc();
          // Peak memory while ingesting, above what was in use before it started (the texts were).
          const base = used();
          let top = base;
          t0 = performance.now();
          c0 = process.cpuUsage();
          // As the upload worker runs it: packing the dataset Apply will show from the rows read (one parse).
          const result = core.ingest(
            [{ name: 'dialogues.csv', text }],
            current,
            'replace',
            () => {
              top = Math.max(top, used());
            },
            true,
          );
          oursMs = Math.min(oursMs, performance.now() - t0);
          oursCpu = Math.min(oursCpu, cpuMs(c0));
          peak = Math.max(peak, Math.max(top, used()) - base);
          if (result.errors) throw new Error(`the generated file had ${result.errors} errors`);
        }
        const cell = `${eolName} · ${content} · ${format}`;
        const rate = count / (oursCpu / 1000);
        speed.set(`${cell}|${count}`, rate);
        rows.push({
          rows: count.toLocaleString('en'),
          'line ends': eolName,
          upload: content,
          written: format,
          file: mb(bytes),
          PapaParse: `${papaMs.toFixed(0)} ms`,
          ours: `${oursMs.toFixed(0)} ms`,
          ratio: Number((oursMs / papaMs).toFixed(2)),
          'ratio (CPU)': Number((oursCpu / papaCpu).toFixed(2)),
          'rows/s (CPU)': Math.round(rate).toLocaleString('en'),
          'peak memory': `${(peak / bytes).toFixed(2)}× file`,
        });
      }
    }
  }
  gc();
}
console.log(
  '\nUpload ingest (parse + validate + diff against the data shown) vs raw PapaParse (header mode, one string); same bytes, same run\n',
);
console.table(rows);
for (const key of ['ratio', 'ratio (CPU)']) {
  const ratios = rows.map((r) => Number(r[key]));
  console.log(
    `${key}: worst ${Math.max(...ratios).toFixed(2)}, best ${Math.min(...ratios).toFixed(2)}; cells over 1.0: ${ratios.filter((r) => r > 1).length} of ${ratios.length}`,
  );
}
if (sizes.length > 1) {
  const small = sizes[0] ?? 0;
  const large = sizes[sizes.length - 1] ?? 0;
  const drift = [...new Set(rows.map((r) => `${r['line ends']} · ${r.upload} · ${r.written}`))].map(
    (cell) => speed.get(`${cell}|${large}`) / speed.get(`${cell}|${small}`),
  );
  console.log(
    `rows/s (CPU time) at ${large.toLocaleString('en')} against ${small.toLocaleString('en')}: from ${Math.min(...drift).toFixed(2)}× to ${Math.max(...drift).toFixed(2)}× (linear: 1.0)`,
  );
}
process.exit(0);
