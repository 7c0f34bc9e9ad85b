import { describe, expect, it } from 'vitest';
import { topicFrequency } from '../../src/lib/data/aggregate';
import { fitTopics } from '../../src/lib/charts/topic-fit';
import { bundledViews } from '../component/data';

const { dataset, topicCounts } = bundledViews();
const migration = dataset.dialogues.filter((d) => d.topics.includes('migration'));
const visible = new Map(topicFrequency(migration, dataset.topics).map((c) => [c.id, c]));
// 40 px of axis (its title whole), 20 for the note and 24 a row: 9 rows.
const nineRows = 40 + 20 + 9 * 24;

describe('topics fitted to a frame', () => {
  it('keep every topic when they fit, and say nothing is left out', () => {
    expect(fitTopics(topicCounts, null, 2000)).toEqual({ counts: topicCounts, note: null });
  });

  it('keep the most discussed that fit, saying how often those left out came up', () => {
    const { counts, note } = fitTopics(topicCounts, null, nineRows);
    expect(counts).toEqual(topicCounts.slice(0, 9));
    expect(note).toBe('and 11 more topics, each in 1 meeting');
  });

  it('under filters give the rows to the topics the matching meetings discussed, in the page’s order', () => {
    const { counts, note } = fitTopics(topicCounts, visible, nineRows);
    expect(counts.every((c) => (visible.get(c.id)?.total ?? 0) > 0)).toBe(true);
    expect(counts.map((c) => c.id)).toEqual(topicCounts.filter((c) => counts.includes(c)).map((c) => c.id));
    expect(note).toBe('and 11 more topics, not discussed in any matching meeting');
  });
});

describe('topics fitted to a frame under a topic filter', () => {
  const of = (topics: string[]) =>
    new Map(
      topicFrequency(
        dataset.dialogues.filter((d) => d.topics.some((t) => topics.includes(t))),
        dataset.topics,
      ).map((c) => [c.id, c]),
    );
  // 40 px of axis, 20 for the note and three rows.
  const threeRows = 40 + 20 + 3 * 24;

  it('give a row to the topic filtered by before the topics it ties with that come before it in the page’s order', () => {
    // Refugee management's one meeting discussed eight topics, each 1/… under the filter.
    const refugees = of(['refugees']);
    const { counts, note } = fitTopics(topicCounts, refugees, threeRows, ['refugees']);
    expect(counts.map((c) => c.id)).toContain('refugees');
    expect(counts).toHaveLength(3);
    // Still drawn in the page's order, the others tied with it in theirs.
    expect(counts.map((c) => c.id)).toEqual(topicCounts.filter((c) => counts.includes(c)).map((c) => c.id));
    expect(counts.map((c) => c.id)).toEqual(['counter-terrorism', 'intelligence-sharing', 'refugees']);
    expect(note).toBe('and 17 more topics, each in 1 meeting or fewer');
  });

  it('never before a topic the matching meetings discussed more', () => {
    // War in Gaza (1 meeting) filtered by, with every meeting matching: Intelligence sharing and
    // Migration and mobility (2 each) keep their rows.
    const visible = new Map(topicCounts.map((c) => [c.id, c]));
    const { counts } = fitTopics(topicCounts, visible, threeRows, ['gaza']);
    expect(counts.map((c) => c.id)).toEqual(['counter-terrorism', 'intelligence-sharing', 'migration']);
  });
});
