import { lazyArray } from './lazy-array';
import type { PackedDialogues } from './packed';
import { tableLength, tableValue, textOf, type SentDialogues } from './text-codes';
import { parsePartialDate, type PartialDate } from './partial-date';
import { DIALOGUE_COLUMNS, type Dialogue, type Status } from './schema';

/** Columns kept as joined text (see packed.ts: UNIQUE); the others are codes into tables. */
const [ID, EVIDENCE, SUMMARY] = [0, 1, 2];
/** A shared column's place among the packed tables (the columns not joined as text). */
const SHARED = DIALOGUE_COLUMNS.map((_, i) => i).filter((i) => ![0, 12, 13].includes(i));
const col = (c: number) => SHARED.indexOf(c);

const NO_TOPICS: readonly string[] = Object.freeze([]);
/** Meetings made are kept in blocks of this many (a million-slot array would be slow to fill). */
const BLOCK = 1024;

/**
 * The meetings of a packed dataset, each made the first time it is read and kept (the same
 * object every time after): the page shows a million meetings without making a million
 * objects, and makes the few that a details panel, a popup or a small table reads.
 */
export class PackedMeetings {
  readonly n: number;
  readonly #d: SentDialogues;
  readonly #blocks: (Dialogue | undefined)[][] = [];
  readonly #dates: (PartialDate | null | undefined)[];
  readonly #topicLists: (readonly string[] | undefined)[];
  readonly #rounds: (number | null | undefined)[];

  constructor(d: SentDialogues) {
    this.n = d.n;
    this.#d = d;
    this.#dates = new Array(tableLength(d, col(1)));
    this.#topicLists = new Array(tableLength(d, col(8)));
    this.#rounds = new Array(tableLength(d, col(5)));
  }

  /** Meeting `i` (0 ≤ i < n), made once. */
  get(i: number): Dialogue {
    const block = (this.#blocks[Math.floor(i / BLOCK)] ??= []);
    return (block[i % BLOCK] ??= this.#make(i));
  }

  /** The packed columns the meetings are made from (a download's worker makes them again from a copy). */
  get source(): SentDialogues {
    return this.#d;
  }

  /** Meeting `i`'s id, without making the meeting. */
  idOf(i: number): string {
    return this.#text(ID, i);
  }

  /** The first meeting with this id, -1 if none: a search of the joined ids, no meeting made. */
  rowOf(id: string): number {
    const text = this.#d.texts[ID]!;
    const ends = this.#d.ends[ID]!;
    if (id === '') {
      for (let i = 0; i < this.n; i++) if (this.#start(ID, i) === ends[i]) return i;
      return -1;
    }
    for (let at = text.indexOf(id); at >= 0; at = text.indexOf(id, at + 1)) {
      // The row whose value covers `at`: the first whose end is past it.
      let lo = 0;
      let hi = this.n - 1;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (ends[mid]! > at) hi = mid;
        else lo = mid + 1;
      }
      if (this.#start(ID, lo) === at && ends[lo] === at + id.length) return lo;
    }
    return -1;
  }

  /** Each source id the meetings cite, once (the source column's table). */
  sourceIds(): string[] {
    const k = col(11);
    return Array.from({ length: tableLength(this.#d, k) }, (_, code) => tableValue(this.#d, k, code));
  }

  #start(k: number, i: number): number {
    return i === 0 ? 0 : this.#d.ends[k]![i - 1]!;
  }

  #text(k: number, i: number): string {
    const codes = this.#d.textCodes?.[k];
    const [from, to] = [this.#start(k, i), this.#d.ends[k]![i]!];
    return codes ? textOf(codes, from, to) : this.#d.texts[k]!.slice(from, to);
  }

  #value(c: number, i: number): string {
    const k = col(c);
    return tableValue(this.#d, k, this.#d.codes[k]![i]!);
  }

  #make(i: number): Dialogue {
    const d = this.#d;
    const dateCode = d.codes[col(1)]![i]!;
    let date = this.#dates[dateCode];
    if (date === undefined) {
      const text = tableValue(d, col(1), dateCode);
      date = this.#dates[dateCode] = text === '' ? null : parsePartialDate(text);
    }
    const topicCode = d.codes[col(8)]![i]!;
    let topics = this.#topicLists[topicCode];
    if (topics === undefined) {
      const text = tableValue(d, col(8), topicCode);
      topics = this.#topicLists[topicCode] = text === '' ? NO_TOPICS : Object.freeze(text.split(';'));
    }
    const roundCode = d.codes[col(5)]![i]!;
    let round = this.#rounds[roundCode];
    if (round === undefined) {
      const text = tableValue(d, col(5), roundCode);
      round = this.#rounds[roundCode] = text === '' ? null : Number(text);
    }
    const venueId = this.#value(7, i);
    return {
      id: this.#text(ID, i),
      date,
      status: this.#value(2, i) as Status,
      partner: this.#value(3, i),
      track: this.#value(4, i),
      round,
      level: this.#value(6, i),
      venueId: venueId === '' ? null : venueId,
      topics,
      leadPakistan: this.#value(9, i),
      leadPartner: this.#value(10, i),
      sourceId: this.#value(11, i),
      evidence: this.#text(EVIDENCE, i),
      summary: this.#text(SUMMARY, i),
      line: d.lines[i]!,
    };
  }
}

/** The store behind each lazy meetings array, for lookups that need no meeting made. */
const stores = new WeakMap<readonly Dialogue[], PackedMeetings>();

/** The meetings of a packed dataset as an array whose items are made when read (see lazy-array.ts). */
export function packedMeetings(d: PackedDialogues): Dialogue[] {
  const store = new PackedMeetings(d);
  const meetings = lazyArray(store.n, (i) => store.get(i));
  stores.set(meetings, store);
  return meetings;
}

/** Where the meeting with this id is (the first, if several are), -1 if none: fast for packed meetings. */
export function rowOfId(dialogues: readonly Dialogue[], id: string): number {
  const store = stores.get(dialogues);
  return store ? store.rowOf(id) : dialogues.findIndex((d) => d.id === id);
}

/** The source ids the meetings cite, without making the meetings when they are packed. */
export function citedSourceIds(dialogues: readonly Dialogue[]): ReadonlySet<string> {
  const store = stores.get(dialogues);
  return new Set(store ? store.sourceIds() : dialogues.map((d) => d.sourceId));
}

/** Meeting `i`'s id, without making the meeting when it is packed. */
export function idAt(dialogues: readonly Dialogue[], i: number): string {
  const store = stores.get(dialogues);
  return store ? store.idOf(i) : dialogues[i]!.id;
}

/** The packed columns behind a lazy meetings array; undefined for an array of meetings made already. */
export function packedSource(dialogues: readonly Dialogue[]): SentDialogues | undefined {
  return stores.get(dialogues)?.source;
}
