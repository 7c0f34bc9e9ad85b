import { describe, expect, it } from 'vitest';
import type { VenueSummary } from '../../src/lib/data/aggregate';
import { hiddenNamesText } from '../../src/lib/map/hidden-names';
import { venueMarkerElement, venuePopupContent } from '../../src/lib/map/venue-markers';
import { bundledViews } from './data';

/** The map's text with a large upload: counts as the header writes them ("15,421"), dates as they are ("2026"). */
describe('the map’s counts with thousands separators', () => {
  const islamabad = bundledViews().venues.find((s) => s.venue.id === 'islamabad')!;
  const crowded: VenueSummary = {
    ...islamabad,
    meetings: Array.from({ length: 15_421 }, (_, i) => islamabad.meetings[i % islamabad.meetings.length]!),
    held: 15_000,
    planned: 421,
  };

  it('the marker’s label: its name, and the count CSS draws from data-count', () => {
    const label = venueMarkerElement(crowded, 12, 'right').querySelector('.venue-label')!;
    expect(label.textContent).toBe('Islamabad');
    expect(label.querySelector<HTMLElement>('.venue-count')!.dataset.count).toBe('15,421');
  });

  it('the popup’s tally, its dates left as they are', () => {
    // The tally counts held and planned from the summary: three meetings listed are enough.
    const popup = venuePopupContent({ ...crowded, meetings: islamabad.meetings });
    expect(popup.querySelector('.tally')!.textContent).toBe('15,000 held · 421 planned');
    expect(popup.querySelectorAll('.date')[2]!.textContent).toBe('2026, ');
  });

  // A thousand rows of DOM built: a second or two in jsdom on a busy machine.
  it('the popup’s tally under filters', { timeout: 20_000 }, () => {
    const matching = new Set(islamabad.meetings.map((m) => m.id));
    const filtered = venuePopupContent({ ...crowded, meetings: crowded.meetings.slice(0, 1_001) }, undefined, matching);
    expect(filtered.querySelector('.tally')!.textContent).toBe('1,001 of 1,001 match the filters');
  });

  it('the line saying how many names are hidden', () => {
    expect(hiddenNamesText(1_234)).toBe('1,234 names hidden: zoom in or pick a dot');
    expect(hiddenNamesText(1)).toBe('1 name hidden: zoom in or pick a dot');
  });
});
