import { describe, expect, it } from 'vitest';
import { cadenceLanes, venueSummaries } from '../../src/lib/data/aggregate';
import { buildColumns } from '../../src/lib/data/columns';
import { buildDataset } from '../../src/lib/data/dataset';
import { NO_FILTERS, type Filters } from '../../src/lib/data/filters';
import { altText, filterSentence } from '../../src/lib/export/alt';
import { cadenceAltText } from '../../src/lib/export/describe';
import type { Dashboard } from '../../src/lib/state/dashboard.svelte';
import { bundled } from '../fixtures/read';

const { dataset } = buildDataset({
  dialogues: bundled('dialogues.csv'),
  venues: bundled('venues.geojson'),
  topics: bundled('topics.csv'),
  sources: bundled('sources.csv'),
});
const labels = {
  topic: (id: string) => dataset.topics.find((t) => t.id === id)?.label ?? id,
  venue: (id: string) => dataset.venues.find((v) => v.id === id)?.name ?? id,
};

describe('the text alternative under filters', () => {
  it('names the partners, topics, venues, status and period the view is filtered to', () => {
    expect(filterSentence(NO_FILTERS, labels)).toBe('');
    expect(filterSentence({ ...NO_FILTERS, partners: ['European Union'] }, labels)).toBe(
      'Filtered to partner European Union.',
    );
    expect(
      filterSentence(
        {
          partners: ['Afghanistan', 'United States'],
          topics: ['counter-terrorism'],
          venues: ['islamabad'],
          status: 'held',
          from: '2025-01',
          to: '2025-12',
        },
        labels,
      ),
    ).toBe(
      'Filtered to partner Afghanistan or United States; topic Counter-terrorism; venue Islamabad; held meetings only; period: Jan 2025 – Dec 2025.',
    );
  });

  it('summarises a long list: the first three, then how many more', () => {
    const partners = ['A', 'B', 'C', 'D', 'E'];
    expect(filterSentence({ ...NO_FILTERS, partners }, labels)).toBe('Filtered to partner A, B, C or 2 more.');
  });

  it('opens the view’s text alternative (the page’s Alt text, the SVG’s <desc>, the .pptx descr)', () => {
    // A map under the EU filter: Brussels holds its one held meeting, Islamabad its planned one.
    const filters: Filters = { ...NO_FILTERS, partners: ['European Union'] };
    const brussels = dataset.venues.find((v) => v.name === 'Brussels')!.id;
    const dash = {
      filtering: true,
      filters,
      visibleCount: 4,
      visibleVenueTallies: new Map([
        [brussels, { held: 1, planned: 0 }],
        ['islamabad', { held: 0, planned: 1 }],
      ]),
      visibleRows: Uint32Array.from(dataset.dialogues.flatMap((d, i) => (d.partner === 'European Union' ? [i] : []))),
      data: {
        dataset,
        columns: buildColumns(dataset.dialogues),
        venues: venueSummaries(dataset.dialogues, dataset.venues),
        venueNames: new Map(dataset.venues.map((v) => [v.id, v.name])),
      },
    } as unknown as Dashboard;
    expect(altText('map', dash)).toBe(
      'Filtered to partner European Union. Map of 2 venues where meetings were held or are planned: Brussels (1 held) and Islamabad (1 planned). 2 of 4 meetings name no venue and are not on the map.',
    );
    // Filters that match nothing are named too.
    expect(altText('topics', { ...dash, visibleCount: 0 } as unknown as Dashboard)).toBe(
      'Filtered to partner European Union. What Pakistan’s security dialogues discuss: no meetings match these filters.',
    );
  });

  it('names a timeline’s tracks when it draws three or fewer, and its partners when they are three or fewer', () => {
    const only = (...ids: string[]) => cadenceLanes(dataset.dialogues.filter((d) => ids.includes(d.id)));
    // A deck's slide of Afghanistan's one track: the partner and track are named.
    expect(cadenceAltText(only('af-2025-06-27-as-1'), [])).toMatch(
      /^Timeline of 1 meeting in 1 track with Afghanistan \(Additional Secretary-level talks\), 27 Jun 2025: /,
    );
    expect(cadenceAltText(only('eu-2025-07-17-bilateral', 'us-2025-08-12-ct'), [], true)).toMatch(
      /^Timeline of 2 meetings in 2 tracks with European Union \(Bilateral Dialogue\) and United States \(Counterterrorism Dialogue\), /,
    );
    // More tracks: the partners alone.
    expect(cadenceAltText(cadenceLanes(dataset.dialogues), [])).toMatch(
      /^Timeline of 9 meetings in 6 tracks with Afghanistan, European Union and United States, /,
    );
  });
});
