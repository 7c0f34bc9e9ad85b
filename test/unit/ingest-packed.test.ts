import { describe, expect, it, vi } from 'vitest';
import { packDataset, unpackSteps } from '../../src/lib/data/packed';
import { runNow } from '../../src/lib/data/steps';
import { CurrentData, ingest } from '../../src/lib/ingest/ingest';
import { packedOf } from '../../src/lib/ingest/packed-upload';

// packedOf as it is, counted.
vi.mock('../../src/lib/ingest/packed-upload', async (importOriginal) => {
  const m = await importOriginal<typeof import('../../src/lib/ingest/packed-upload')>();
  return { ...m, packedOf: vi.fn(m.packedOf) };
});
import { bundled } from '../fixtures/read';

const current = {
  dialogues: bundled('dialogues.csv'),
  venues: bundled('venues.geojson'),
  topics: bundled('topics.csv'),
  sources: bundled('sources.csv'),
};
const [header, ...lines] = current.dialogues.trimEnd().split('\n');
/** Another tool's export: LF, a float round (pandas), an R NA (a warning), one row edited, one removed, one added. */
const edited = [
  header,
  ...lines
    .filter((l) => !l.startsWith('us-2023-03-ct'))
    .map((l) => (l.startsWith('eu-2026-political') ? l.replace(',2026,', ',2026-06,') : l)),
  'new-1,2026-01,planned,Afghanistan,Talks,3.0,NA,kabul,refugees,,,s2,q,"two\nlines"',
].join('\n');

/** What Apply shows: the dataset made from the packed columns. */
const shown = (packed: ReturnType<typeof packDataset>) => runNow(unpackSteps(packed));

describe('one parse: Apply shows the rows the upload check read', () => {
  it.each(['replace', 'merge'] as const)('%s: the packed dataset is the one its files would make', (mode) => {
    const r = ingest([{ name: 'from-pandas.csv', text: edited }], new CurrentData(current), mode, () => {}, true);
    expect(r.errors).toBe(0);
    expect(r.problems).toMatchObject([{ severity: 'warning', column: 'level', value: 'NA' }]);
    expect(r.pack).toBeDefined();
    expect(shown(r.pack!())).toEqual(shown(packDataset(r.texts)));
  });

  it('the review is ready before Apply’s dataset is packed: packing waits for pack(), and is done once', () => {
    // At 50,000 rows packing (the views Apply shows) took a third of the time before the review
    // appeared; the worker now posts the review, then packs while the page draws it.
    vi.mocked(packedOf).mockClear();
    const r = ingest([{ name: 'from-pandas.csv', text: edited }], new CurrentData(current), 'replace', () => {}, true);
    expect(r.diff.added + r.diff.changed + r.diff.removed).toBeGreaterThan(0);
    expect(packedOf).not.toHaveBeenCalled();
    const first = r.pack!();
    expect(r.pack!()).toBe(first);
    expect(packedOf).toHaveBeenCalledTimes(1);
  });

  it('an upload of topics alone packs the meetings shown now, with their new problems', () => {
    const topics = bundled('topics.csv').replace(/\r?\n[^\r\n]*$/, '');
    const r = ingest([{ name: 'topics.csv', text: topics }], current, 'replace', () => {}, true);
    if (r.errors === 0) expect(shown(r.pack!())).toEqual(shown(packDataset(r.texts)));
    else expect(r.pack).toBeUndefined();
  });

  it('warns of each row’s unknown venue, topic or source, repeated ones on every row, as without packing', () => {
    // Each its own round (a is 1, b 2…): without one, five meetings of one track in January 2026 would be said to be one.
    const row = (id: string, venue: string, topics: string, source: string) =>
      `${id},2026-01,planned,Afghanistan,Talks,${id.charCodeAt(0) - 96},,${venue},${topics},,,${source},q,s`;
    const text = [
      header,
      row('a', 'nowhere', 'refugees', 's2'),
      row('b', 'kabul', 'refugees;no-such-topic', 's2'),
      row('c', 'nowhere', 'refugees', 'no-source'),
      row('d', 'kabul', 'refugees;no-such-topic', ''),
      row('e', 'kabul', 'refugees', 's2'),
    ].join('\n');
    const packed = ingest([{ name: 'refs.csv', text }], current, 'replace', () => {}, true);
    const plain = ingest([{ name: 'refs.csv', text }], current, 'replace');
    expect(packed.problems).toEqual(plain.problems);
    // First, for the file as a whole, one line a kind naming the ids the files shown now lack (none uploaded).
    expect(packed.problems.map((p) => [p.line, p.column])).toEqual([
      [undefined, 'venue_id'],
      [undefined, 'topics'],
      [undefined, 'source_id'],
      [2, 'venue_id'],
      [3, 'topics'],
      [4, 'venue_id'],
      [4, 'source_id'],
      [5, 'topics'],
      [5, 'source_id'],
    ]);
    expect(shown(packed.pack!()).warnings).toBe(6);
  });

  it('a file with errors packs nothing', () => {
    const r = ingest(
      [{ name: 'x.csv', text: `${header}\n,2026,held,P,T,,,,,,,s1,,` }],
      current,
      'replace',
      () => {},
      true,
    );
    expect(r.errors).toBeGreaterThan(0);
    expect(r.pack).toBeUndefined();
  });
});

describe('the file’s row count, for “11 of 14 rows ready to load”', () => {
  it('counts every data row, those left out with errors included, blank lines not', () => {
    const text = [
      header,
      lines[0],
      '',
      lines[1],
      'bad,nope,held,P,T,,,,,,,s1,,',
      lines[2]!.split(',').slice(0, 3).join(','),
    ].join('\n');
    const r = ingest([{ name: 'x.csv', text }], current, 'replace');
    expect(r.files[0]).toMatchObject({ rows: 2, records: 4 });
  });
});
