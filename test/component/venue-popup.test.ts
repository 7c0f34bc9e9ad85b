import { describe, expect, it } from 'vitest';
import type { VenueSummary } from '../../src/lib/data/aggregate';
import { parseDialogues } from '../../src/lib/data/dialogues';
import { labelSide, venueAccessibleName, venueMarkerElement, venuePopupContent } from '../../src/lib/map/venue-markers';
import { fixture } from '../fixtures/read';
import { bundledViews } from './data';

describe('venue markers and popups', () => {
  const { venues, dataset } = bundledViews();
  const islamabad = venues.find((s) => s.venue.id === 'islamabad')!;
  const kabul = venues.find((s) => s.venue.id === 'kabul')!;

  it("lists the venue's meetings with date, partner, track and status", () => {
    const popup = venuePopupContent(islamabad);
    const items = [...popup.querySelectorAll('li')].map((li) => li.textContent);
    expect(popup.querySelector('h3')!.textContent).toBe('Islamabad · Pakistan');
    expect(items).toEqual([
      '27 Jun 2025Afghanistan · Additional Secretary-level talks (round 1)held',
      '12 Aug 2025United States · Counterterrorism Dialogueheld',
      '2026European Union · Political Dialogueplanned',
    ]);
  });

  it('draws a venue with only planned meetings distinctly', () => {
    expect(venueMarkerElement(kabul, 8, 'left').classList.contains('only-planned')).toBe(true);
    expect(venueMarkerElement(islamabad, 12, 'right').classList.contains('only-planned')).toBe(false);
    expect(venueAccessibleName(kabul)).toBe('Kabul 1 meeting, Afghanistan: 1 planned');
  });

  it('puts the labels of Kabul and Islamabad on opposite sides', () => {
    expect(labelSide(kabul.venue, dataset.venues)).toBe('left');
    expect(labelSide(islamabad.venue, dataset.venues)).toBe('right');
  });

  it('keeps markup from the data as text', () => {
    const [meeting] = parseDialogues(fixture('dialogues-markup.csv')).rows;
    const hostile: VenueSummary = {
      venue: { id: 'x', name: '<img src=x onerror="window.__pwned=1">', country: '<b>c</b>', lon: 0, lat: 0 },
      meetings: [meeting!],
      held: 1,
      planned: 0,
    };
    for (const node of [venuePopupContent(hostile), venueMarkerElement(hostile, 8, 'right')]) {
      expect(node.querySelector('img, b, script')).toBeNull();
      expect(node.textContent).toContain('<img src=x onerror="window.__pwned=1">');
    }
  });
});
