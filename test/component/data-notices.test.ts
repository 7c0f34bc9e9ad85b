import { render, waitFor } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import DataNotices from '../../src/components/data/DataNotices.svelte';
import type { Venue } from '../../src/lib/data/schema';
import { placedOutside } from '../../src/lib/data/venue-countries';
import type { DatasetState } from '../../src/lib/state/dataset.svelte';

// The page checks the venues in a worker; here, the same check on this thread.
vi.mock('../../src/lib/state/venues-outside', () => ({
  venuesOutside: (venues: Venue[]) => Promise.resolve(placedOutside(venues)),
}));

const venues: Venue[] = [
  { id: 'brussels', name: 'Brussels', country: 'Belgium', lon: 4.3517, lat: 50.8503 },
  { id: 'islamabad', name: 'Islamabad', country: 'Pakistan', lon: 33.7, lat: 73 },
  { id: 'kabul', name: 'Kabul', country: 'Afghanistan', lon: 69.2075, lat: -34.5553 },
];

/** What the notices read of the data shown. */
function shown(label: string, list: Venue[] = venues) {
  const data = {
    status: 'ready',
    label,
    venues: list.map((venue) => ({ venue, meetings: [{}] })),
    dataset: { venues: list },
    storageProblem: null,
    conflict: null,
    notice: null,
    publication: 'unknown',
    busy: false,
    publishedFiles: null,
  } as unknown as DatasetState;
  return render(DataNotices, {
    props: { data, packing: false, packFailure: null, onpackage: () => {}, onreview: () => {} },
  });
}

describe('the data panel’s note on venues placed outside their country', () => {
  it('names them in data applied here, saying which numbers look swapped', async () => {
    const view = shown('venues-swapped.geojson (uploaded 7 Dec 2026, 00:51:12; the other files as before)');
    await waitFor(() => expect(view.queryByTestId('venues-outside-country')).not.toBeNull());
    expect(view.getByTestId('venues-outside-country').textContent!.replace(/\s+/g, ' ').trim()).toBe(
      '2 venues are placed outside the country venues.geojson names for them, so the map shows them there: Islamabad at [33.7, 73], outside Pakistan (the numbers look swapped: [73, 33.7] is in Pakistan); Kabul at [69.2075, -34.5553], outside Afghanistan. Fix venues.geojson (GeoJSON writes [longitude, latitude]) and upload it again.',
    );
  });

  it('says nothing of the published data, nor of venues in their countries', async () => {
    expect(shown('published data').queryByTestId('venues-outside-country')).toBeNull();
    const fine = shown('fine.geojson (uploaded 7 Dec 2026, 00:51:12)', venues.slice(0, 1));
    await new Promise((r) => setTimeout(r, 50));
    expect(fine.queryByTestId('venues-outside-country')).toBeNull();
  });
});
