import { describe, expect, it } from 'vitest';
import { fitText } from '../../src/lib/charts/fit-words';

/** A line with room for `n` characters (a stand-in for the browser's measure). */
const room = (n: number) => (text: string) => text.length <= n;

describe('a meeting chosen in an embed, in a line too short for all of it', () => {
  // The 640×360 cadence embed: the two Afghanistan rounds, in about 40 characters' room.
  const meetings = [
    {
      name: 'Afghanistan Additional Secretary-level talks',
      which: ', round 1: held, 27 Jun 2025.',
      whole: 'Afghanistan Additional Secretary-level talks, round 1 in Islamabad: held, 27 Jun 2025.',
    },
    {
      name: 'Afghanistan Additional Secretary-level talks',
      which: ', round 2: planned, date not announced.',
      whole: 'Afghanistan Additional Secretary-level talks, round 2 in Kabul: planned, date not announced.',
    },
  ];

  it('cuts the track’s name, not its round, status and date: the two rounds read apart', () => {
    const shown = meetings.map(({ name, which, whole }) => fitText(name, room(52), '', { tail: which, whole }));
    // Both once read "Afghanistan Additional Secretary-level talks…".
    expect(shown).toEqual([
      'Afghanistan Additional…, round 1: held, 27 Jun 2025.',
      'Afghanistan…, round 2: planned, date not announced.',
    ]);
    expect(new Set(shown).size).toBe(2);
  });

  it('shows the whole line, venue too, where it fits, and the whole name where that fits', () => {
    const [first] = meetings;
    expect(fitText(first!.name, room(100), '', { tail: first!.which, whole: first!.whole })).toBe(first!.whole);
    expect(fitText(first!.name, room(80), '', { tail: first!.which, whole: first!.whole })).toBe(
      'Afghanistan Additional Secretary-level talks, round 1: held, 27 Jun 2025.',
    );
  });

  it('cuts the name only as far as the room left once what shares the line has given way', () => {
    const [, second] = meetings;
    // Room for 70 with the credit given way: the track's name keeps what fits of it (it was cut to its
    // first word to keep a credit that reads the same for every meeting).
    const text = fitText(second!.name, room(70), '', { tail: second!.which, whole: second!.whole });
    expect(text).toBe('Afghanistan Additional…, round 2: planned, date not announced.');
  });

  it('with nothing kept, cuts at a word as before: "round 10" never reads "round 1…"', () => {
    const label = 'European Union Bilateral Dialogue, round 10 in Brussels: held, 17 Jul 2025.';
    expect(fitText(label, room(44))).toBe('European Union Bilateral Dialogue, round 10…');
  });
});
