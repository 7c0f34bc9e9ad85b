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
      tables: [],
    });
  });

  it('reads which panels show their table rather than their chart, and leaves them out when none does', () => {
    const { view, notices } = parseHash('#/?table=topics&table=map&table=topics&table=chart');
    expect(view.tables).toEqual(['topics', 'map']);
    expect(notices).toEqual(['Ignored table “chart”: expected map, topics or cadence.']);
    expect(formatHash(view)).toBe('#/?table=topics&table=map');
    // Charts everywhere, the default: nothing in the link.
    expect(formatHash({ ...view, tables: [] })).toBe('#/');
  });

  it.each([
    { hash: '#/?table=TOPICS', tables: ['topics'], ignored: [] },
    { hash: '#/?table=Topics&table=topics', tables: ['topics'], ignored: [] },
    { hash: '#/?table=topics,map', tables: ['topics', 'map'], ignored: [] },
    { hash: '#/?table=topics%2Cmap', tables: ['topics', 'map'], ignored: [] },
    { hash: '#/?table=Cadence,%20MAP,cadence', tables: ['cadence', 'map'], ignored: [] },
    { hash: '#/?table=map,topics&table=MAP', tables: ['map', 'topics'], ignored: [] },
    { hash: '#/?table=topics,', tables: ['topics'], ignored: [] },
    { hash: '#/?table=topics,chart,map', tables: ['topics', 'map'], ignored: ['chart'] },
    { hash: '#/?table=Chart,Venues', tables: [], ignored: ['Chart', 'Venues'] },
    { hash: '#/?table=', tables: [], ignored: [] },
  ])('reads $hash as the tables $tables, in any case and as a comma list', ({ hash, tables, ignored }) => {
    const { view, notices } = parseHash(hash);
    expect(view.tables).toEqual(tables);
    expect(notices).toEqual(ignored.map((name) => `Ignored table “${name}”: expected map, topics or cadence.`));
    // The link written afterwards is the canonical one: lower case, one table a setting, each once.
    expect(formatHash(view)).toBe(tables.length ? `#/?${tables.map((t) => `table=${t}`).join('&')}` : '#/');
  });

  it.each(['', '#', '#/', '#/?'])('reads %j as the plain dashboard', (hash) => {
    expect(parseHash(hash)).toEqual({ view: DEFAULT_VIEW, notices: [] });
  });

  it.each(['#/present', '#/present/', '#/present?topic=migration'])(
    'opens %j on the first view presented (the map), as the arrows start, with no notice',
    (hash) => {
      const { view, notices } = parseHash(hash);
      expect(notices).toEqual([]);
      expect(view.route).toBe('present/map');
    },
  );

  it('ignores what it does not know, with a notice, and never throws', () => {
    const { view, notices } = parseHash(
      '#/nowhere?status=cancelled&from=last-year&colour=red&theme=neon&topic=ok&%E0%A4%A=1',
    );
    expect(view.route).toBe('');
    expect(view.filters).toEqual({ ...NO_FILTERS, topics: ['ok'] });
    // The two unknown settings (colour and a broken name) share one notice.
    expect(notices).toHaveLength(5);
    expect(notices.join(' ')).toMatch(/nowhere.*cancelled.*last-year.*neon.*2 unknown link settings: “colour”/s);
  });

  it('accepts a year, a month or a day as a bound', () => {
    for (const [from, to] of [
      ['2024', '2025'],
      ['2024-05', '2025'],
      ['2023', '2025-07-17'],
    ]) {
      const { view, notices } = parseHash(`#/?from=${from}&to=${to}`);
      expect(notices).toEqual([]);
      expect(view.filters).toMatchObject({ from, to });
    }
  });

  it('swaps a period given backwards, and says so', () => {
    const { view, notices } = parseHash('#/?from=2025-06&to=2024-01');
    expect(view.filters).toMatchObject({ from: '2024-01', to: '2025-06' });
    expect(notices).toEqual([expect.stringContaining('ran backwards')]);
    // The same month at both ends is a period of one month, not backwards.
    expect(parseHash('#/?from=2025-06&to=2025-06').view.filters).toMatchObject({ from: '2025-06', to: '2025-06' });
  });

  it('names a handful of unknown settings and counts the rest, quickly, however many', () => {
    const keys = Array.from({ length: 60_000 }, (_, i) => `junk${i}=1`).join('&');
    const topics = Array.from({ length: 60_000 }, (_, i) => `topic=t${i}`).join('&');
    const started = performance.now();
    const { view, notices } = parseHash(`#/?${keys}&${topics}`);
    const { notices: stale } = reconcile(view, {
      partners: new Set(),
      topics: new Set(['t1']),
      venues: new Set(),
      meetings: new Set(),
    });
    expect(performance.now() - started).toBeLessThan(2000);
    expect(notices).toEqual([
      'Ignored 60,000 unknown link settings: “junk0”, “junk1”, “junk2”, “junk3”, “junk4” and 59,995 more.',
    ]);
    expect(stale).toEqual([
      '59,999 topics are not in the data shown (“t0”, “t2”, “t3”, “t4”, “t5” and 59,994 more): their filters are off.',
    ]);
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

  it('takes a partner typed in another case as the data’s own name (a link written by hand)', () => {
    const known = {
      partners: new Set(['Afghanistan', 'European Union']),
      topics: new Set<string>(),
      venues: new Set<string>(),
      meetings: new Set<string>(),
    };
    const { view, notices } = reconcile(
      parseHash('#/embed/cadence?partner=afghanistan&partner=EUROPEAN%20UNION').view,
      known,
    );
    expect(view.filters.partners).toEqual(['Afghanistan', 'European Union']);
    expect(notices).toEqual([]);
    // Exactly as the data has it: the same list, untouched.
    const exact = parseHash('#/?partner=Afghanistan').view;
    expect(reconcile(exact, known).view.filters.partners).toBe(exact.filters.partners);
  });

  it('round-trips any view through the hash', () => {
    const text = fc.string({ minLength: 1, maxLength: 12 });
    const month = fc
      .tuple(fc.integer({ min: 1990, max: 2060 }), fc.integer({ min: 1, max: 12 }))
      .map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`);
    const view = fc
      .record<ViewState>({
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
        tables: fc.uniqueArray(fc.constantFrom('map' as const, 'topics' as const, 'cadence' as const)),
      })
      .map((v): ViewState => {
        // A period given backwards is swapped (tested above): the round trip is of ordered ones.
        const { from, to } = v.filters;
        return from && to && from > to ? { ...v, filters: { ...v.filters, from: to, to: from } } : v;
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
