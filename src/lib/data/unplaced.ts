import { andList } from './and-list';
import type { DialogueColumns } from './columns';

/** Meetings shown that the map cannot place: their rows name no venue, or a venue the venues file lacks. */
export interface Unplaced {
  /** The meetings shown. */
  meetings: number;
  /** Of them, those whose rows name no venue. */
  noVenue: number;
  /** Venue ids the meetings name that no venue has, the most named first, with how many name each. */
  unknown: { id: string; meetings: number }[];
}

/** Of the meetings at `rows`, those no marker counts; `known` says which venue ids the map has. */
export function unplacedMeetings(c: DialogueColumns, rows: ArrayLike<number>, known: (id: string) => boolean): Unplaced {
  const perVenue = new Uint32Array(c.venues.length);
  let noVenue = 0;
  for (let k = 0; k < rows.length; k++) {
    const v = c.venueOf[rows[k]!]!;
    if (v < 0) noVenue++;
    else perVenue[v]!++;
  }
  const unknown: Unplaced['unknown'] = [];
  perVenue.forEach((meetings, v) => {
    if (meetings > 0 && !known(c.venues[v]!)) unknown.push({ id: c.venues[v]!, meetings });
  });
  unknown.sort((a, b) => b.meetings - a.meetings);
  return { meetings: rows.length, noVenue, unknown };
}

/** Venue ids named one by one; past this many, how many others. */
const NAMED = 3;

const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** “beijing”, “london” and 2 others: ids as the data writes them, a long one cut. */
function idList(unknown: Unplaced['unknown']): string {
  const named = unknown.slice(0, NAMED).map(({ id }) => `“${id.length > 30 ? `${id.slice(0, 29)}…` : id}”`);
  const rest = unknown.length - named.length;
  return andList(rest > 0 ? [...named, count(rest, 'other')] : named);
}

/**
 * The map's note, as what a small embed keeps and what gives way there (no full stop); null when every
 * meeting shown is on the map. "4 of 9 meetings name no venue" + ", so they are not on the map";
 * "3 of 12 meetings name a venue the map has no location for" + " (“beijing”, “london” and “Lahore”), so
 * they are not on the map"; with both, "7 of 12 meetings are not on the map" + ": 4 name no venue, 3 name a
 * venue the map has no location for (…)". Before, a meeting naming an unknown venue was said to name none.
 * `sentence` words it for alt text and a slide's subtitle: "… name no venue and are not on the map".
 */
export function unplacedWords({ meetings, noVenue, unknown }: Unplaced, sentence = false): [string, string] | null {
  const elsewhere = unknown.reduce((n, u) => n + u.meetings, 0);
  const off = noVenue + elsewhere;
  if (off === 0) return null;
  const of = `${off.toLocaleString('en')} of ${count(meetings, 'meeting')}`;
  const verb = (n: number) => (n === 1 ? 'names' : 'name');
  const notOnMap = sentence ? ` and ${off === 1 ? 'is' : 'are'} not on the map` : `, so ${off === 1 ? 'it is' : 'they are'} not on the map`;
  const lacking = 'a venue the map has no location for';
  if (elsewhere === 0) return [`${of} ${verb(noVenue)} no venue`, notOnMap];
  if (noVenue === 0) return [`${of} ${verb(elsewhere)} ${lacking}`, ` (${idList(unknown)})${notOnMap}`];
  return [
    `${of} are not on the map`,
    `: ${noVenue.toLocaleString('en')} ${verb(noVenue)} no venue, ${elsewhere.toLocaleString('en')} ${verb(elsewhere)} ${lacking} (${idList(unknown)})`,
  ];
}
