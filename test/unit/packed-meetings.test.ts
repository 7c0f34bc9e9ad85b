import { describe, expect, it } from 'vitest';
import { buildDataset, type DatasetSource } from '../../src/lib/data/dataset';
import { trackInsights } from '../../src/lib/data/insights';
import { lazyArray } from '../../src/lib/data/lazy-array';
import { packDataset, unpackSteps } from '../../src/lib/data/packed';
import { forTransfer } from '../../src/lib/data/packed-transfer';
import type { SentDialogues } from '../../src/lib/data/text-codes';
import { runNow } from '../../src/lib/data/steps';
import { datasetViews } from '../../src/lib/data/views';
import { generateDataset } from '../../scripts/bench/generate-data.js';
import { bundled } from '../fixtures/read';

const bundledTexts = {
  dialogues: bundled('dialogues.csv'),
  venues: bundled('venues.geojson'),
  topics: bundled('topics.csv'),
  sources: bundled('sources.csv'),
};

const longSummary = `${'A very long summary, '.repeat(1000)}the end`;
const header = 'id,date,status,partner,track,round,venue_id,topics,source_id,evidence,summary';
/** Text beyond Latin-1 (curly quotes, Urdu, an emoji), a summary longer than one decoding chunk, ids that prefix others. */
const wideAndLong = {
  ...bundledTexts,
  dialogues: [
    header,
    'm1,2024-03,held,Partner “A”,Strategic Dialogue,1,islamabad,migration;trade,s1,“quoted” evidence,پاکستان 🇵🇰',
    `m10,2024-09,held,Partner “A”,Strategic Dialogue,2,islamabad,trade,s1,é,"${longSummary}"`,
    'xm1,2025,held,Partner “A”,Strategic Dialogue,3,,migration,s1,,',
    'm2,,planned,Partner B,Talks,,kabul,,s1,,',
    'm3,2026-01-15,planned,Partner B,Talks,,kabul,trade,s1,,',
  ].join('\n'),
};

const manyDistinct = generateDataset({ meetings: 12_000, venues: 40, seed: 9 });

/** As Apply gets it: packed in the worker, made ready to move, and moved (structured clone with transfer). */
function applied(texts: DatasetSource) {
  const { packed, buffers } = forTransfer(packDataset(texts));
  const received = structuredClone(packed, { transfer: buffers });
  const built = runNow(unpackSteps(received));
  return { built, views: runNow(datasetViews(built.dataset, received.views)) };
}

/** As the page would show the same files read on its own thread, every meeting made. */
function readHere(texts: DatasetSource) {
  const built = buildDataset(texts);
  return { built, views: runNow(datasetViews(built.dataset)) };
}

describe('Apply of a packed dataset shows what reading the files would', () => {
  it('sends a long table of distinct values as one string and its ends, a short one as it is', () => {
    const sent = forTransfer(packDataset(manyDistinct)).packed.dialogues as SentDialogues;
    const joined = (sent.tableTexts ?? []).flatMap((t, k) => (t ? [k] : []));
    expect(joined.length).toBeGreaterThan(0);
    for (const k of joined) expect(sent.tables[k]).toEqual([]);
    expect(sent.tables.some((t, k) => !joined.includes(k) && t.length > 0)).toBe(true);
  });

  it.each([
    ['the bundled data', bundledTexts],
    ['2,000 generated meetings', generateDataset({ meetings: 2_000, venues: 30, seed: 5 })],
    ['text beyond Latin-1, a long summary and ids that prefix others', wideAndLong],
    ['12,000 generated meetings (thousands of distinct topic lists and dates: tables sent joined)', manyDistinct],
  ])('meetings, timeline lanes, venues, topics, insights and links: %s', (_, texts) => {
    const got = applied(texts);
    const want = readHere(texts);
    expect(got.built).toEqual(want.built);
    const lane = (l: (typeof got.views.lanes)[number]) => ({ ...l, gaps: l.gaps });
    expect(got.views.lanes.map(lane)).toEqual(want.views.lanes.map(lane));
    expect(got.views.venues).toEqual(want.views.venues);
    expect(got.views.topicCounts).toEqual(want.views.topicCounts);
    expect([got.views.held, got.views.planned]).toEqual([want.views.held, want.views.planned]);
    const today = new Date('2026-06-01T00:00:00Z');
    expect(trackInsights(got.views.lanes, today)).toEqual(trackInsights(want.views.lanes, today));
    // A link or a details panel names a meeting by id: the same one is found.
    const ids = want.built.dataset.dialogues.map((d) => d.id);
    for (const id of [ids[0]!, ids.at(-1)!, ids[Math.floor(ids.length / 2)]!, 'nonexistent', '']) {
      expect(got.views.rowOfMeeting(id)).toBe(want.views.rowOfMeeting(id));
    }
  });

  it('finds a meeting by its whole id, not by an id it is part of', () => {
    const { views, built } = applied(wideAndLong);
    expect(built.dataset.dialogues[views.rowOfMeeting('m1')]!.id).toBe('m1');
    expect(built.dataset.dialogues[views.rowOfMeeting('m10')]!.summary === longSummary).toBe(true);
    expect(views.rowOfMeeting('xm1')).toBe(2);
    expect(views.rowOfMeeting('m')).toBe(-1);
    expect(built.dataset.dialogues[0]!.summary).toBe('پاکستان 🇵🇰');
  });

  it('makes a meeting once, when it is first read, and the same object after', () => {
    const { built, views } = applied(generateDataset({ meetings: 500, venues: 10, seed: 2 }));
    const { dialogues } = built.dataset;
    const first = dialogues[7];
    expect(dialogues[7]).toBe(first);
    const lane = views.lanes.find((l) => l.rows.includes(7))!;
    expect(lane.meetings[lane.rows.indexOf(7)]).toBe(first);
  });
});

describe('a lazy array', () => {
  it('reads like an array and makes only the items read', () => {
    const made: number[] = [];
    const a = lazyArray(5, (i) => {
      made.push(i);
      return i * 10;
    });
    expect(Array.isArray(a)).toBe(true);
    expect(a.length).toBe(5);
    expect(made).toEqual([]);
    expect(a[3]).toBe(30);
    expect(a.at(-1)).toBe(40);
    expect(made).toEqual([3, 4]);
    expect(a[5]).toBeUndefined();
    expect(5 in a).toBe(false);
    expect(2 in a).toBe(true);
    expect([...a]).toEqual([0, 10, 20, 30, 40]);
    expect(a.map((x) => x + 1)).toEqual([1, 11, 21, 31, 41]);
    expect(a.slice(1, 3)).toEqual([10, 20]);
    expect(a.filter((x) => x > 15)).toEqual([20, 30, 40]);
    expect(a.findIndex((x) => x === 20)).toBe(2);
    expect(JSON.stringify(a)).toBe('[0,10,20,30,40]');
    expect(Object.keys(a)).toEqual(['0', '1', '2', '3', '4']);
  });

  it('cannot be written to: the data shown changes only by Apply, Undo or Reset', () => {
    const a = lazyArray(2, (i) => i);
    expect(() => {
      a[0] = 5;
    }).toThrow(TypeError);
    expect(() => a.push(1)).toThrow(TypeError);
    expect(a[0]).toBe(0);
  });
});
