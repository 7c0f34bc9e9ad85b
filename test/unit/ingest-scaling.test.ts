import { describe, expect, it } from 'vitest';
import { CurrentData, ingest } from '../../src/lib/ingest/ingest';
import { generateDataset } from '../../scripts/bench/generate-data.js';

/**
 * A guard against cost that grows faster than the file (the hand-written reader this replaced
 * took 9 minutes for 100,000 LF rows): the cost per row at 200,000 rows must stay within 2× of
 * the cost at 20,000, measured in the same process. No absolute time limit, so a slow or busy
 * machine does not fail it; only a change in shape does.
 */
describe('upload ingest grows linearly with the file', () => {
  it('costs about as much per row at 200,000 rows as at 20,000 (LF line ends, all new ids)', () => {
    const shown = generateDataset({ meetings: 2_000, venues: 50, seed: 3 });
    const current = new CurrentData(shown);
    const perRow = (rows: number) => {
      const { dialogues } = generateDataset({ meetings: rows, venues: 50, seed: 5, newline: '\n', idPrefix: 'new-' });
      let best = Infinity;
      // The best of a few runs: the first pays for warming up, and a busy machine only adds time.
      for (let run = 0; run < (rows > 100_000 ? 2 : 4); run++) {
        const t0 = performance.now();
        const r = ingest([{ name: 'dialogues.csv', text: dialogues }], current, 'replace');
        best = Math.min(best, performance.now() - t0);
        expect([r.errors, r.diff.added, r.diff.removed]).toEqual([0, rows, 2_000]);
      }
      return best / rows;
    };
    const small = perRow(20_000);
    const large = perRow(200_000);
    expect(large / small, `per row: ${(small * 1e3).toFixed(2)} µs at 20k, ${(large * 1e3).toFixed(2)} µs at 200k`).toBeLessThan(2);
  }, 60_000);
});
