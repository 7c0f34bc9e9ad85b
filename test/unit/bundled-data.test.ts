import { describe, expect, it } from 'vitest';
import { topicFrequency, venueSummaries } from '../../src/lib/data/aggregate';
import { buildDataset } from '../../src/lib/data/dataset';
import { bundled } from '../fixtures/read';

const { dataset, problems } = buildDataset({
  dialogues: bundled('dialogues.csv'),
  venues: bundled('venues.geojson'),
  topics: bundled('topics.csv'),
  sources: bundled('sources.csv'),
});

describe('the bundled dataset', () => {
  it('loads without a single problem', () => {
    expect(problems).toEqual([]);
  });

  it('holds the nine meetings the three articles mention', () => {
    expect(dataset.dialogues.map((d) => [d.id, d.status, d.date?.text ?? null])).toEqual([
      ['eu-2025-07-17-bilateral', 'held', '2025-07-17'],
      ['eu-2025-migration-3', 'planned', '2025'],
      ['eu-2025-strategic-7', 'planned', '2025'],
      ['eu-2026-political', 'planned', '2026'],
      ['af-2025-06-27-as-1', 'held', '2025-06-27'],
      ['af-as-2-kabul', 'planned', null],
      ['us-2023-03-ct', 'held', '2023-03'],
      ['us-2024-05-ct', 'held', '2024-05'],
      ['us-2025-08-12-ct', 'held', '2025-08-12'],
    ]);
  });

  it('places meetings in Brussels, Islamabad and Kabul; Kabul only planned', () => {
    const byVenue = Object.fromEntries(
      venueSummaries(dataset.dialogues, dataset.venues).map((s) => [s.venue.id, [s.held, s.planned]]),
    );
    expect(byVenue).toEqual({ brussels: [1, 0], islamabad: [2, 1], kabul: [0, 1] });
  });

  it('has counter-terrorism as the most discussed topic, in 5 meetings', () => {
    const [top] = topicFrequency(dataset.dialogues, dataset.topics);
    expect(top).toMatchObject({ id: 'counter-terrorism', total: 5 });
  });

  it('cites a source and quotes evidence on every row', () => {
    for (const d of dataset.dialogues) {
      expect(d.sourceId, d.id).toMatch(/^s[123]$/);
      expect(d.evidence.length, d.id).toBeGreaterThan(20);
    }
  });

  it('uses every topic it defines', () => {
    const used = new Set(dataset.dialogues.flatMap((d) => d.topics));
    expect(dataset.topics.filter((t) => !used.has(t.id)).map((t) => t.id)).toEqual([]);
  });
});
