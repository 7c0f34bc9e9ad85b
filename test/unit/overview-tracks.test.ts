import { describe, expect, it } from 'vitest';
import { overviewNote, overviewTracks } from '../../src/lib/export/overview-tracks';
import { bundledViews } from '../component/data';

const lane = (partner: string, track: string, meetings: number, held = 0) => ({
  key: `${partner} — ${track}`,
  partner,
  rows: new Uint32Array(meetings),
  held,
});

describe('the tracks the deck’s all-tracks timeline keeps', () => {
  // Six tracks, in a page's order, with their meetings and how many of them were held.
  const six = [
    lane('Afghanistan', 'Additional Secretary-level talks', 1, 1),
    lane('European Union', 'Migration and Mobility Dialogue', 1),
    lane('European Union', 'Strategic Dialogue', 2, 1),
    lane('European Union', 'Bilateral Dialogue', 1, 1),
    lane('European Union', 'Political Dialogue', 1),
    lane('United States', 'Counterterrorism Dialogue', 4, 3),
  ];

  it('keeps a track with something overdue before a busier one, and says so under the title', () => {
    // The EU's Migration and Mobility Dialogue, one planned round past its date, before its busier Strategic Dialogue.
    const late = new Set(['European Union — Migration and Mobility Dialogue']);
    expect(overviewTracks(six, 2, late)).toEqual(
      new Set(['United States — Counterterrorism Dialogue', 'European Union — Migration and Mobility Dialogue']),
    );
    expect([...overviewTracks(six, 2)]).toContain('European Union — Strategic Dialogue');
    expect(overviewNote(3, 9, true)).toBe(
      '3 of 9 tracks, those overdue, then the busiest; all 9 on the partners’ slides that follow',
    );
  });

  it.each([
    { count: 2, expected: ['United States — Counterterrorism Dialogue', 'European Union — Strategic Dialogue'] },
    {
      count: 3,
      expected: [
        'United States — Counterterrorism Dialogue',
        'European Union — Strategic Dialogue',
        'Afghanistan — Additional Secretary-level talks',
      ],
    },
    {
      count: 4,
      expected: [
        'United States — Counterterrorism Dialogue',
        'European Union — Strategic Dialogue',
        'Afghanistan — Additional Secretary-level talks',
        'European Union — Bilateral Dialogue',
      ],
    },
  ])('keeps each partner’s busiest track first: $count of 6', ({ count, expected }) => {
    expect([...overviewTracks(six, count)]).toEqual(expected);
  });

  it('keeps them all when asked for as many or more', () => {
    expect(overviewTracks(six, 6).size).toBe(6);
    expect(overviewTracks(six, 60).size).toBe(6);
    expect(overviewTracks([], 3).size).toBe(0);
  });

  it('between tracks as busy, keeps the one with a meeting held: the published EU meeting in Brussels, not a round only planned', () => {
    const { lanes } = bundledViews();
    const kept = [...overviewTracks(lanes, 3)];
    expect(kept).toContain('European Union — Bilateral Dialogue');
    expect(kept).toHaveLength(3);
    // It was not first of the EU's four one-meeting tracks in the page's order.
    const eu = lanes.filter((l) => l.partner === 'European Union');
    expect(eu.map((l) => l.rows.length)).toEqual([1, 1, 1, 1]);
    expect(eu[0]!.track).not.toBe('Bilateral Dialogue');
  });

  it('says how many it draws and where the rest are', () => {
    expect(overviewNote(3, 9)).toBe('3 of 9 tracks, the busiest; all 9 on the partners’ slides that follow');
  });
});
