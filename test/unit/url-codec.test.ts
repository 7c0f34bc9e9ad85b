import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NO_FILTERS } from '../../src/lib/data/filters';
import { DEFAULT_VIEW, formatHash, parseHash, reconcile, ROUTES, type ViewState } from '../../src/lib/data/url-codec';

describe('the view in the URL hash', () => {
  it('reads filters, the open meeting and the route', () => {
    const { view, notices } = parseHash(
      '#/embed/topics?partner=European%20Union&topic=migration&topic=ct&venue=brussels&status=held&from=2024-01&to=2025-06-30&meeting=m1&theme=dark',
    );
    expect(notices).toEqual([]);
    expect(view).toEqual({
      route: 'embed/topics',
      filters: {
        partners: ['European Union'],
        topics: ['migration', 'ct'],
        venues: ['brussels'],
        status: 'held',
        from: '2024-01',
        to: '2025-06-30',
      },
      meeting: 'm1',
      theme: 'dark',
    });
  });

  it.each(['', '#', '#/', '#/?'])('reads %j as the plain dashboard', (hash) => {
    expect(parseHash(hash)).toEqual({ view: DEFAULT_VIEW, notices: [] });
  });

  it('ignores what it does not know, with a notice for each, and never throws', () => {
    const { view, notices } = parseHash(
      '#/nowhere?status=cancelled&from=last-year&colour=red&theme=neon&topic=ok&%E0%A4%A=1',
    );
    expect(view.route).toBe('');
    expect(view.filters).toEqual({ ...NO_FILTERS, topics: ['ok'] });
    expect(notices).toHaveLength(6);
    expect(notices.join(' ')).toMatch(/nowhere.*cancelled.*last-year.*colour.*neon/s);
  });

  it('drops ids the data does not have', () => {
    const { view, notices } = reconcile(parseHash('#/?partner=Mars&partner=Afghanistan&topic=gone&meeting=old').view, {
      partners: new Set(['Afghanistan']),
      topics: new Set(),
      venues: new Set(),
      meetings: new Set(),
    });
    expect(view.filters.partners).toEqual(['Afghanistan']);
    expect(view.filters.topics).toEqual([]);
    expect(view.meeting).toBeNull();
    expect(notices).toHaveLength(3);
  });

  it('round-trips any view through the hash', () => {
    const text = fc.string({ minLength: 1, maxLength: 12 });
    const month = fc
      .tuple(fc.integer({ min: 1990, max: 2060 }), fc.integer({ min: 1, max: 12 }))
      .map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`);
    const view = fc.record<ViewState>({
      route: fc.constantFrom(...ROUTES),
      filters: fc.record({
        partners: fc.uniqueArray(text, { maxLength: 3 }),
        topics: fc.uniqueArray(text, { maxLength: 3 }),
        venues: fc.uniqueArray(text, { maxLength: 3 }),
        status: fc.constantFrom('all' as const, 'held' as const, 'planned' as const),
        from: fc.option(month, { nil: null }),
        to: fc.option(month, { nil: null }),
      }),
      meeting: fc.option(text, { nil: null }),
      theme: fc.constantFrom(null, 'light' as const, 'dark' as const),
    });
    fc.assert(
      fc.property(view, (v) => {
        const { view: back, notices } = parseHash(formatHash(v));
        expect(notices).toEqual([]);
        expect(back).toEqual(v);
      }),
    );
  });
});
