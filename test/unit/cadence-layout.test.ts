import { describe, expect, it } from 'vitest';
import { scaleTime, type ScaleTime } from 'd3-scale';
import {
  cadenceLayout,
  cadenceScale,
  END_YEAR_ROOM,
  periodSpan,
  yearTicks,
  type YearTick,
} from '../../src/lib/charts/cadence-layout';
import { approxTextWidth, truncateWords } from '../../src/lib/charts/text';
import type { CadenceLane } from '../../src/lib/data/aggregate';

const lane = (partner: string, track: string) =>
  ({ key: `${partner} — ${track}`, partner, track, meetings: [] }) as unknown as CadenceLane;

describe('cadenceLayout: track names above their lanes (a phone)', () => {
  const lanes = [
    lane('Kingdom of Saudi Arabia', 'Supreme Coordination Council Security Committee'),
    lane('Türkiye', 'High-Level Strategic Cooperation Council'),
  ];
  // The timeline's width in a 320 px screen's card (259), and a few about it.
  it.each([259, 300, 343, 400])('cuts a long name so that it ends, "…" and all, inside a %i px chart', (width) => {
    const layout = cadenceLayout(lanes, width);
    expect(layout.compact).toBe(true);
    for (const { track } of lanes) {
      const shown = truncateWords(track, layout.labelChars);
      if (width === 259) expect(shown).toMatch(/…$/);
      // Drawn from x = 16, on a box a little wider than the name.
      expect(16 + approxTextWidth(shown, 12) + 4).toBeLessThanOrEqual(width);
    }
  });
});

describe('periodSpan: a period on the time scale', () => {
  const x = scaleTime()
    .domain([new Date('2023-01-01T00:00:00Z'), new Date('2028-01-01T00:00:00Z')])
    .range([0, 500]);
  const last = new Date('2028-01-01T00:00:00Z').getTime() - 1;
  it('runs from the first instant of `from` to the last of `to`', () => {
    const [a, b] = periodSpan('2024-07', '2025-06', x)!;
    expect(a.toISOString()).toBe('2024-07-01T00:00:00.000Z');
    expect(b.getTime()).toBe(new Date('2025-07-01T00:00:00Z').getTime() - 1);
  });
  it('holds a period beyond the scale (a link’s) to its edge, never ending before it starts', () => {
    for (const [from, to] of [
      ['2030-01', null],
      ['2030-01', '2031-12'],
      [null, '2020-01'],
      ['2019-01', '2020-06'],
    ] as const) {
      const [a, b] = periodSpan(from, to, x)!;
      expect(b.getTime()).toBeGreaterThanOrEqual(a.getTime());
      expect(x(a)).toBeGreaterThanOrEqual(0);
      expect(x(b)).toBeLessThanOrEqual(500);
    }
    expect(periodSpan('2030-01', null, x)!.map((d) => d.getTime())).toEqual([last, last]);
    expect(periodSpan(null, '2020-01', x)!.map((d) => d.toISOString())).toEqual([
      '2023-01-01T00:00:00.000Z',
      '2023-01-01T00:00:00.000Z',
    ]);
  });
});

describe('the time axis: its year labels end inside the lanes, and say where the axis starts and ends', () => {
  // The bundled data on 21 Nov 2026: meetings from Mar 2023, a round planned in 2026 (to 1 Jan 2027).
  const spanned = [
    { span: [new Date('2023-03-01T00:00:00Z'), new Date('2027-01-01T00:00:00Z')] },
  ] as unknown as CadenceLane[];
  const today = new Date('2026-11-21T12:00:00Z');
  /** Each label's box (left, right) as drawn: 4 px after its rule, or ending 4 px before it; 28.3 px wide. */
  const boxes = (x: ScaleTime<number, number>, ticks: YearTick[]) =>
    ticks.flatMap(({ t, label }) =>
      label === 'end' ? [[x(t) - 4 - 28.3, x(t) - 4]] : label === 'start' ? [[x(t) + 4, x(t) + 4 + 28.3]] : [],
    );
  // The lanes of a 300 × 250 embed (98 px), Present on a 320 × 640 phone (packed lanes beside a
  // names column: it read "2024 … 2027"), a 320 and a 390 px phone, a laptop.
  it.each([
    [98, [2023, 2027]],
    [112, [2023, 2027]],
    [122, [2023, 2027]],
    [166, [2023, 2025, 2027]],
    [236, [2023, 2024, 2025, 2026, 2027]],
    [840, [2023, 2024, 2025, 2026, 2027]],
  ])('at %i px of lanes: years %j labelled, and no empty year after the last round', (plotWidth, labelled) => {
    const x = cadenceScale(spanned, today, plotWidth);
    const ticks = yearTicks(x, plotWidth);
    // The axis ends within a label's room of 1 Jan 2027, where the last round ends: it ran to 2028.
    expect(x(new Date('2027-01-01T00:00:00Z'))).toBeGreaterThanOrEqual(plotWidth - END_YEAR_ROOM - 0.5);
    expect(ticks.map(({ t }) => t.getUTCFullYear())).toEqual([2023, 2024, 2025, 2026, 2027]);
    expect(ticks.filter((t) => t.label).map(({ t }) => t.getUTCFullYear())).toEqual(labelled);
    const drawn = boxes(x, ticks);
    for (const [left, right] of drawn) {
      expect(left).toBeGreaterThanOrEqual(0);
      expect(right).toBeLessThanOrEqual(plotWidth);
    }
    for (let i = 1; i < drawn.length; i++) expect(drawn[i]![0]! - drawn[i - 1]![1]!).toBeGreaterThanOrEqual(15);
  });
  it('where it has room, labels the last boundary after its rule, the room kept for the label drawing no other', () => {
    // A 320 px phone's lanes: the room for "2027" is about a year wide here, and 2028's rule fell in it.
    const x = cadenceScale(spanned, today, 166);
    const ticks = yearTicks(x, 166);
    expect(ticks.at(-1)).toEqual({ t: new Date('2027-01-01T00:00:00Z'), label: 'start' });
    expect(x(ticks.at(-1)!.t) + 4 + 28.3).toBeLessThanOrEqual(166);
  });
  it('over any span and width, draws no year after the last round’s: a later 1 January at the end of the room is not taken for its end', () => {
    // Once, 75 of these drew an empty year after 2027 (data from 2010 at 604–612 px: "…2024, 2028").
    const wrong: string[] = [];
    for (const from of [2001, 2005, 2010, 2015, 2020, 2023])
      for (let plotWidth = 102; plotWidth <= 1200; plotWidth += 2) {
        const lanes = [
          { span: [new Date(`${from}-03-01T00:00:00Z`), new Date('2026-06-01T00:00:00Z')] },
        ] as unknown as CadenceLane[];
        const x = cadenceScale(lanes, today, plotWidth);
        const ticks = yearTicks(x, plotWidth);
        const last = Math.max(...ticks.map(({ t }) => t.getUTCFullYear()));
        const labelled = ticks.filter((t) => t.label).map(({ t }) => t.getUTCFullYear());
        if (last !== 2027 || labelled.at(-1) !== 2027) wrong.push(`${from} at ${plotWidth} px: ${labelled.join(', ')}`);
      }
    expect(wrong).toEqual([]);
  });
  it('over any span and width where two labels fit, labels years evenly stepped to the last, none crowding the next', () => {
    // Counted back from the last with the first labelled too, 2015–2027 on a 320 px phone read
    // "2015 2019 2022 2025 2028": four years, then three.
    const wrong: string[] = [];
    for (const from of [2005, 2015, 2020, 2021, 2022, 2023])
      for (let plotWidth = 102; plotWidth <= 600; plotWidth += 2) {
        const lanes = [
          { span: [new Date(`${from}-03-01T00:00:00Z`), new Date('2026-06-01T00:00:00Z')] },
        ] as unknown as CadenceLane[];
        const x = cadenceScale(lanes, today, plotWidth);
        const ticks = yearTicks(x, plotWidth);
        const labelled = ticks.filter((t) => t.label).map(({ t }) => t.getUTCFullYear());
        const steps = new Set(labelled.slice(1).map((year, i) => year - labelled[i]!));
        const drawn = boxes(x, ticks);
        const crowded = drawn.some((box, i) => i > 0 && box[0]! - drawn[i - 1]![1]! < 15);
        if (labelled.length < 2 || steps.size !== 1 || labelled.at(-1) !== 2027 || crowded)
          wrong.push(`${from} at ${plotWidth} px: ${labelled.join(', ')}`);
      }
    expect(wrong).toEqual([]);
  });
  it.each([150, 190, 230, 259, 300])(
    'labels 2015–2027 on a 320–390 px phone (%i px of lanes) every few years, evenly, none overlapping',
    (plotWidth) => {
      // test/fixtures/dialogues-2015-to-2027.csv: held rounds from April 2015, one planned for June 2027.
      const lanes = [
        { span: [new Date('2015-04-14T00:00:00Z'), new Date('2027-06-02T00:00:00Z')] },
      ] as unknown as CadenceLane[];
      const x = cadenceScale(lanes, today, plotWidth);
      const ticks = yearTicks(x, plotWidth);
      const labelled = ticks.filter((t) => t.label).map(({ t }) => t.getUTCFullYear());
      expect(labelled.length).toBeGreaterThanOrEqual(3);
      const steps = labelled.slice(1).map((year, i) => year - labelled[i]!);
      expect(new Set(steps).size, labelled.join(', ')).toBe(1);
      expect(labelled.at(-1)).toBe(2028);
      const drawn = boxes(x, ticks);
      for (let i = 1; i < drawn.length; i++) expect(drawn[i]![0]! - drawn[i - 1]![1]!).toBeGreaterThanOrEqual(15);
    },
  );
  it('names the first year too where a step at most twice the least that fits ends on it', () => {
    // 2015–2027 in 166 px: every 4 years fits (3 crowds), and ends on 2015.
    const lanes = [
      { span: [new Date('2015-03-01T00:00:00Z'), new Date('2026-06-01T00:00:00Z')] },
    ] as unknown as CadenceLane[];
    const x = cadenceScale(lanes, today, 166);
    expect(
      yearTicks(x, 166)
        .filter((t) => t.label)
        .map(({ t }) => t.getUTCFullYear()),
    ).toEqual([2015, 2019, 2023, 2027]);
  });
  it('ends its last label at its rule where the axis ends on a boundary (a 300 × 250 embed)', () => {
    const x = cadenceScale(spanned, today, 98);
    expect(x.domain()[1]).toEqual(new Date('2027-01-01T00:00:00Z'));
    expect(yearTicks(x, 98).at(-1)).toEqual({ t: new Date('2027-01-01T00:00:00Z'), label: 'end' });
  });
  it('runs into the year after today or an expected meeting on a year’s first instant, where its mark is drawn', () => {
    const early = [
      { span: [new Date('2023-03-01T00:00:00Z'), new Date('2025-05-01T00:00:00Z')] },
    ] as unknown as CadenceLane[];
    const year = (d: Date) => d.toISOString().slice(0, 10);
    expect(year(cadenceScale(early, new Date('2026-01-01T00:00:00Z'), 98).domain()[1]!)).toBe('2027-01-01');
    expect(year(cadenceScale(early, today, 98, [new Date('2027-01-01T00:00:00Z')]).domain()[1]!)).toBe('2028-01-01');
  });
});

describe('cadenceLayout packed into a small embed: lanes clear of each other, names clear of the marks', () => {
  const six = Array.from({ length: 6 }, (_, i) => lane('European Union', `Migration and Mobility Dialogue ${i}`));
  it.each([
    [480, 96 + 48 + 28],
    [300, 90 + 48 + 28],
    [400, 100 + 48 + 28],
  ])(
    'at %i px wide and %i tall, marks (13 px, outlined 1 px outside) keep 3 px from the next lane’s',
    (width, height) => {
      const layout = cadenceLayout(six, width, height);
      expect(layout.tight).toBe(true);
      expect(layout.markScale).toBeLessThan(1);
      expect(layout.laneHeight - (13 * layout.markScale! + 2)).toBeGreaterThanOrEqual(3);
    },
  );

  it('draws marks full size where lanes are not packed, or have room for them', () => {
    expect(cadenceLayout(six, 1000).markScale).toBeUndefined();
    expect(cadenceLayout(six, 640, 300).markScale).toBeUndefined();
  });

  it('starts a packed timeline 11 px after its names, for a month or a year drawn 18 px wide at its start', () => {
    const packed = cadenceLayout(six, 268, 166);
    expect(packed.tight && !packed.compact).toBe(true);
    // A name ends, by its estimate, 2 px past its column: 9 px before the timeline starts.
    expect(16 + packed.labelChars * 10 * 0.56).toBeLessThanOrEqual(packed.labelWidth - 9);
    // Unpacked, as before: the names' column alone.
    const wide = cadenceLayout(six, 1000);
    expect(wide.labelWidth - 16).toBeCloseTo(approxTextWidth('Migration and Mobility Dialogue 0', 12));
  });
});

describe('cadenceLayout in a frame too short for the partner headings, with room in each lane', () => {
  // The published data's tracks: 800×500 and 640×360 embeds packed them as a 300×250 banner does.
  const six = [
    lane('Afghanistan', 'Additional Secretary-level talks'),
    ...['Migration and Mobility Dialogue', 'Strategic Dialogue', 'Bilateral Dialogue', 'Political Dialogue'].map((t) =>
      lane('European Union', t),
    ),
    lane('United States', 'Counterterrorism Dialogue'),
  ];
  const longest = 'Additional Secretary-level talks';

  it('keeps 12 px names whole and the intervals where lanes have 34 px or more (an 800×500 embed)', () => {
    // The usual layout needs 400 px here; 44 px a lane without headings.
    const layout = cadenceLayout(six, 780, 340);
    expect(layout.tight).toBe(false);
    expect(layout.keyed).toBe(true);
    expect(layout.headers).toEqual([]);
    expect(layout.smallNames).toBe(false);
    expect(layout.laneHeight).toBe(40);
    expect(layout.markOffset).toBe(26);
    expect(truncateWords(longest, layout.labelChars)).toBe(longest);
    expect(layout.height).toBeLessThanOrEqual(340);
  });

  it('packs 30 px lanes (a 640×360 embed) with no intervals, but its names in 12 px and whole', () => {
    const layout = cadenceLayout(six, 620, 256);
    expect(layout.tight).toBe(true);
    expect(layout.keyed).toBe(true);
    expect(layout.smallNames).toBe(false);
    expect(truncateWords(longest, layout.labelChars)).toBe(longest);
    expect(layout.labelWidth).toBeGreaterThanOrEqual(approxTextWidth(longest, 12) + 16);
    expect(layout.height).toBeLessThanOrEqual(256);
  });

  it('keeps 10 px names in lanes under 24 px (480×270, 300×250), and the headings where the usual layout fits', () => {
    const packed = cadenceLayout(six, 460, 54 + 22 + 6 * 16);
    expect(packed.tight && packed.smallNames).toBe(true);
    const page = cadenceLayout(six, 780);
    expect(page.keyed || page.tight).toBe(false);
    expect(page.headers.map((h) => h.partner)).toEqual(['Afghanistan', 'European Union', 'United States']);
    expect(cadenceLayout(six, 780, 400).keyed).toBe(false);
  });
});
