import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildDataset } from '../../src/lib/data/dataset';
import { runInSlices, runNow } from '../../src/lib/data/steps';
import { datasetViews } from '../../src/lib/data/views';
import type { Dialogue } from '../../src/lib/data/schema';
import { generateDataset } from '../../scripts/bench/generate-data.js';

/** The plain reading of "by date": start, then end, undated last, ties in file order. */
function byDate(meetings: Dialogue[]): Dialogue[] {
  const key = (d: Dialogue) => (d.date ? [d.date.start.getTime(), d.date.end.getTime()] : [Infinity, Infinity]);
  return meetings
    .map((d, i) => ({ d, i, k: key(d) }))
    .sort((a, b) => a.k[0]! - b.k[0]! || a.k[1]! - b.k[1]! || a.i - b.i)
    .map((x) => x.d);
}

/** Lanes and venues worked out the slow, obvious way, to check the fast ones against. */
function reference(dialogues: Dialogue[], venueIds: string[]) {
  const partners = [...new Set(dialogues.map((d) => d.partner))].sort();
  const lanes: { key: string; ids: string[] }[] = [];
  for (const partner of partners) {
    const tracks = [...new Set(dialogues.filter((d) => d.partner === partner).map((d) => d.track))];
    const partnerLanes = tracks.map((track) => ({
      track,
      meetings: byDate(dialogues.filter((d) => d.partner === partner && d.track === track)),
    }));
    const first = (m: Dialogue[]) => byDate(dialogues).indexOf(m[0]!);
    partnerLanes.sort((a, b) => first(a.meetings) - first(b.meetings));
    for (const l of partnerLanes) lanes.push({ key: `${partner} — ${l.track}`, ids: l.meetings.map((m) => m.id) });
  }
  const venues = venueIds.map((id) => {
    const meetings = byDate(dialogues.filter((d) => d.venueId === id));
    return { id, ids: meetings.map((m) => m.id), held: meetings.filter((m) => m.status === 'held').length };
  });
  return { partners, lanes, venues };
}

const datasets = fc
  .record({
    meetings: fc.integer({ min: 0, max: 300 }),
    venues: fc.integer({ min: 1, max: 8 }),
    partners: fc.integer({ min: 1, max: 4 }),
    topics: fc.integer({ min: 1, max: 6 }),
    seed: fc.integer({ min: 1, max: 10_000 }),
  })
  .map((o) => buildDataset(generateDataset(o)).dataset);

describe('the views of a dataset', () => {
  it('group meetings into lanes and venues by date exactly as the obvious way does', () => {
    fc.assert(
      fc.property(datasets, (dataset) => {
        const views = runNow(datasetViews(dataset));
        const expected = reference(
          dataset.dialogues,
          dataset.venues.map((v) => v.id),
        );
        expect(views.partners).toEqual(expected.partners);
        expect(views.lanes.map((l) => ({ key: l.key, ids: l.meetings.map((m) => m.id) }))).toEqual(expected.lanes);
        expect(views.venues.map((v) => ({ id: v.venue.id, ids: v.meetings.map((m) => m.id), held: v.held }))).toEqual(
          expected.venues,
        );
        // Each lane's rows point at its meetings.
        for (const lane of views.lanes)
          expect(Array.from(lane.rows, (r) => dataset.dialogues[r])).toEqual(lane.meetings);
        expect(views.held + views.planned).toBe(dataset.dialogues.length);
      }),
      { numRuns: 60 },
    );
  });

  it('come out the same in slices as at once', async () => {
    const { dataset } = buildDataset(generateDataset({ meetings: 5000, venues: 30, seed: 3 }));
    let pauses = 0;
    let clock = 0;
    const sliced = await runInSlices(datasetViews(dataset), {
      budgetMs: 1,
      now: () => clock++, // every step outlasts the budget: a pause after each
      pause: async () => {
        pauses++;
      },
    });
    expect(pauses).toBeGreaterThan(5);
    expect(sliced.lanes.map((l) => l.meetings.map((m) => m.id))).toEqual(
      runNow(datasetViews(dataset)).lanes.map((l) => l.meetings.map((m) => m.id)),
    );
  });

  it('find a meeting by id, and say when none has it', () => {
    const { dataset } = buildDataset(generateDataset({ meetings: 50, venues: 3, seed: 9 }));
    const views = runNow(datasetViews(dataset));
    expect(views.rowOfMeeting('m17')).toBe(17);
    expect(views.known.meetings.has('m17')).toBe(true);
    expect(views.rowOfMeeting('nope')).toBe(-1);
  });
});
