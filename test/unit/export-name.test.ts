import { describe, expect, it } from 'vitest';
import { NO_FILTERS } from '../../src/lib/data/filters';
import { exportName, filterSlug } from '../../src/lib/export/file-name';
import { DEFAULT_PRESET } from '../../src/lib/state/slide-preset';

describe('export file names', () => {
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

  it('keep only safe characters (accents dropped, markup and slashes gone) and stay short, cut at a word', () => {
    expect(filterSlug({ ...NO_FILTERS, partners: ['Côte d’Ivoire', '../<b>EU</b>'] })).toBe('cote-d-ivoire-b-eu-b');
    const long = filterSlug({
      ...NO_FILTERS,
      topics: ['counter-terrorism', 'migration', 'intelligence-sharing', 'border-security', 'refugees'],
    });
    expect(long.length).toBeLessThanOrEqual(67);
    expect(long).toMatch(/^counter-terrorism-migration-intelligence-sharing[a-z-]*[a-z]-[0-9a-f]{6}$/);
    expect('counter-terrorism-migration-intelligence-sharing-border-security-refugees').toContain(
      long.replace(/-[0-9a-f]{6}$/, ''),
    );
  });

  it('give filters that differ only past the cut names of their own', () => {
    const partners = ['European Union', 'Afghanistan', 'United States'];
    const topics = ['counter-terrorism', 'migration'];
    const planned = filterSlug({ ...NO_FILTERS, partners, topics, status: 'planned' });
    const held2025 = filterSlug({ ...NO_FILTERS, partners, topics, status: 'held', from: '2025' });
    expect(planned.startsWith('european-union-afghanistan-united-states-counter-terrorism')).toBe(true);
    expect(planned).not.toBe(held2025);
  });
});
