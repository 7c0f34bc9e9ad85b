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

describe('topics fitted to Present’s screen', () => {
  // Present at 1280×720 with six topics named in the filter line (two lines): 517 px for the chart.
  const presentAt1280 = 517;

  it.each([
    { what: '20 topics in 517 px (1280×720, six named)', topics: topicCounts, height: presentAt1280 },
    { what: '20 topics in 460 px', topics: topicCounts, height: 40 + 20 * 20 },
    { what: 'six topics in 100 px (a phone on its side)', topics: topicCounts.slice(0, 6), height: 100 },
    { what: 'eight topics in 60 px', topics: topicCounts.slice(0, 8), height: 60 },
  ])('keep every bar, on rows 20 to 24 px tall: $what', ({ topics, height }) => {
    const fitted = fitTopics(topics, null, height, [], true);
    expect(fitted.counts).toEqual(topics);
    expect(fitted.note).toBeNull();
    if (fitted.row !== undefined) {
      expect(fitted.row).toBeGreaterThanOrEqual(20);
      expect(fitted.row).toBeLessThanOrEqual(24);
    }
  });

  it('fit 20 rows of 23.85 px at 1280×720, where the page’s 24 px rows left one out', () => {
    expect(fitTopics(topicCounts, null, presentAt1280).counts).toHaveLength(19);
    expect(fitTopics(topicCounts, null, presentAt1280, [], true).row).toBeCloseTo(23.85, 2);
  });

  it('past 8 topics with no room for 20 px rows, leave out the least discussed as an embed does', () => {
    const fitted = fitTopics(topicCounts, null, nineRows, [], true);
    expect(fitted).toEqual(fitTopics(topicCounts, null, nineRows));
    expect(fitted.counts).toHaveLength(9);
  });
});
