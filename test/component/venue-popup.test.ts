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
    // As a screen reader has them: the badge (in capitals on screen) aside, its words said once.
    const said = (li: Element) => {
      const copy = li.cloneNode(true) as Element;
      copy.querySelectorAll('[aria-hidden="true"]').forEach((n) => n.remove());
      return copy.textContent;
    };
    const items = [...popup.querySelectorAll('li')].map(said);
    expect(popup.querySelector('h3')!.textContent).toBe('Islamabad · Pakistan');
    expect(items).toEqual([
      '27 Jun 2025, Afghanistan · Additional Secretary-level talks (round 1), held',
      '12 Aug 2025, United States · Counterterrorism Dialogue, held',
      '2026, European Union · Political Dialogue, planned',
    ]);
    expect([...popup.querySelectorAll('.status')].map((s) => s.textContent)).toEqual(['held', 'held', 'planned']);
  });

  it('follows the filters as the marker does: the count, and the meetings outside them set apart after the others', () => {
    const rows = (popup: HTMLElement) =>
      [...popup.querySelectorAll<HTMLElement>('li')].map((li) => [
        li.dataset.dialogueId,
        li.classList.contains('outside'),
        li.querySelector('.visually-hidden')?.textContent ?? '',
      ]);
    // The held filter: the planned 2026 Political Dialogue is listed last, faded and named so.
    const held = venuePopupContent(islamabad, () => {}, new Set(['af-2025-06-27-as-1', 'us-2025-08-12-ct']));
    expect(held.querySelector('.tally')!.textContent).toBe('2 of 3 match the filters');
    expect(rows(held)).toEqual([
      ['af-2025-06-27-as-1', false, ''],
      ['us-2025-08-12-ct', false, ''],
      ['eu-2026-political', true, ' (does not match the filters)'],
    ]);
    // The planned filter: the planned meeting comes first, the two held ones after it.
    const planned = venuePopupContent(islamabad, () => {}, new Set(['eu-2026-political', 'af-as-2-kabul']));
    expect(planned.querySelector('.tally')!.textContent).toBe('1 of 3 match the filters');
    expect(rows(planned).map(([id, out]) => [id, out])).toEqual([
      ['eu-2026-political', false],
      ['af-2025-06-27-as-1', true],
      ['us-2025-08-12-ct', true],
    ]);
    // Filtered to nothing (held, at Kabul): its one planned meeting is outside the filters.
    const none = venuePopupContent(kabul, () => {}, new Set());
    expect(none.querySelector('.tally')!.textContent).toBe('0 of 1 matches the filters');
    expect(rows(none)).toEqual([['af-as-2-kabul', true, ' (does not match the filters)']]);
    // Unfiltered: held and planned, none set apart.
    const all = venuePopupContent(islamabad, () => {}, null);
    expect(all.querySelector('.tally')!.textContent).toBe('2 held · 1 planned');
    expect(all.querySelectorAll('.outside, [data-matches]')).toHaveLength(0);
  });

  it('draws a venue with only planned meetings distinctly', () => {
    expect(venueMarkerElement(kabul, 8, 'left').classList.contains('only-planned')).toBe(true);
    expect(venueMarkerElement(islamabad, 12, 'right').classList.contains('only-planned')).toBe(false);
    expect(venueAccessibleName(kabul)).toBe('Kabul, Afghanistan: 1 meeting, 1 planned');
  });

  it('names a marker with its count in words, and hides the count it shows from screen readers', () => {
    const cases = [
      { tally: undefined, expected: 'Islamabad, Pakistan: 3 meetings, 2 held and 1 planned' },
      {
        tally: { meetings: 2, held: 2, planned: 0 },
        expected: 'Islamabad, Pakistan: 2 of 3 meetings match the filters, 2 held',
      },
      { tally: null, expected: 'Islamabad, Pakistan: 0 of 3 meetings match the filters' },
    ];
    for (const { tally, expected } of cases) expect(venueAccessibleName(islamabad, tally)).toBe(expected);
    const face = venueMarkerElement(islamabad, 12, 'right');
    // The count is drawn by CSS from data-count: no text of its own for a screen reader to read.
    expect(face.querySelector<HTMLElement>('.venue-count')!.dataset.count).toBe('3');
    expect(face.querySelector('.venue-label')!.textContent).toBe('Islamabad');
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
