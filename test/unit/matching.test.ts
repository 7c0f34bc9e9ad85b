import { describe, expect, it } from 'vitest';
import type { Dialogue } from '../../src/lib/data/schema';
import { topicFrequency } from '../../src/lib/data/aggregate';
import { drawsUnmatched } from '../../src/lib/state/matching';
import { bundledViews } from '../component/data';

const views = bundledViews();

/** The dashboard's state under a filter that keeps the meetings `keep` passes (null: no filter). */
function dashFor(keep: ((d: Dialogue) => boolean) | null) {
  const rows = views.dataset.dialogues.filter(keep ?? (() => true));
  return {
    filtering: keep !== null,
    visibleIds: new Set(rows.map((d) => d.id)),
    visibleTopicCounts: new Map(
      topicFrequency(rows, views.dataset.topics, views.partners).map((c) => [c.id, c] as const),
    ),
    visibleVenues: new Set(rows.flatMap((d) => (d.venueId ? [d.venueId] : []))),
    data: { usedVenues: views.venues.filter((v) => v.meetings.length > 0) },
  } as unknown as Parameters<typeof drawsUnmatched>[0];
}

const topic = (id: string) => views.topicCounts.filter((c) => c.id === id);
const lane = (partner: string) => views.lanes.filter((l) => l.partner === partner);
const held = (d: Dialogue) => d.status === 'held';
const eu = (d: Dialogue) => d.partner === 'European Union';

describe('drawsUnmatched: a view placed alone keys "not matching the filters" whenever it draws grey or faded, else not', () => {
  it.each([
    // A topic bar partly grey (1 of counter-terrorism's 5 meetings is the EU's): keyed, as a wholly grey one is.
    {
      what: 'a partly grey bar',
      keep: eu,
      view: 'topics',
      drawn: { topics: topic('counter-terrorism') },
      expected: true,
    },
    {
      what: 'a wholly grey bar',
      keep: eu,
      view: 'topics',
      drawn: { topics: topic('intelligence-sharing') },
      expected: true,
    },
    { what: 'bars all matching', keep: eu, view: 'topics', drawn: { topics: topic('migration') }, expected: false },
    { what: 'no filter', keep: null, view: 'topics', drawn: { topics: views.topicCounts }, expected: false },
    // Held only: the planned meetings are faded on the timeline, and the venues with planned meetings alone on the map.
    { what: 'held only, topics', keep: held, view: 'topics', drawn: { topics: views.topicCounts }, expected: true },
    {
      what: 'held only, a track with a planned round',
      keep: held,
      view: 'cadence',
      drawn: { lanes: lane('Afghanistan') },
      expected: true,
    },
    {
      what: 'held only, a track all held',
      keep: held,
      view: 'cadence',
      drawn: { lanes: views.lanes.filter((l) => l.meetings.every(held)) },
      expected: false,
    },
    {
      what: 'the partner filtered, its tracks',
      keep: eu,
      view: 'cadence',
      drawn: { lanes: lane('European Union') },
      expected: false,
    },
    { what: 'held only, the map (Kabul: planned only)', keep: held, view: 'map', drawn: {}, expected: true },
    { what: 'no filter, the map', keep: null, view: 'map', drawn: {}, expected: false },
  ] as const)('$what: $expected', ({ keep, view, drawn, expected }) => {
    expect(drawsUnmatched(dashFor(keep), view, drawn)).toBe(expected);
  });

  it('has a track all held to draw (the case above is not vacuous)', () => {
    expect(views.lanes.some((l) => l.meetings.every(held))).toBe(true);
  });
});
