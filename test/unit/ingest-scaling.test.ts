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
    const file = (rows: number) =>
      generateDataset({ meetings: rows, venues: 50, seed: 5, newline: '\n', idPrefix: 'new-' }).dialogues;
    const sizes = [20_000, 200_000] as const;
    const files = sizes.map(file);
    const best = [Infinity, Infinity];
    // Rounds that take both sizes in turn, and the best time of each: the first run pays for
    // warming up, and a busy machine (or a garbage collection) only ever adds time, to either size.
    for (let round = 0; round < 3; round++) {
      sizes.forEach((rows, k) => {
        const t0 = performance.now();
        const r = ingest([{ name: 'dialogues.csv', text: files[k]! }], current, 'replace');
        best[k] = Math.min(best[k]!, (performance.now() - t0) / rows);
        expect([r.errors, r.diff.added, r.diff.removed]).toEqual([0, rows, 2_000]);
      });
    }
    const [small, large] = best as [number, number];
    expect(
      large / small,
      `per row: ${(small * 1e3).toFixed(2)} µs at 20k, ${(large * 1e3).toFixed(2)} µs at 200k`,
    ).toBeLessThan(2);
  }, 60_000);
});
