import { render } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import CadenceChart from '../../src/lib/charts/CadenceChart.svelte';
import { edgeOf } from '../../src/lib/charts/edge-of';
import { partnerColours } from '../../src/lib/charts/palette';
import { trackInsights } from '../../src/lib/data/insights';
import { bundledViews } from './data';

describe('CadenceChart', () => {
  const views = bundledViews();
  const colour = partnerColours(views.partners);
  const today = new Date('2026-11-21T00:00:00Z');
  const base = {
    lanes: views.lanes,
    colour,
    venueName: (id: string) => id,
    today: new Date('2026-11-21T00:00:00Z'),
    width: 1000,
  };
  const draw = () =>
    render(CadenceChart, {
      lanes: views.lanes,
      colour,
      venueName: (id: string) => id,
      today: new Date('2026-11-21T00:00:00Z'),
      width: 1000,
    }).container;

  it('draws one mark per meeting with its status', () => {
    const marks = [...draw().querySelectorAll('[data-testid="cadence-mark"]')];
    expect(marks).toHaveLength(9);
    const status = Object.fromEntries(
      marks.map((m) => [m.getAttribute('data-dialogue-id'), m.getAttribute('data-status')]),
    );
    expect(status['eu-2025-07-17-bilateral']).toBe('held');
    expect(status['af-as-2-kabul']).toBe('planned');
  });

  it('rings the meeting chosen, clear of its mark, which keeps its partner’s edge (a planned one its dashes)', () => {
    const partners = {
      'af-as-2-kabul': 'Afghanistan',
      'eu-2025-migration-3': 'European Union',
      'us-2025-08-12-ct': 'United States',
    };
    for (const [id, partner] of Object.entries(partners)) {
      const container = render(CadenceChart, { ...base, selectedId: id }).container;
      const mark = container.querySelector(`[data-dialogue-id="${id}"]`)!;
      expect(mark.querySelector('.ring'), id).not.toBeNull();
      // Outlined in its partner's edge (app.css's, by colour): choosing it does not take that over.
      expect((mark as SVGElement).style.getPropertyValue('--edge'), id).toBe(edgeOf(colour(partner)));
      expect(mark.querySelector(':is(circle, rect):not(.hit, .ring)')!.getAttribute('stroke'), id).toBeNull();
      // No other mark is ringed.
      expect(container.querySelectorAll('.ring')).toHaveLength(1);
    }
  });

  it('fills held marks and leaves planned marks hollow', () => {
    const container = draw();
    const shape = (id: string) => container.querySelector(`[data-dialogue-id="${id}"] :is(circle, rect):not(.hit)`)!;
    expect(shape('eu-2025-07-17-bilateral').getAttribute('fill')).toBe(colour('European Union'));
    expect(shape('eu-2026-political').getAttribute('fill')).toBe('var(--surface, #fff)');
  });

  it('draws a date known to the day as a dot, to the month or year as a span that grows with the period', () => {
    const container = draw();
    const el = (id: string) => container.querySelector(`[data-dialogue-id="${id}"]`)!;
    expect(el('us-2025-08-12-ct').querySelector('circle:not(.hit)')).not.toBeNull();
    expect(el('us-2025-08-12-ct').querySelector('rect')).toBeNull();
    const month = Number(el('us-2024-05-ct').querySelector('rect:not(.hit)')!.getAttribute('width'));
    const year = Number(el('eu-2026-political').querySelector('rect:not(.hit)')!.getAttribute('width'));
    // A month on this 4-year axis is about 11 px: drawn 18, wider than the 13 px dot, it reads as a
    // span, not an upright oval. The year's span is its own width on the axis, 12 months' worth.
    expect(month).toBe(18);
    expect(year).toBeGreaterThan(12 * 10);
  });

  it('puts an undated planned meeting in the unscheduled slot at the end of its lane', () => {
    const container = draw();
    const undated = Number(
      container.querySelector('[data-dialogue-id="af-as-2-kabul"] circle:not(.hit)')!.getAttribute('cx'),
    );
    const dated = [...container.querySelectorAll('[data-precision="day"] circle:not(.hit)')].map((c) =>
      Number(c.getAttribute('cx')),
    );
    expect(undated).toBeGreaterThan(Math.max(...dated));
    expect(container.textContent).toContain('undated');
  });

  /** The US track's expected meeting (a dashed diamond), drawn under these filters. */
  const expectedMark = (visibleIds: ReadonlySet<string> | null, shownLanes: ReadonlySet<string> | null = null) =>
    render(CadenceChart, {
      lanes: views.lanes,
      colour,
      venueName: (id: string) => id,
      today: new Date('2026-12-05T00:00:00Z'),
      width: 1000,
      visibleIds,
      shownLanes,
      insights: trackInsights(views.lanes, new Date('2026-12-05T00:00:00Z')),
    }).container.querySelector('[data-testid="cadence-expected"]')!;

  it('on a phone, sets “overdue” beside the diamond across the undated column where its lane has no undated meeting, clear of the bracket before it', () => {
    for (const width of [280, 288, 300]) {
      const container = render(CadenceChart, {
        lanes: views.lanes,
        colour,
        venueName: (id: string) => id,
        today: new Date('2026-12-05T00:00:00Z'),
        width,
        insights: trackInsights(views.lanes, new Date('2026-12-05T00:00:00Z')),
      }).container;
      const expected = container.querySelector('[data-testid="cadence-expected"]')!;
      const word = expected.querySelector('text')!;
      const diamond = /^M([\d.]+),([\d.]+)/.exec(expected.querySelector('path')!.getAttribute('d')!)!;
      expect(word.textContent).toBe('overdue');
      // On the lane's line, right of the diamond, not above it where the bracket ends.
      expect(word.getAttribute('text-anchor'), `${width}`).toBeNull();
      expect(Number(word.getAttribute('x'))).toBeGreaterThan(Number(diamond[1]) + 7);
      expect(Number(word.getAttribute('y'))).toBe(Number(diamond[2]) + 7);
    }
  });

  it('fades a track’s expected meeting with its meetings when the filters leave none of them', () => {
    const render2 = (visibleIds: ReadonlySet<string> | null) => expectedMark(visibleIds);
    expect(render2(null).getAttribute('data-dimmed')).toBeNull();
    expect(render2(new Set(['eu-2026-political'])).getAttribute('data-dimmed')).toBe('true');
    expect(render2(new Set(['us-2024-05-ct'])).getAttribute('data-dimmed')).toBeNull();
  });

  it('fades the expected meeting outside the filtered period, as it fades the meetings outside it', () => {
    // The US track is expected in October 2026 (14.5 months after 12 Aug 2025); a period of 2025 keeps its August 2025 round.
    const mark = (periodFrom: string | null, periodTo: string | null) =>
      render(CadenceChart, {
        lanes: views.lanes,
        colour,
        venueName: (id: string) => id,
        today: new Date('2026-12-05T00:00:00Z'),
        width: 1000,
        visibleIds: new Set(['us-2025-08-12-ct']),
        periodFrom,
        periodTo,
        insights: trackInsights(views.lanes, new Date('2026-12-05T00:00:00Z')),
      }).container.querySelector('[data-testid="cadence-expected"]')!;
    expect(mark('2025-01', '2025-12').getAttribute('data-dimmed')).toBe('true');
    expect(mark('2025-01', null).getAttribute('data-dimmed')).toBeNull();
    expect(mark('2026-10', '2026-10').getAttribute('data-dimmed')).toBeNull();
    expect(mark('2026-11', '2026-11').getAttribute('data-dimmed')).toBe('true');
  });

  it('fades it too when thousands of meetings leave no ids to test, from the lanes the filters leave', () => {
    const us = views.lanes.find((l) => l.partner === 'United States')!.key;
    const other = views.lanes.find((l) => l.partner !== 'United States')!.key;
    const expected = (shownLanes: ReadonlySet<string> | null) => expectedMark(null, shownLanes);
    expect(expected(null).getAttribute('data-dimmed')).toBeNull();
    expect(expected(new Set([other])).getAttribute('data-dimmed')).toBe('true');
    expect(expected(new Set([us, other])).getAttribute('data-dimmed')).toBeNull();
  });

  it('fades a track’s intervals with its meetings, so a filtered view (and its export) does not draw them at full strength', () => {
    const gaps = (visibleIds: ReadonlySet<string> | null) =>
      [
        ...render(CadenceChart, {
          lanes: views.lanes,
          colour,
          venueName: (id: string) => id,
          width: 1000,
          visibleIds,
        }).container.querySelectorAll('.gap'),
      ].map((g) => g.classList.contains('dimmed'));
    expect(gaps(null)).toEqual([false, false]);
    expect(gaps(new Set(['eu-2026-political']))).toEqual([true, true]);
    expect(gaps(new Set(['us-2024-05-ct']))).toEqual([false, false]);
  });

  it('labels the gaps between consecutive held meetings of a track', () => {
    const labels = [...draw().querySelectorAll('.gap text')].map((t) => t.textContent);
    expect(labels).toEqual(['14 mo', '15 mo']);
  });

  it('names each lane by its track under a partner heading', () => {
    const text = draw().textContent ?? '';
    for (const lane of views.lanes) {
      expect(text).toContain(lane.track);
      expect(text).toContain(lane.partner);
    }
  });

  it('tints a filtered partner’s heading as pressed only where the heading is a button', () => {
    const headingOf = (container: Element) =>
      [...container.querySelectorAll('.partner-header')].find((g) => g.textContent?.includes('European Union'))!;
    const selectedPartners = ['European Union'];
    const embed = headingOf(render(CadenceChart, { ...base, selectedPartners }).container);
    expect(embed.getAttribute('role')).toBeNull();
    expect(embed.classList.contains('pressed')).toBe(false);
    const page = headingOf(render(CadenceChart, { ...base, selectedPartners, ontogglepartner: () => {} }).container);
    expect(page.getAttribute('role')).toBe('button');
    expect(page.classList.contains('pressed')).toBe(true);
  });

  it('sets each name above its lane on a backdrop of the page’s colour on a phone, so no rule shows between its letters', () => {
    const at = (width: number) =>
      render(CadenceChart, { lanes: views.lanes, colour, venueName: (id: string) => id, today, width }).container;
    const phone = at(320);
    const names = [...phone.querySelectorAll<SVGTextElement>('text.track')];
    expect(names).toHaveLength(views.lanes.length);
    for (const name of names) {
      const id = /^url\(#(.+)\)$/.exec(name.style.filter)?.[1];
      expect(id, name.textContent ?? '').toBeDefined();
      const filter = phone.querySelector(`svg filter[id="${id}"]`);
      expect(filter?.querySelector('feFlood')).not.toBeNull();
      expect(filter?.getAttribute('width')).not.toBeNull();
    }
    // Beside their lanes (wider), the names are in a column of their own, clear of the timeline.
    const wide = at(1000);
    expect([...wide.querySelectorAll<SVGTextElement>('text.track')].map((t) => t.style.filter)).not.toContain(
      expect.stringContaining('url'),
    );
    expect(wide.querySelector('filter')).toBeNull();
  });
  it('sets each partner’s heading on a backdrop of the page’s colour on a phone, so the “today” line does not show between its words', () => {
    const at = (width: number) =>
      render(CadenceChart, { lanes: views.lanes, colour, venueName: (id: string) => id, today, width }).container;
    const phone = at(320);
    const headings = [...phone.querySelectorAll<SVGTextElement>('.partner-header text')];
    expect(headings).toHaveLength(views.partners.length);
    for (const heading of headings) {
      const id = /^url\(#(.+)\)$/.exec(heading.style.filter)?.[1];
      expect(id, heading.textContent ?? '').toBeDefined();
      expect(phone.querySelector(`svg filter[id="${id}"] feFlood`)).not.toBeNull();
    }
  });
  it('sizes a partner heading’s box (its target, tint and focus ring) to its name as drawn, not to an estimate', () => {
    // A wide font: bold names drawn 8 px per character (DejaVu Sans draws "European Union" about 107 px wide).
    vi.stubGlobal(
      'ResizeObserver',
      class {
        constructor(private report: () => void) {}
        observe() {
          this.report();
        }
        disconnect() {}
      },
    );
    const bbox = vi.fn(function (this: SVGGraphicsElement) {
      return { x: 0, y: 0, width: (this.textContent ?? '').length * 8, height: 14 } as DOMRect;
    });
    Object.defineProperty(SVGElement.prototype, 'getBBox', { value: bbox, configurable: true });
    try {
      const container = render(CadenceChart, {
        lanes: views.lanes,
        colour,
        venueName: (id: string) => id,
        today,
        width: 1000,
        ontogglepartner: () => {},
      }).container;
      const headings = [...container.querySelectorAll('.partner-header')];
      expect(headings.map((h) => h.textContent)).toContain('European Union');
      for (const h of headings) {
        const name = h.querySelector('text')!;
        const box = Number(h.querySelector('rect.hit')!.getAttribute('width'));
        expect(box, name.textContent!).toBeGreaterThanOrEqual(
          Number(name.getAttribute('x')) + name.textContent!.length * 8,
        );
      }
    } finally {
      vi.unstubAllGlobals();
      delete (SVGElement.prototype as { getBBox?: unknown }).getBBox;
    }
  });
});
