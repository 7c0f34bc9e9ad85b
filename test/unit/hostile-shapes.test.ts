import { describe, expect, it } from 'vitest';
import { CurrentData, ingest } from '../../src/lib/ingest/ingest';
import { bundled } from '../fixtures/read';

const current = new CurrentData({
  dialogues: bundled('dialogues.csv'),
  venues: bundled('venues.geojson'),
  topics: bundled('topics.csv'),
  sources: bundled('sources.csv'),
});
const HEADER =
  'id,date,status,partner,track,round,level,venue_id,topics,lead_pakistan,lead_partner,source_id,evidence,summary';
const check = (text: string) => ingest([{ name: 'hostile.csv', text }], current, 'replace');

/** Every message and value a person would read stays short. */
function readable(r: ReturnType<typeof check>) {
  for (const p of r.problems) {
    expect(p.message.length).toBeLessThan(400);
    expect((p.value ?? '').length).toBeLessThan(200);
    expect((p.column ?? '').length).toBeLessThan(400);
  }
  for (const row of r.diff.rows)
    for (const f of row.fields) expect(f.after.length + f.before.length).toBeLessThan(2100);
}

describe('hostile file shapes are answered in bounded time with readable messages', () => {
  it('a header of a million columns', () => {
    const columns = Array.from({ length: 1_000_000 }, (_, i) => (i % 2 ? 'id' : `c${i}`));
    const r = check(`${HEADER},${columns.join(',')}\nx,2025,held,P,T,,,islamabad,migration,,,s1,,\n`);
    expect(r.errors).toBeGreaterThan(0); // the row has 14 cells, the header a million
    // The repeated names, 20 at a time and then counted, and one warning counting the unread columns.
    expect(r.problems.filter((p) => p.line === 1).length).toBeLessThanOrEqual(22);
    readable(r);
  });

  it('a 10 MB field, as a date, a venue and a summary', () => {
    const big = 'x'.repeat(10 * 1024 * 1024);
    const r = check(
      `${HEADER}\nx,"${big}",held,P,T,,,${big},migration,,,s1,,"${big}"\ny,2025,held,P,T,,,islamabad,migration,,,s1,,"${big}"\n`,
    );
    expect(r.errors).toBe(1);
    expect(r.problems.find((p) => p.column === 'date')?.message).toContain('more characters');
    expect(r.diff.added).toBe(1);
    readable(r);
  });

  it('100,000 errors: all counted, the first 500 listed', () => {
    const rows = Array.from({ length: 100_000 }, (_, i) => `e${i},2025,postponed,P,T,,,islamabad,migration,,,s1,,`);
    const r = check(`${HEADER}\n${rows.join('\n')}\n`);
    expect(r.errors).toBe(100_000);
    expect(r.problems.length).toBe(500);
    expect(r.problems[499]!.line).toBe(501);
    readable(r);
  });

  it('an unclosed quote at the start of a large file', () => {
    // Each its own round: without one, 50,000 meetings of one track in 2025 would each be said to be another's.
    const rows = Array.from(
      { length: 50_000 },
      (_, i) => `q${i},2025,held,P,T,${i + 1},,islamabad,migration,,,s1,,"a, b"`,
    );
    const r = check(`${HEADER}\nopen,"2025,held\n${rows.join('\n')}\n`);
    expect(r.problems[0]).toMatchObject({ line: 2, severity: 'error' });
    expect(r.problems[0]!.message).toMatch(/quote/);
    readable(r);
  });
});
