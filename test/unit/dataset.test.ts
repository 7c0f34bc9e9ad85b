import { describe, expect, it } from 'vitest';
import { buildDataset } from '../../src/lib/data/dataset';
import { parseTopics } from '../../src/lib/data/vocabulary';
import { ingest } from '../../src/lib/ingest/ingest';
import { bundled, fixture } from '../fixtures/read';

const withDialogues = (dialogues: string) => ({
  dialogues,
  venues: bundled('venues.geojson'),
  topics: bundled('topics.csv'),
  sources: bundled('sources.csv'),
});

describe('buildDataset', () => {
  it('warns about unknown venue, topic and source ids but keeps the meeting', () => {
    const { dataset, problems } = buildDataset(withDialogues(fixture('dialogues-unknown-references.csv')));
    expect(dataset.dialogues.map((d) => d.id)).toEqual(['a1']);
    expect(problems.map((p) => [p.severity, p.line, p.column, p.value])).toEqual([
      ['warning', 2, 'venue_id', 'atlantis'],
      ['warning', 2, 'topics', 'piracy'],
      ['warning', 2, 'source_id', 's9'],
    ]);
  });

  it('lists the first 500 problems and counts them all, in the dashboard and in an upload alike', () => {
    // Each its own round: 1,200 meetings of one track in 2025 without one would each be a meeting another row could be.
    const rows = Array.from({ length: 1200 }, (_, i) => `x${i},2025,held,P,T,${i + 1},nowhere,counter-terrorism,s1`);
    const text = ['id,date,status,partner,track,round,venue_id,topics,source_id', ...rows].join('\n');
    const built = buildDataset(withDialogues(text));
    expect(built.problems).toHaveLength(500);
    expect([built.errors, built.warnings]).toEqual([0, 1200]);
    expect(built.problems.at(-1)).toMatchObject({ line: 501, column: 'venue_id', value: 'nowhere' });
    const upload = ingest([{ name: 'many.csv', text }], withDialogues(bundled('dialogues.csv')), 'replace');
    expect(upload.problems).toHaveLength(500);
    // One more in the upload: the line saying no venues file came with it to define “nowhere”.
    expect([upload.errors, upload.warnings]).toEqual([0, 1201]);
    expect(upload.problems[0]!.message).toBe(
      'nowhere is not in the venues.geojson shown now: upload your venues.geojson with this file.',
    );
  });

  it('reports a duplicate topic id and a topic without an id', () => {
    const { rows, problems } = parseTopics(fixture('topics-duplicate-and-missing-id.csv'));
    expect(rows.map((t) => t.label)).toEqual(['Migration']);
    expect(problems.map((p) => [p.line, p.column, p.severity])).toEqual([
      [3, 'id', 'error'],
      [4, 'id', 'error'],
    ]);
  });
});
