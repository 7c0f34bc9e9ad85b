import { scaleSqrt } from 'd3-scale';
import type { VenueSummary } from '../data/aggregate';
import { formatCount } from '../data/format-count';
import { formatPartialDate } from '../data/partial-date';
import type { Venue } from '../data/schema';

/** Dot radius in pixels for a venue's number of meetings: area grows with the count. */
export function markerRadius(count: number, maxCount: number): number {
  return (
    scaleSqrt()
      .domain([0, Math.max(1, maxCount)])
      .range([0, MAX_RADIUS])
      .clamp(true)(count) || 0
  );
}
export const MIN_RADIUS = 6;
/** The largest dot's radius: the busiest venue's. */
export const MAX_RADIUS = 12;

/**
 * Which side of its dot a venue's label goes: away from a venue close by to the east,
 * so that neighbours such as Islamabad and Kabul (about 300 km apart) keep their labels apart.
 */
export function labelSide(venue: Venue, venues: readonly Venue[], nearDegrees = 8): 'left' | 'right' {
  const crowdedEast = venues.some(
    (o) =>
      o.id !== venue.id &&
      o.lon > venue.lon &&
      o.lon - venue.lon < nearDegrees &&
      Math.abs(o.lat - venue.lat) < nearDegrees,
  );
  return crowdedEast ? 'left' : 'right';
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** "Partner · track (round 2)", each name isolated (<bdi>) from the text around it. */
function what(m: { partner: string; track: string; round: number | null }): HTMLElement {
  const node = el('span', 'what');
  node.append(el('bdi', '', m.partner), ' · ', el('bdi', '', m.track), m.round !== null ? ` (round ${m.round})` : '');
  return node;
}

/** Side of a marker's touch target in CSS px, whatever its dot's size (WCAG 2.5.8 asks 24). */
export const TARGET = 28;

/**
 * The marker's face: a dot sized by meetings (hollow when all are planned) centred in a touch
 * target of at least TARGET px, and the venue's name. When placement moves the marker off its
 * place (the --dx/--dy offset), a leader line and a small anchor dot show where it belongs.
 * Only its hit area takes the pointer (map.css). Text only, no HTML.
 */
export function venueMarkerElement(summary: VenueSummary, radius: number, side: 'left' | 'right'): HTMLElement {
  const onlyPlanned = summary.held === 0 && summary.planned > 0;
  const root = el('div', `venue-face label-${side}${onlyPlanned ? ' only-planned' : ''}`);
  const leader = el('span', 'venue-leader');
  const anchor = el('span', 'venue-anchor');
  leader.setAttribute('aria-hidden', 'true');
  anchor.setAttribute('aria-hidden', 'true');
  // What a tap or click meets: the target's square, cut back where another venue's marker lies
  // closer (placeOnMap sets --hit-clip), so a tap on any dot's centre opens that venue.
  const hit = el('span', 'venue-hit');
  hit.setAttribute('aria-hidden', 'true');
  const dot = el('span', 'venue-dot');
  dot.style.width = dot.style.height = `${radius * 2}px`;
  // The name isolated (<bdi>): an Urdu name does not take the count into its own direction
  // ("9 اسلام آباد", the count between dot and name) nor merge its digits with it.
  const label = el('span', 'venue-label');
  // The count is drawn from data-count by CSS (map.css), with no text of its own: the marker's name
  // says it in words ("2 of 3 meetings match the filters"), where a screen reader read "2/3" after
  // it ("2 slash 3", or a date), and a name that left it out did not hold the label seen.
  const count = el('span', 'venue-count');
  count.dataset.count = venueCountText(summary);
  label.append(el('bdi', '', summary.venue.name), count);
  root.append(leader, anchor, hit, dot, label);
  return root;
}

/** Meetings at a venue among those that pass the filters (none when absent from the tallies). */
export type VenueFilterTally = { meetings: number; held: number; planned: number } | null;

/** The count by a venue's name: "3", or while filtering "2/3" (matching of all), as topic bars show it; "15,421". */
export function venueCountText(summary: VenueSummary, tally?: VenueFilterTally): string {
  const total = summary.meetings.length;
  return tally === undefined ? formatCount(total) : `${formatCount(tally?.meetings ?? 0)}/${formatCount(total)}`;
}

/**
 * What a screen reader says for a marker: the venue's name as shown (so the name holds the visible
 * label), then the count in words, as the popup says it: "Islamabad, Pakistan: 3 meetings, 2 held
 * and 1 planned"; while filtering "Islamabad, Pakistan: 2 of 3 meetings match the filters, 2 held".
 */
export function venueAccessibleName(summary: VenueSummary, tally?: VenueFilterTally): string {
  const { venue } = summary;
  const { held, planned } = tally === undefined ? summary : (tally ?? { held: 0, planned: 0 });
  const parts = [];
  if (held) parts.push(`${formatCount(held)} held`);
  if (planned) parts.push(`${formatCount(planned)} planned`);
  const n = summary.meetings.length;
  const count =
    tally === undefined
      ? `${formatCount(n)} ${n === 1 ? 'meeting' : 'meetings'}`
      : `${formatCount(tally?.meetings ?? 0)} of ${formatCount(n)} ${n === 1 ? 'meeting matches' : 'meetings match'} the filters`;
  const where = venue.country ? `${venue.name}, ${venue.country}` : venue.name;
  return `${where}: ${[count, parts.join(' and ')].filter(Boolean).join(', ')}`;
}

/**
 * The popup: the venue and its meetings (date, partner, track, status), built from DOM nodes
 * and text. With `onselect`, each meeting is a button that opens its details. With `matching`
 * (the meetings that pass the filters, while filtering), it follows the filters as the marker's
 * count does: "2 of 3 match the filters", those that match first, the others after them, faded and
 * named "(does not match the filters)" as the timeline's marks are.
 */
export function venuePopupContent(
  summary: VenueSummary,
  onselect?: (id: string) => void,
  matching?: ReadonlySet<string> | null,
): HTMLElement {
  const root = el('div', 'venue-popup');
  const title = el('h3', '');
  title.append(el('bdi', '', summary.venue.name));
  if (summary.venue.country) {
    const country = el('span', 'country', ' · ');
    country.append(el('bdi', '', summary.venue.country));
    title.append(country);
  }
  root.append(title);
  const { held, planned, meetings } = summary;
  const inside = matching ? meetings.filter((m) => matching.has(m.id)) : meetings;
  const outside = matching ? meetings.filter((m) => !matching.has(m.id)) : [];
  const n = meetings.length;
  root.append(
    el(
      'p',
      'tally',
      matching
        ? `${formatCount(inside.length)} of ${formatCount(n)} ${n === 1 ? 'matches' : 'match'} the filters`
        : `${formatCount(held)} held · ${formatCount(planned)} planned`,
    ),
  );
  const list = el('ul', '');
  for (const m of [...inside, ...outside]) {
    const out = outside.includes(m);
    const item = el('li', `meeting ${m.status}${out ? ' outside' : ''}`);
    item.dataset.dialogueId = m.id;
    if (matching) item.dataset.matches = String(!out);
    const row = onselect ? el('button', 'meeting-row') : el('div', 'meeting-row');
    if (row instanceof HTMLButtonElement) {
      row.type = 'button';
      row.addEventListener('click', () => onselect?.(m.id));
    }
    // Its name read whole at every width ("27 Jun 2025, Afghanistan · …, held"): the commas are words
    // of their own, unseen, for on a phone the parts run on as one line with no space between them
    // ("2026European Union"), and the status is said as written, not as its badge's capitals ("HELD").
    const date = el('span', 'date', m.date ? formatPartialDate(m.date) : 'Date not announced');
    date.append(el('span', 'spoken', ', '));
    const said = what(m);
    said.append(el('span', 'spoken', `, ${m.status}`));
    const badge = el('span', `status status-${m.status}`, m.status);
    badge.setAttribute('aria-hidden', 'true');
    row.append(date, said, badge);
    if (out) row.append(el('span', 'visually-hidden', ' (does not match the filters)'));
    item.append(row);
    list.append(item);
  }
  root.append(list);
  return root;
}
