import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NO_FILTERS, type Filters } from '../../src/lib/data/filters';
import {
  briefingName,
  deckName,
  exportName,
  filterSlug,
  localStamp,
  packageName,
} from '../../src/lib/export/file-name';
import { DEFAULT_PRESET } from '../../src/lib/state/slide-preset';

describe('export file names', () => {
  it('date the data package by the viewer’s own day of download, so two days’ packages do not collide', () => {
    const tz = process.env.TZ;
    try {
      // 01:30 on 7 December in Islamabad is still 6 December in UTC: the name says the 7th.
      process.env.TZ = 'Asia/Karachi';
      expect(packageName(new Date('2026-12-06T20:30:00Z'))).toBe('dialogue-atlas-data-2026-12-07.zip');
      // 19:00 on 6 December in New York is the 7th in UTC: the name says the 6th.
      process.env.TZ = 'America/New_York';
      expect(packageName(new Date('2026-12-07T00:00:00Z'))).toBe('dialogue-atlas-data-2026-12-06.zip');
      expect(packageName(new Date('0987-03-04T12:00:00Z'))).toBe('dialogue-atlas-data-0987-03-04.zip');
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
  });

  it('date a slide deck by the viewer’s day, as the data package is, keeping its filters and settings', () => {
    const tz = process.env.TZ;
    try {
      process.env.TZ = 'Asia/Karachi';
      const made = new Date('2026-12-06T20:30:00Z'); // 01:30 on the 7th in Islamabad
      expect(deckName(DEFAULT_PRESET, NO_FILTERS, made)).toBe('dialogue-atlas-slides-16x9-2026-12-07.pptx');
      const dark = { ...DEFAULT_PRESET, ratio: '4:3', theme: 'dark', background: 'transparent', scale: 2 } as const;
      const us = { ...NO_FILTERS, partners: ['United States'], status: 'held' as const };
      expect(deckName(dark, us, made)).toBe('dialogue-atlas-slides-united-states-held-4x3-dark-2026-12-07.pptx');
      process.env.TZ = 'America/New_York';
      expect(deckName(DEFAULT_PRESET, NO_FILTERS, made)).toBe('dialogue-atlas-slides-16x9-2026-12-06.pptx');
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
  });

  it('date a briefing by the day where it is made, in a stamp that still reads as the same instant', () => {
    const tz = process.env.TZ;
    try {
      process.env.TZ = 'Asia/Karachi';
      const made = new Date('2026-12-06T20:30:05Z'); // 01:30 on the 7th in Islamabad
      expect(localStamp(made)).toBe('2026-12-07T01:30:05+05:00');
      expect(new Date(localStamp(made)).getTime()).toBe(made.getTime());
      expect(briefingName(NO_FILTERS, localStamp(made))).toBe('dialogue-atlas-briefing-2026-12-07.html');
      process.env.TZ = 'America/St_Johns'; // half-hour offset, west of UTC
      expect(localStamp(made)).toBe('2026-12-06T17:00:05-03:30');
      expect(new Date(localStamp(made)).getTime()).toBe(made.getTime());
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
  });

  it('name the view and the slide shape, and with filters the filters, so exports do not overwrite each other', () => {
    expect(exportName('topics', DEFAULT_PRESET, 'svg')).toBe('dialogue-atlas-topics-16x9.svg');
    const square = { ...DEFAULT_PRESET, ratio: '4:3' } as const;
    expect(exportName('cadence', square, 'png', { ...NO_FILTERS, partners: ['United States'] })).toBe(
      'dialogue-atlas-cadence-united-states-4x3.png',
    );
    expect(
      filterSlug({ ...NO_FILTERS, topics: ['migration'], status: 'planned', from: '2024-01', to: '2025-06-30' }),
    ).toBe('migration-planned-from-2024-01-to-2025-06-30');
  });

  it('tell the dark, transparent and double-size exports of one view apart (a deck has no transparency)', () => {
    const dark = { ...DEFAULT_PRESET, theme: 'dark', background: 'transparent', scale: 2 } as const;
    expect(exportName('map', dark, 'png')).toBe('dialogue-atlas-map-16x9-dark-transparent-2x.png');
    expect(exportName('map', dark, 'svg')).toBe('dialogue-atlas-map-16x9-dark-transparent.svg');
    expect(exportName('slides', dark, 'pptx')).toBe('dialogue-atlas-slides-16x9-dark.pptx');
  });

  it('keep only safe characters (accents dropped, markup and slashes gone) and stay short, saying long lists shorter', () => {
    expect(filterSlug({ ...NO_FILTERS, partners: ['Côte d’Ivoire', '../<b>EU</b>'] })).toBe('cote-d-ivoire-b-eu-b');
    const long = filterSlug({
      ...NO_FILTERS,
      topics: ['counter-terrorism', 'migration', 'intelligence-sharing', 'border-security', 'refugees'],
    });
    expect(long).toMatch(/^counter-terrorism-and-4-more-[0-9a-f]{6}$/);
  });

  it('keep the status and a readable period when there are many filters (the reviewer’s link), not a fingerprint in their place', () => {
    // `#/?status=held&partner=United+States&topic=counter-terrorism&topic=intelligence-sharing&from=2023`
    const reviewer = {
      ...NO_FILTERS,
      status: 'held' as const,
      partners: ['United States'],
      topics: ['counter-terrorism', 'intelligence-sharing'],
      from: '2023',
    };
    // 67 characters, the limit a name had with its fingerprint: whole, no fingerprint needed.
    expect(filterSlug(reviewer)).toBe('united-states-counter-terrorism-intelligence-sharing-held-from-2023');
    expect(exportName('topics', DEFAULT_PRESET, 'png', reviewer)).toBe(
      'dialogue-atlas-topics-united-states-counter-terrorism-intelligence-sharing-held-from-2023-16x9.png',
    );
    // One partner more: the topics are counted, the partners, status and period stay whole.
    expect(filterSlug({ ...reviewer, partners: ['United States', 'Afghanistan'] })).toMatch(
      /^united-states-afghanistan-2-topics-held-from-2023-[0-9a-f]{6}$/,
    );
    // Many venues and topics, a period of months: lists counted, the period as the link says it.
    const many = {
      partners: ['European Union', 'Afghanistan', 'United States'],
      topics: ['counter-terrorism', 'migration', 'gaza', 'ukraine', 'kashmir'],
      venues: ['brussels', 'islamabad', 'kabul'],
      status: 'planned' as const,
      from: '2024-01',
      to: '2025-06',
    };
    expect(filterSlug(many)).toMatch(/^3-partners-5-topics-3-venues-planned-from-2024-01-to-2025-06-[0-9a-f]{6}$/);
    // To the day at both ends, with every list: a count that no longer fits is left out, never the period.
    expect(filterSlug({ ...many, from: '2024-01-01', to: '2025-06-30' })).toMatch(
      /^3-partners-5-topics-planned-from-2024-01-01-to-2025-06-30-[0-9a-f]{6}$/,
    );
    // The deck and the briefing share the rule.
    expect(deckName(DEFAULT_PRESET, many, new Date(2026, 11, 7))).toMatch(
      /^dialogue-atlas-slides-3-partners-5-topics-3-venues-planned-from-2024-01-to-2025-06-[0-9a-f]{6}-16x9-2026-12-07\.pptx$/,
    );
    expect(briefingName(many, '2026-12-07T01:30:00+05:00')).toMatch(
      /^dialogue-atlas-briefing-3-partners-5-topics-3-venues-planned-from-2024-01-to-2025-06-[0-9a-f]{6}-2026-12-07\.html$/,
    );
  });

  it('say as few lists shorter as fit: by the first name and how many more, else how many', () => {
    const partners = ['European Union', 'Afghanistan', 'United States'];
    const topics = ['counter-terrorism', 'migration'];
    const planned = filterSlug({ ...NO_FILTERS, partners, topics, status: 'planned' });
    expect(planned).toMatch(/^european-union-afghanistan-united-states-2-topics-planned-[0-9a-f]{6}$/);
    // Partners counted leave every topic whole: one list said shorter, not two.
    const held = filterSlug({ ...NO_FILTERS, partners, topics: [...topics, 'gaza'], status: 'held', from: '2025' });
    expect(held).toMatch(/^3-partners-counter-terrorism-migration-gaza-held-from-2025-[0-9a-f]{6}$/);
    const fiveTopics = ['counter-terrorism', 'migration', 'intelligence-sharing', 'border-security', 'refugees'];
    expect(filterSlug({ ...NO_FILTERS, partners: ['United States'], topics: fiveTopics, status: 'held' })).toMatch(
      /^united-states-counter-terrorism-and-4-more-held-[0-9a-f]{6}$/,
    );
  });

  it('give any two different filters names of their own, each within 67 characters, keeping status and period', () => {
    const subset = (names: string[]) => fc.uniqueArray(fc.constantFrom(...names), { maxLength: names.length });
    const filters = fc.record({
      partners: subset(['European Union', 'Afghanistan', 'United States', 'Islamic Republic of Iran', '中国']),
      topics: subset([
        'counter-terrorism',
        'security-cooperation',
        'drug-trafficking',
        'intelligence-sharing',
        'militant-groups',
        'emerging-technologies',
        'strategic-engagement-plan',
        'migration',
        'gaza',
      ]),
      venues: subset(['brussels', 'islamabad', 'kabul', 'torkham-border-crossing']),
      status: fc.constantFrom('all' as const, 'held' as const, 'planned' as const),
      from: fc.constantFrom(null, '2023', '2024-01', '2024-01-15'),
      to: fc.constantFrom(null, '2025', '2025-06', '2025-06-30'),
    });
    const said = (f: Filters) =>
      [f.status === 'all' ? '' : f.status, f.from ? `from-${f.from}` : '', f.to ? `to-${f.to}` : '']
        .filter(Boolean)
        .join('-');
    const sorted = (f: Filters) =>
      JSON.stringify([...[f.partners, f.topics, f.venues].map((l) => [...l].sort()), f.status, f.from, f.to]);
    fc.assert(
      fc.property(filters, filters, (a, b) => {
        const [x, y] = [filterSlug(a), filterSlug(b)];
        for (const [f, name] of [
          [a, x],
          [b, y],
        ] as const) {
          expect(Array.from(name).length).toBeLessThanOrEqual(67);
          if (said(f)) expect(name.replace(/-[0-9a-f]{6}$/, '')).toMatch(new RegExp(`(^|-)${said(f)}$`));
        }
        if (sorted(a) !== sorted(b)) expect(x).not.toBe(y);
      }),
      { numRuns: 2000 },
    );
  });

  it('keep Urdu, Arabic and Chinese names in their own letters, so their exports do not overwrite each other', () => {
    const topics = (partners: string[], status: 'all' | 'held' = 'all') =>
      exportName('topics', DEFAULT_PRESET, 'svg', { ...NO_FILTERS, partners, status });
    expect(topics(['ایران'])).toBe('dialogue-atlas-topics-ایران-16x9.svg');
    expect(topics(['افغانستان'])).toBe('dialogue-atlas-topics-افغانستان-16x9.svg');
    expect(topics(['中国'], 'held')).toBe('dialogue-atlas-topics-中国-held-16x9.svg');
    expect(new Set([topics([]), topics(['ایران']), topics(['افغانستان'])]).size).toBe(3);
    // Arabic (ي, ك), Urdu letters with hamza or madda, Korean syllables: composed (NFC), not cut to bare letters.
    expect(filterSlug({ ...NO_FILTERS, partners: ['المملكة العربية السعودية', 'آذربائیجان', '대한민국'] })).toBe(
      'المملكة-العربية-السعودية-آذربائیجان-대한민국',
    );
    expect(filterSlug({ ...NO_FILTERS, venues: ['طورخم سرحد، گیٹ 3'] })).toBe('طورخم-سرحد-گیٹ-3');
  });

  it('drop emoji, bidi controls and characters Windows or macOS refuse in a file name', () => {
    expect(filterSlug({ ...NO_FILTERS, partners: ['🤝 Dialogue 🇵🇰'] })).toBe('dialogue');
    const nasty = 'a/b\\c:d*e?f"g<h>i|j\u0000k\u001fl\u2068m\u2069n\u200fo\u202ep';
    expect(filterSlug({ ...NO_FILTERS, partners: [nasty] })).toBe('a-b-c-d-e-f-g-h-i-j-k-l-m-n-o-p');
    const name = exportName('map', DEFAULT_PRESET, 'png', { ...NO_FILTERS, partners: [nasty, '..', 'ایران'] });
    const refused = (c: string) =>
      c < ' ' || '/\\:*?"<>|\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069'.includes(c);
    expect([...name].filter(refused)).toEqual([]);
  });

  it('cut a long Chinese or Urdu name by characters, never halving a letter, and keep it apart by a fingerprint', () => {
    const zh = filterSlug({ ...NO_FILTERS, partners: ['𠀀'.repeat(70)] });
    expect(Array.from(zh.replace(/-[0-9a-f]{6}$/, ''))).toHaveLength(60);
    expect(zh).toMatch(/^(𠀀)+-[0-9a-f]{6}$/u);
    const ur = filterSlug({ ...NO_FILTERS, topics: Array(12).fill('سرحدی انتظام') });
    expect(Array.from(ur).length).toBeLessThanOrEqual(67);
    expect(ur).toMatch(/^سرحدی-انتظام-.*[^-]-[0-9a-f]{6}$/u);
  });
});
