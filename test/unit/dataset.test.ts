import { describe, expect, it } from 'vitest';
import { buildDataset } from '../../src/lib/data/dataset';
import { parseTopics } from '../../src/lib/data/vocabulary';
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

  it('reports a duplicate topic id and a topic without an id', () => {
    const { rows, problems } = parseTopics(fixture('topics-duplicate-and-missing-id.csv'));
    expect(rows.map((t) => t.label)).toEqual(['Migration']);
    expect(problems.map((p) => [p.line, p.column, p.severity])).toEqual([
      [3, 'id', 'error'],
      [4, 'id', 'error'],
    ]);
  });
});
