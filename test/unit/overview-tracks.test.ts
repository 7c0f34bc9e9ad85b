import { describe, expect, it } from 'vitest';
import { overviewNote, overviewTracks } from '../../src/lib/export/overview-tracks';

const lane = (partner: string, track: string, meetings: number) => ({
  key: `${partner} — ${track}`,
  partner,
  rows: new Uint32Array(meetings),
});

describe('the tracks the deck’s all-tracks timeline keeps', () => {
  // The bundled data's six tracks, in the page's order.
  const bundled = [
    lane('Afghanistan', 'Additional Secretary-level talks', 1),
    lane('European Union', 'Migration and Mobility Dialogue', 1),
    lane('European Union', 'Strategic Dialogue', 2),
    lane('European Union', 'Bilateral Dialogue', 1),
    lane('European Union', 'Political Dialogue', 1),
    lane('United States', 'Counterterrorism Dialogue', 4),
  ];

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
        'European Union — Migration and Mobility Dialogue',
      ],
    },
  ])('keeps each partner’s busiest track first: $count of 6', ({ count, expected }) => {
    expect([...overviewTracks(bundled, count)]).toEqual(expected);
  });

  it('keeps them all when asked for as many or more', () => {
    expect(overviewTracks(bundled, 6).size).toBe(6);
    expect(overviewTracks(bundled, 60).size).toBe(6);
    expect(overviewTracks([], 3).size).toBe(0);
  });

  it('says how many it draws and where the rest are', () => {
    expect(overviewNote(3, 9)).toBe('3 of 9 tracks, the busiest; all 9 on the partners’ slides that follow');
  });
});
