import { ascending } from 'd3-array';
import { venueRowSteps, type VenueRows } from './aggregate';
import { countTopics, type DialogueColumns } from './columns';
import { dateOrderNow } from './date-order';
import type { PackedDialogues } from './packed';
import { lanePartSteps, type LaneParts } from './lane-parts';
import { parsePartialDate, type PartialDate } from './partial-date';
import { runNow } from './steps';

/**
 * The filtering columns and the date order of a packed dataset, made in the worker from its
 * codes (each distinct date and topic list read once) instead of on the page from a million
 * meetings: what `columnSteps` and `rowsByDate` would give for the unpacked meetings, moved
 * to the page as typed arrays. Column numbers are DIALOGUE_COLUMNS'; `col` finds a column's
 * table and codes in the packed form.
 */
export interface PackedViews {
  columns: DialogueColumns;
  /** Rows in date order (see date-order.ts). */
  order: Uint32Array;
  /** The timeline's lanes, as numbers (lane-parts.ts): the page only wraps them. */
  lanes?: LaneParts[];
  /** Each venue's rows by date (aggregate.ts: venueRowSteps). */
  venueRows?: VenueRows;
  /** Meetings per topic and partner (columns.ts: countTopics over every row). */
  topicCounts?: Uint32Array;
}

export function packedViews(
  d: PackedDialogues,
  col: (c: number) => { table: readonly string[]; codes: Uint32Array },
): PackedViews {
  const n = d.n;
  const status = col(2);
  const partner = col(3);
  const track = col(4);
  const venue = col(7);
  const topicList = col(8);
  const date = col(1);
  // Partners and tracks: the packed codes are already numbered as first met in row order.
  const partnerOf = partner.codes.slice(0, n);
  const trackOf = track.codes.slice(0, n);
  const held = Uint8Array.from(status.table, (s) => (s === 'held' ? 0 : 1));
  const statusOf = new Uint8Array(n);
  for (let i = 0; i < n; i++) statusOf[i] = held[status.codes[i]!]!;
  // Venues and topics are numbered as first met, skipping the empty venue.
  const venues: string[] = [];
  const venueOfCode = new Int32Array(venue.table.length).fill(-2);
  const venueOf = new Int32Array(n);
  const topics: string[] = [];
  const topicIndex = new Map<string, number>();
  const listOfCode = new Array<Uint32Array | undefined>(topicList.table.length);
  const topicStart = new Uint32Array(n + 1);
  let total = 0;
  const lists = new Array<Uint32Array>(n);
  const startOf = new Float64Array(date.table.length).fill(-Infinity);
  const dates = new Array<PartialDate | null>(date.table.length);
  const endOf = new Float64Array(date.table.length);
  const start = new Float64Array(n);
  const end = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const vc = venue.codes[i]!;
    let v = venueOfCode[vc]!;
    if (v === -2) {
      const id = venue.table[vc]!;
      v = venueOfCode[vc] = id === '' ? -1 : venues.push(id) - 1;
    }
    venueOf[i] = v;
    const tc = topicList.codes[i]!;
    let list = listOfCode[tc];
    if (list === undefined) {
      const text = topicList.table[tc]!;
      const names = text === '' ? [] : text.split(';');
      list = listOfCode[tc] = Uint32Array.from(names, (t) => {
        let j = topicIndex.get(t);
        if (j === undefined) topicIndex.set(t, (j = topics.push(t) - 1));
        return j;
      });
    }
    lists[i] = list;
    topicStart[i] = total;
    total += list.length;
    const dc = date.codes[i]!;
    if (startOf[dc] === -Infinity) {
      const text = date.table[dc]!;
      const p = (dates[dc] = text === '' ? null : parsePartialDate(text));
      startOf[dc] = p ? p.start.getTime() : NaN;
      endOf[dc] = p ? p.end.getTime() : NaN;
    }
    start[i] = startOf[dc]!;
    end[i] = endOf[dc]!;
  }
  topicStart[n] = total;
  const topicIds = new Uint32Array(total);
  const perTopic = new Uint32Array(topics.length);
  for (let i = 0; i < n; i++) {
    const list = lists[i]!;
    topicIds.set(list, topicStart[i]!);
    for (const t of list) perTopic[t]!++;
  }
  const rowsByTopic = Array.from(perTopic, (count) => new Uint32Array(count));
  perTopic.fill(0);
  for (let i = 0; i < n; i++) for (const t of lists[i]!) rowsByTopic[t]![perTopic[t]!++] = i;
  const columns: DialogueColumns = {
    rowsByTopic,
    n,
    partners: [...partner.table],
    partnerOf,
    tracks: [...track.table],
    trackOf,
    statusOf,
    venues,
    venueOf,
    topics,
    topicStart,
    topicIds,
    start,
    end,
  };
  const order = dateOrderNow(start, end);
  const partners = [...columns.partners].sort(ascending);
  const lanes = runNow(lanePartSteps(columns, order, partners, (i) => dates[date.codes[i]!]!));
  const venueRows = runNow(venueRowSteps(columns, order));
  return { columns, order, lanes, venueRows, topicCounts: countTopics(columns, null) };
}

/** The typed arrays of the views: what postMessage moves rather than copies. */
export function viewTransferables(v: PackedViews): ArrayBuffer[] {
  const c = v.columns;
  return [c.partnerOf, c.trackOf, c.statusOf, c.venueOf, c.topicStart, c.topicIds, c.start, c.end, v.order, ...c.rowsByTopic].map(
    (a) => a.buffer as ArrayBuffer,
  )
    .concat((v.lanes ?? []).flatMap((l) => [l.rows.buffer, l.starts.buffer, l.ends.buffer] as ArrayBuffer[]))
    .concat(v.venueRows ? [...v.venueRows.rows, v.venueRows.held].map((a) => a.buffer as ArrayBuffer) : [])
    .concat(v.topicCounts ? [v.topicCounts.buffer as ArrayBuffer] : []);
}
