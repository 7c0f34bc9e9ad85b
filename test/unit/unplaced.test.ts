import { describe, expect, it } from 'vitest';
import { buildColumns } from '../../src/lib/data/columns';
import type { Dialogue } from '../../src/lib/data/schema';
import { unplacedMeetings, unplacedWords, type Unplaced } from '../../src/lib/data/unplaced';

const words = (u: Unplaced) => unplacedWords(u)?.join('');

describe('the map’s note on the meetings it cannot place', () => {
  it('tells meetings naming no venue from those naming a venue the venues file lacks', () => {
    // After merging only_dialogues_newvenues.csv: 7 of 12 off the map, 3 of them at beijing, london and Lahore.
    const unknown = [
      { id: 'beijing', meetings: 1 },
      { id: 'london', meetings: 1 },
      { id: 'Lahore', meetings: 1 },
    ];
    expect(words({ meetings: 12, noVenue: 4, unknown })).toBe(
      '7 of 12 meetings are not on the map: 4 name no venue, 3 name a venue the map has no location for (“beijing”, “london” and “Lahore”)',
    );
    // What a small embed keeps, and what gives way there.
    expect(unplacedWords({ meetings: 12, noVenue: 4, unknown })![0]).toBe('7 of 12 meetings are not on the map');
  });

  it.each<{ u: Unplaced; note: string | undefined }>([
    { u: { meetings: 9, noVenue: 4, unknown: [] }, note: '4 of 9 meetings name no venue, so they are not on the map' },
    { u: { meetings: 1, noVenue: 1, unknown: [] }, note: '1 of 1 meeting names no venue, so it is not on the map' },
    {
      u: { meetings: 5, noVenue: 0, unknown: [{ id: 'beijing', meetings: 3 }] },
      note: '3 of 5 meetings name a venue the map has no location for (“beijing”), so they are not on the map',
    },
    {
      u: { meetings: 5, noVenue: 0, unknown: [{ id: 'beijing', meetings: 1 }] },
      note: '1 of 5 meetings names a venue the map has no location for (“beijing”), so it is not on the map',
    },
    {
      u: { meetings: 9, noVenue: 1, unknown: [{ id: 'beijing', meetings: 1 }] },
      note: '2 of 9 meetings are not on the map: 1 names no venue, 1 names a venue the map has no location for (“beijing”)',
    },
    {
      u: {
        meetings: 20,
        noVenue: 0,
        unknown: ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id, meetings: 1 })),
      },
      note: '5 of 20 meetings name a venue the map has no location for (“a”, “b”, “c” and 2 others), so they are not on the map',
    },
    { u: { meetings: 9, noVenue: 0, unknown: [] }, note: undefined },
  ])('$note', ({ u, note }) => expect(words(u)).toBe(note));

  it('counts the meetings shown by what their rows name, the most named unknown venue first', () => {
    const row = (id: string, venueId: string | null): Dialogue => ({
      id,
      date: null,
      status: 'planned',
      partner: 'China',
      track: 'Strategic Dialogue',
      round: null,
      level: '',
      venueId,
      topics: [],
      leadPakistan: '',
      leadPartner: '',
      sourceId: 's1',
      evidence: '',
      summary: '',
      line: 2,
    });
    const c = buildColumns([
      row('a', 'islamabad'),
      row('b', null),
      row('c', 'london'),
      row('d', 'beijing'),
      row('e', 'beijing'),
      row('f', null),
    ]);
    const known = (id: string) => id === 'islamabad';
    expect(unplacedMeetings(c, Uint32Array.of(0, 1, 2, 3, 4, 5), known)).toEqual({
      meetings: 6,
      noVenue: 2,
      unknown: [
        { id: 'beijing', meetings: 2 },
        { id: 'london', meetings: 1 },
      ],
    });
    // Only the rows shown (a filter).
    expect(unplacedMeetings(c, Uint32Array.of(0, 4), known)).toEqual({
      meetings: 2,
      noVenue: 0,
      unknown: [{ id: 'beijing', meetings: 1 }],
    });
  });
});
