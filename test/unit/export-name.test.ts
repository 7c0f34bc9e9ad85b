import { describe, expect, it } from 'vitest';
import { NO_FILTERS } from '../../src/lib/data/filters';
import { exportName, filterSlug } from '../../src/lib/export/file-name';

describe('export file names', () => {
  it('name the view and the slide shape, and with filters the filters, so exports do not overwrite each other', () => {
    expect(exportName('topics', '16:9', 'svg')).toBe('dialogue-atlas-topics-16x9.svg');
    expect(exportName('cadence', '4:3', 'png', { ...NO_FILTERS, partners: ['United States'] })).toBe(
      'dialogue-atlas-cadence-united-states-4x3.png',
    );
    expect(
      filterSlug({ ...NO_FILTERS, topics: ['migration'], status: 'planned', from: '2024-01', to: '2025-06-30' }),
    ).toBe('migration-planned-from-2024-01-to-2025-06-30');
  });

  it('keep only safe characters (accents dropped, markup and slashes gone) and stay short, cut at a word', () => {
    expect(filterSlug({ ...NO_FILTERS, partners: ['Côte d’Ivoire', '../<b>EU</b>'] })).toBe('cote-d-ivoire-b-eu-b');
    const long = filterSlug({
      ...NO_FILTERS,
      topics: ['counter-terrorism', 'migration', 'intelligence-sharing', 'border-security', 'refugees'],
    });
    expect(long.length).toBeLessThanOrEqual(60);
    expect(long).toMatch(/^counter-terrorism-migration-intelligence-sharing[a-z-]*[a-z]$/);
    expect('counter-terrorism-migration-intelligence-sharing-border-security-refugees').toContain(long);
  });
});
