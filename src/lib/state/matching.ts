import type { CadenceLane } from '../data/aggregate';
import type { Dashboard } from './dashboard.svelte';

/**
 * The lanes a chart placed elsewhere draws (a slide, an embed, Present): under filters, those with
 * a matching meeting. The dashboard keeps every lane, faded, to show what a filter leaves out.
 * (Apart from the dashboard's state: only those lazily loaded views ask.)
 */
export function matchingLanes(dash: Dashboard): CadenceLane[] {
  const shown = dash.shownLanes;
  return shown ? dash.data.lanes.filter((l) => shown.has(l.key)) : dash.data.lanes;
}

/** The partners of `matchingLanes`, in the data's order: what such a chart's legend names. */
export function matchingPartners(dash: Dashboard, lanes = matchingLanes(dash)): string[] {
  if (!dash.shownLanes) return dash.data.partners;
  const drawn = new Set(lanes.map((l) => l.partner));
  return dash.data.partners.filter((p) => drawn.has(p));
}
