import { describe, expect, it } from 'vitest';
import { buildColumns, filterRows } from '../../src/lib/data/columns';
import { NO_FILTERS, type Filters } from '../../src/lib/data/filters';
import { trackInsights } from '../../src/lib/data/insights';
import { expectedMatches, nextFilter } from '../../src/lib/data/next-shown';
import { dueNextLine } from '../../src/lib/data/track-summary';
import { altText } from '../../src/lib/export/alt';
import type { Dashboard } from '../../src/lib/state/dashboard.svelte';
import { matchingInsights, matchingLanes, matchingTracks } from '../../src/lib/state/matching';
import { bundledViews } from '../component/data';

/**
 * A track none of whose meetings is in the period, whose round expected from its usual interval is:
 * from Jan 2026, the U.S. Counterterrorism Dialogue (last held 12 Aug 2025, every 14.5 months:
 * expected Oct 2026, overdue on 7 Dec 2026). The README: a track past its usual interval counts
 * "where its expected mark is in the period".
 */
const { dataset, lanes } = bundledViews();
const today = new Date('2026-12-07T00:00:00Z');
const insights = trackInsights(lanes, today);
const us = insights.find((i) => i.track === 'Counterterrorism Dialogue')!;
const columns = buildColumns(dataset.dialogues);

/** The dashboard's state under `f`, as far as the timeline, its table, line and alt text read it. */
function dashboard(f: Partial<Filters>): Dashboard {
  const filters = { ...NO_FILTERS, ...f };
  const rows = filterRows(columns, filters).rows;
  const visibleIds = new Set(Array.from(rows, (i) => dataset.dialogues[i]!.id));
  const shownLanes = new Set(lanes.filter((l) => l.meetings.some((d) => visibleIds.has(d.id))).map((l) => l.key));
  return {
    filtering: true,
    filters,
    today,
    insights,
    shownLanes,
    visibleIds,
    visibleRows: rows,
    visibleCount: rows.length,
    data: { dataset, columns, lanes, partners: ['Afghanistan', 'European Union', 'United States'] },
  } as unknown as Dashboard;
}

describe('a round expected from the usual interval, inside the period', () => {
  it('matches a period and a partner by itself; never a topic, a venue or held/planned, which it has none of', () => {
    expect(expectedMatches(us, { ...NO_FILTERS, from: '2026-01' })).toBe(true);
    expect(expectedMatches(us, { ...NO_FILTERS, from: '2026-01', partners: ['United States'] })).toBe(true);
    expect(expectedMatches(us, { ...NO_FILTERS, from: '2026-10', to: '2026-10' })).toBe(true);
    // Outside the period, or another partner's.
    expect(expectedMatches(us, { ...NO_FILTERS, from: '2026-01', to: '2026-09' })).toBe(false);
    expect(expectedMatches(us, { ...NO_FILTERS, from: '2026-11' })).toBe(false);
    expect(expectedMatches(us, { ...NO_FILTERS, from: '2026-01', partners: ['European Union'] })).toBe(false);
    // It has no topic, no venue, and is neither held nor announced.
    expect(expectedMatches(us, { ...NO_FILTERS, from: '2026-01', topics: ['counter-terrorism'] })).toBe(false);
    expect(expectedMatches(us, { ...NO_FILTERS, from: '2026-01', venues: ['islamabad'] })).toBe(false);
    expect(expectedMatches(us, { ...NO_FILTERS, from: '2026-01', status: 'held' })).toBe(false);
    expect(expectedMatches(us, { ...NO_FILTERS, from: '2026-01', status: 'planned' })).toBe(false);
    // A planned round is a meeting: it matches as one, not by this rule.
    const political = insights.find((i) => i.track === 'Political Dialogue')!;
    expect(expectedMatches(political, { ...NO_FILTERS, from: '2026-01' })).toBe(false);
  });

  it('lists its track with those that have a matching meeting, and draws it (slides, embeds, Present)', () => {
    const from2026 = dashboard({ from: '2026-01' });
    expect([...from2026.shownLanes!]).toEqual(['European Union — Political Dialogue']);
    expect([...matchingTracks(from2026)!].sort()).toEqual([
      'European Union — Political Dialogue',
      'United States — Counterterrorism Dialogue',
    ]);
    expect(matchingInsights(from2026).map((i) => i.track)).toEqual(['Political Dialogue', 'Counterterrorism Dialogue']);
    const usOnly = dashboard({ from: '2026-01', partners: ['United States'] });
    expect(usOnly.visibleCount).toBe(0);
    expect(matchingLanes(usOnly).map((l) => l.key)).toEqual(['United States — Counterterrorism Dialogue']);
    // Outside the period (and under a topic), the track is left out as before.
    expect(matchingTracks(dashboard({ from: '2026-01', to: '2026-09', partners: ['United States'] }))!.size).toBe(0);
    expect(matchingTracks(dashboard({ from: '2026-01', topics: ['counter-terrorism'] }))!.size).toBe(0);
  });

  it('is named under the timeline, overdue, with the month expected', () => {
    const from2026 = dashboard({ from: '2026-01' });
    expect(dueNextLine(matchingInsights(from2026), nextFilter(from2026))).toBe(
      'Due next: European Union · Political Dialogue, 2026 (planned). Overdue: United States · Counterterrorism Dialogue, expected about Oct 2026.',
    );
    const usOnly = dashboard({ from: '2026-01', partners: ['United States'] });
    expect(dueNextLine(matchingInsights(usOnly), nextFilter(usOnly))).toBe(
      'No upcoming meeting with a date matches the filters. Overdue: United States · Counterterrorism Dialogue, expected about Oct 2026.',
    );
    // Unfiltered, the line counts as it did.
    expect(dueNextLine(insights)).toMatch(/Overdue: 2 planned rounds and 1 track past its usual interval\./);
  });

  it('is said in the timeline’s alt text, with no meeting matching too', () => {
    expect(altText('cadence', dashboard({ from: '2026-01' }))).toBe(
      'Filtered to period: From Jan 2026. Timeline of 1 meeting in 1 track with European Union (Political Dialogue), 2026: 0 held, 1 planned. United States: Counterterrorism Dialogue, 0 held meetings shown, meets about every 14.5 months. United States: Counterterrorism Dialogue has gone longer than usual without meeting (expected about Oct 2026).',
    );
    expect(altText('cadence', dashboard({ from: '2026-01', partners: ['United States'] }))).toBe(
      'Filtered to partner United States; period: From Jan 2026. No meeting matches the filters; 1 track is shown for the round expected from the usual interval. United States: Counterterrorism Dialogue, 0 held meetings shown, meets about every 14.5 months. United States: Counterterrorism Dialogue has gone longer than usual without meeting (expected about Oct 2026).',
    );
    // The other views have no expected rounds: no meeting matches.
    expect(altText('topics', dashboard({ from: '2026-01', partners: ['United States'] }))).toMatch(
      /: no meetings match these filters\.$/,
    );
  });
});
