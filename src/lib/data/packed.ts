import { DialogueReader, type DialogueValues } from './dialogue-reader';
import { ProblemLog, type Problem } from './problems';
import { ReferenceCheck } from './references';
import { DATA_FILES, DIALOGUE_COLUMNS, type Dataset, type Source, type Topic, type Venue } from './schema';
import type { Steps } from './steps';
import { parseSources, parseTopics } from './vocabulary';
import { parseVenues } from './venues';
import type { BuiltDataset, DatasetSource } from './dataset';
import { packedViews, viewTransferables, type PackedViews } from './packed-columns';
import { packedMeetings } from './packed-meetings';

/**
 * A dataset read and checked in the worker, in a form the page receives cheaply: the meetings
 * as typed arrays (moved, not copied) and a few strings, instead of a million objects that
 * would take the page seconds to receive. The page makes a meeting from it only when one is
 * read (`unpackSteps`, packed-meetings.ts), without reading any CSV again: one parse per file.
 */
export interface PackedDataset {
  dialogues: PackedDialogues;
  venues: Venue[];
  topics: Topic[];
  sources: Source[];
  problems: Problem[];
  errors: number;
  warnings: number;
  /** The filtering columns and date order, made here so the page need not (packed-columns.ts). */
  views?: PackedViews;
}

/** Columns that are (nearly) unique per row, kept as one string each with where each value ends. */
const UNIQUE = [0, 12, 13] as const;
/** The other columns repeat: each value is a code into that column's table of distinct values. */
const SHARED = DIALOGUE_COLUMNS.map((_, i) => i).filter((i) => !(UNIQUE as readonly number[]).includes(i));

export interface PackedDialogues {
  n: number;
  lines: Uint32Array;
  /** For each UNIQUE column: its values joined, and where each row's value ends. */
  texts: string[];
  ends: Uint32Array[];
  /** For each SHARED column: its distinct values, and each row's code into them. */
  tables: string[][];
  codes: Uint32Array[];
}

/** Rows read before the packer reserves room for the file's estimated number of rows. */
export const RESERVE_AFTER = 1000;

/** Rows whose unique values are joined into one string as soon as they are all read. */
const BLOCK = 1024;

/**
 * Collects meetings' normalised values into PackedDialogues. Each row's unique values are
 * kept only until its block of rows is joined, and a repeated value is a code into its
 * column's table: the packer holds about the packed size, not every row's strings, so little
 * outlives the young generation (no garbage of the file's size for the old one).
 */
export class DialoguePacker {
  n = 0;
  #lines: Uint32Array<ArrayBuffer> = new Uint32Array(1024);
  /** For each UNIQUE column: its joined blocks, and the values of the block being read. */
  readonly #blocks: string[][] = UNIQUE.map(() => []);
  readonly #open: string[][] = UNIQUE.map(() => new Array<string>(BLOCK));
  /** Rows in the block being read. */
  #inBlock = 0;
  #ends: Uint32Array<ArrayBuffer>[] = UNIQUE.map(() => new Uint32Array(1024));
  readonly #length = UNIQUE.map(() => 0);
  readonly #index = SHARED.map(() => new Map<string, number>());
  readonly #tables: string[][] = SHARED.map(() => []);
  #codes: Uint32Array<ArrayBuffer>[] = SHARED.map(() => new Uint32Array(1024));
  /** Each SHARED column's last value and code: a value often repeats the row before's. */
  readonly #last: (string | undefined)[] = SHARED.map(() => undefined);
  readonly #lastCode = new Uint32Array(SHARED.length);

  add(line: number, v: DialogueValues): void {
    const n = this.n;
    if (n === this.#lines.length) {
      this.#lines = grow(this.#lines);
      this.#ends = this.#ends.map((e) => grow(e));
      this.#codes = this.#codes.map((c) => grow(c));
    }
    this.#lines[n] = line;
    const m = this.#inBlock;
    for (let k = 0; k < UNIQUE.length; k++) {
      const value = v[UNIQUE[k]!]!;
      this.#open[k]![m] = value;
      this.#ends[k]![n] = this.#length[k]! += value.length;
    }
    if (m + 1 < BLOCK) this.#inBlock = m + 1;
    else {
      // The block's values joined: the row strings are let go while still young.
      for (let k = 0; k < UNIQUE.length; k++) this.#blocks[k]!.push(this.#open[k]!.join(''));
      this.#inBlock = 0;
    }
    for (let k = 0; k < SHARED.length; k++) {
      const value = v[SHARED[k]!]!;
      let code: number | undefined;
      if (value === this.#last[k]) code = this.#lastCode[k]!;
      else {
        const index = this.#index[k]!;
        code = index.get(value);
        if (code === undefined) {
          index.set(value, (code = index.size));
          this.#tables[k]!.push(value);
        }
        this.#last[k] = value;
        this.#lastCode[k] = code;
      }
      this.#codes[k]![n] = code;
    }
    this.n = n + 1;
  }

  /**
   * Room for `rows` rows in all (an estimate from the file's size, once its first rows are
   * read), so the columns are not grown and copied on the way.
   */
  reserve(rows: number): void {
    if (rows <= this.#lines.length) return;
    this.#lines = grow(this.#lines, rows);
    this.#ends = this.#ends.map((e) => grow(e, rows));
    this.#codes = this.#codes.map((c) => grow(c, rows));
  }

  /** The code of the last row's value in a repeating column (DIALOGUE_COLUMNS' number): the same code, the same value. */
  lastCode(column: number): number {
    return this.#codes[SHARED.indexOf(column)]![this.n - 1]!;
  }

  /** A repeating column's distinct values (DIALOGUE_COLUMNS' number), in the order first read. */
  distinct(column: number): readonly string[] {
    return this.#tables[SHARED.indexOf(column)]!;
  }

  /** The line of the first row with `value` in a repeating column; 0 when none has it. */
  firstLine(column: number, value: string): number {
    const k = SHARED.indexOf(column);
    const code = this.#index[k]!.get(value);
    if (code === undefined) return 0;
    const codes = this.#codes[k]!;
    for (let i = 0; i < this.n; i++) if (codes[i] === code) return this.#lines[i]!;
    return 0;
  }

  /** Row `i`'s line. */
  line(i: number): number {
    return this.#lines[i]!;
  }

  /** Row `i`'s values as added (a new array): no CSV is read again. */
  values(i: number): DialogueValues {
    const v = new Array<string>(DIALOGUE_COLUMNS.length);
    const block = Math.floor(i / BLOCK);
    for (let k = 0; k < UNIQUE.length; k++) {
      const ends = this.#ends[k]!;
      const blocks = this.#blocks[k]!;
      if (block < blocks.length) {
        const base = block === 0 ? 0 : ends[block * BLOCK - 1]!;
        v[UNIQUE[k]!] = blocks[block]!.slice((i === 0 ? 0 : ends[i - 1]!) - base, ends[i]! - base);
      } else v[UNIQUE[k]!] = this.#open[k]![i - block * BLOCK]!;
    }
    for (let k = 0; k < SHARED.length; k++) v[SHARED[k]!] = this.#tables[k]![this.#codes[k]![i]!]!;
    return v;
  }

  /**
   * The rows added so far, packed: copies, as the packer may go on being used; or, when it is
   * done with (`last`), its own columns (views of their first `n` values), not copied again.
   */
  finish(last = false): PackedDialogues {
    const n = this.n;
    const cut = (a: Uint32Array) => (last ? a.subarray(0, n) : a.slice(0, n));
    return {
      n,
      lines: cut(this.#lines),
      texts: UNIQUE.map((_, k) => this.#blocks[k]!.join('') + this.#open[k]!.slice(0, this.#inBlock).join('')),
      ends: this.#ends.map(cut),
      tables: last ? this.#tables : this.#tables.map((t) => t.slice()),
      codes: this.#codes.map(cut),
    };
  }
}

/** The typed arrays of a packed dataset: what postMessage moves rather than copies. */
export function transferables(p: PackedDataset): ArrayBuffer[] {
  const d = p.dialogues;
  return [...[d.lines, ...d.ends, ...d.codes].map((a) => a.buffer as ArrayBuffer), ...(p.views ? viewTransferables(p.views) : [])];
}

/** The dataset with its views made (in the worker, before it is sent). */
export function withViews(p: PackedDataset): PackedDataset {
  const d = p.dialogues;
  p.views = packedViews(d, (c) => {
    const k = SHARED.indexOf(c);
    return { table: d.tables[k]!, codes: d.codes[k]! };
  });
  return p;
}

/**
 * All four files → a packed dataset with every problem found, as `datasetSteps` would build it
 * (the same reader, checks and references), for the worker. `onProgress` gets 0–1.
 */
export function packDataset(source: DatasetSource, onProgress: (fraction: number) => void = () => {}): PackedDataset {
  const venues = parseVenues(source.venues);
  const topics = parseTopics(source.topics);
  const sources = parseSources(source.sources);
  const reader = new DialogueReader(source.dialogues);
  const packer = new DialoguePacker();
  const refs = new ProblemLog();
  const check = new ReferenceCheck(
    venues.rows.map((v) => v.id),
    topics.rows.map((t) => t.id),
    sources.rows.map((s) => s.id),
  );
  const file = DATA_FILES.dialogues;
  const onRow = (line: number, v: DialogueValues) => {
    if (packer.n === RESERVE_AFTER) packer.reserve(reader.estimatedRecords());
    packer.add(line, v);
    check.check(file, line, v[7]!, v[8]!, v[11]!, refs);
  };
  while (reader.read(20_000, onRow)) onProgress(reader.progress);
  const log = new ProblemLog();
  for (const list of [reader.problems, venues.problems, topics.problems, sources.problems]) log.addAll(list);
  log.absorb(refs);
  return withViews({
    dialogues: packer.finish(true),
    venues: venues.rows,
    topics: topics.rows,
    sources: sources.rows,
    problems: log.list,
    errors: log.errors,
    warnings: log.warnings,
  });
}

/**
 * The dataset of a packed one, its meetings made only when read (packed-meetings.ts): no step
 * to take, whatever its size. A generator still, as the page runs every build in steps.
 */
// eslint-disable-next-line require-yield
export function* unpackSteps(p: PackedDataset): Steps<BuiltDataset> {
  const dataset: Dataset = { dialogues: packedMeetings(p.dialogues), venues: p.venues, topics: p.topics, sources: p.sources };
  return { dataset, problems: p.problems, errors: p.errors, warnings: p.warnings };
}

function grow(a: Uint32Array<ArrayBuffer>, size = a.length * 2): Uint32Array<ArrayBuffer> {
  const b = new Uint32Array(size);
  b.set(a);
  return b;
}
