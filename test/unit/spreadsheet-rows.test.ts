import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { spreadsheetRows } from '../../src/lib/ingest/spreadsheet-rows';

/** The row of each line, counted the slow way: one row per record, a record's lines all in its row. */
function rowsByWalking(recordLines: number[], sepLine: boolean): Map<number, number> {
  const rows = new Map<number, number>();
  let line = 1;
  if (sepLine) rows.set(line++, 0);
  recordLines.forEach((lines, i) => {
    for (let k = 0; k < lines; k++) rows.set(line + k, i + 1);
    line += lines;
  });
  return rows;
}

describe('spreadsheet rows', () => {
  it('every line maps to the row of the record it is in, however many records span lines', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 60 }),
        fc.boolean(),
        (records, sepLine) => {
          const spans: number[] = [];
          let line = sepLine ? 2 : 1;
          for (const lines of records) {
            if (lines > 1) spans.push(line, lines);
            line += lines;
          }
          const rowOf = spreadsheetRows({ spans, sepLine });
          for (const [l, row] of rowsByWalking(records, sepLine)) if (row > 0) expect(rowOf(l)).toBe(row);
        },
      ),
    );
  });
});
