import type { DatasetTexts } from '../data/dataset';
import { DialogueReader, IdLines, type DialogueValues, type IdRegister } from '../data/dialogues';
import { DialoguePacker, RESERVE_AFTER, withViews, type PackedDataset } from '../data/packed';
import { ProblemLog, type Problem } from '../data/problems';
import { ReferenceCheck } from '../data/references';
import { DATA_FILES, DIALOGUE_COLUMNS, SOURCE_COLUMNS, TOPIC_COLUMNS, type DataFileKind } from '../data/schema';
import { parseVenues } from '../data/venues';
import { parseSources, parseTopics } from '../data/vocabulary';
import { shorten } from '../data/csv-table';
import { csvText } from '../data/csv-write';
import { decodeUtf8, detectKind } from './detect';
import { rowHash } from './row-hash';
import { uploadChecks } from './upload-checks';

export type Mode = 'replace' | 'merge';

export interface UploadFile {
  name: string;
  /** The text, or null when the bytes were not UTF-8. */
  text: string | null;
}

export interface FileReport {
  name: string;
  kind: DataFileKind | null;
  /** Why the file was not taken. */
  message?: string;
  delimiter?: string;
  /** Rows that will load. */
  rows?: number;
  /** Data rows in the file (blank lines not counted), those left out with errors included. */
  records?: number;
}

export interface FieldChange {
  column: string;
  before: string;
  after: string;
}

export interface DiffRow {
  kind: DataFileKind;
  id: string;
  change: 'added' | 'changed' | 'removed';
  /** The row's line in the uploaded file (added, changed) or in the current data (removed). */
  line: number;
  fields: FieldChange[];
}

export interface Diff {
  added: number;
  changed: number;
  removed: number;
  /** The first rows of each kind of change, with their fields. */
  rows: DiffRow[];
}

export interface IngestResult {
  files: FileReport[];
  /** The first problems (up to PROBLEM_LIMIT); counts cover them all. */
  problems: Problem[];
  errors: number;
  warnings: number;
  diff: Diff;
  /** The data as it would be after applying: every kind, uploaded or kept. */
  texts: DatasetTexts;
  /** The kinds the upload changes. */
  kinds: DataFileKind[];
  /**
   * Asked for (`pack`) and without errors: the dataset Apply would show, packed from the rows
   * read here (packed.ts), so Apply reads no CSV again.
   */
  packed?: PackedDataset;
}

export interface Progress {
  file: string;
  rows: number;
  /** 0–1 through that file. */
  fraction: number;
}

/**
 * The data shown now, indexed for diffs: each meeting's id, fingerprint, line and place in the
 * text. Built once per dataset (when it is loaded), not once per upload.
 */
export class CurrentData {
  readonly texts: DatasetTexts;
  readonly reader: DialogueReader;
  readonly index = new Map<string, number>();
  /** The meetings' values, kept packed: diffs, merges and Apply read them without parsing again. */
  readonly packer = new DialoguePacker();
  starts = new Uint32Array(1024);
  ends = new Uint32Array(1024);
  lines = new Uint32Array(1024);
  hashes = new Uint32Array(2048);
  count = 0;

  constructor(texts: DatasetTexts) {
    this.texts = texts;
    this.reader = new DialogueReader(texts.dialogues);
    while (this.reader.read(Infinity, (line, v) => this.#add(line, v)));
  }

  #add(line: number, v: DialogueValues): void {
    const n = this.count;
    if (n === this.starts.length) {
      this.starts = grow(this.starts);
      this.ends = grow(this.ends);
      this.lines = grow(this.lines);
      this.hashes = grow(this.hashes);
    }
    const [a, b] = rowHash(v);
    this.packer.add(line, v);
    this.index.set(v[0]!, n);
    this.starts[n] = this.reader.rowStart;
    this.ends[n] = this.reader.rowEnd;
    this.lines[n] = line;
    this.hashes[2 * n] = a;
    this.hashes[2 * n + 1] = b;
    this.count = n + 1;
  }

  /** Meeting `i`'s normalised values (from the packed copy: no CSV read again). */
  values(i: number): DialogueValues {
    return this.packer.values(i);
  }
}

export const DIFF_ROW_LIMIT = 50;
/** Characters of a value the diff shows (a hostile file may hold a 10 MB cell). */
export const DIFF_VALUE_LIMIT = 1000;

/**
 * Uploaded files against the data shown now: which file is which, every problem (line, column,
 * value), and the diff by id, in replace or merge (upsert by id) mode. Memory stays near the
 * files' own size: rows are compared by 64-bit fingerprints, and only listed rows are read twice.
 */
export function ingest(
  uploads: readonly UploadFile[],
  currentData: CurrentData | DatasetTexts,
  mode: Mode,
  onProgress: (p: Progress) => void = () => {},
  pack = false,
): IngestResult {
  const current = currentData instanceof CurrentData ? currentData.texts : currentData;
  const currentIndex = () => (currentData instanceof CurrentData ? currentData : new CurrentData(current));
  const files: FileReport[] = [];
  const log = new ProblemLog();
  const note = (list: readonly Problem[]) => log.addAll(list);

  const uploaded: Partial<Record<DataFileKind, { name: string; text: string }>> = {};
  for (const u of uploads) {
    if (u.text === null) {
      files.push({
        name: u.name,
        kind: null,
        message: 'This file is not UTF-8 text. Save it from the spreadsheet as “CSV UTF-8”.',
      });
      note([
        {
          file: u.name,
          message: 'This file is not UTF-8 text. Save it as “CSV UTF-8” and upload it again.',
          severity: 'error',
        },
      ]);
      continue;
    }
    const detected = detectKind(u.text);
    if (detected.kind === null) {
      files.push({ name: u.name, kind: null, message: detected.message });
      note([{ file: u.name, message: detected.message, severity: 'error' }]);
      continue;
    }
    if (uploaded[detected.kind]) {
      const message = `Two ${DATA_FILES[detected.kind]} files: only “${uploaded[detected.kind]!.name}” is used.`;
      files.push({ name: u.name, kind: null, message });
      note([{ file: u.name, message, severity: 'error' }]);
      continue;
    }
    uploaded[detected.kind] = { name: u.name, text: u.text };
    files.push({ name: u.name, kind: detected.kind });
  }

  const diff: Diff = { added: 0, changed: 0, removed: 0, rows: [] };
  const texts: DatasetTexts = { ...current };
  const kinds = Object.keys(uploaded) as DataFileKind[];
  const report = (kind: DataFileKind) => files.find((f) => f.kind === kind)!;

  // The small files first: their ids are what dialogues refer to.
  for (const kind of ['venues', 'topics', 'sources'] as const) {
    const u = uploaded[kind];
    if (!u) continue;
    const parse = kind === 'venues' ? parseVenues : kind === 'topics' ? parseTopics : parseSources;
    const before = parse(current[kind]);
    const after = parse(u.text, u.name);
    note(after.problems);
    report(kind).rows = after.rows.length;
    if (after.records !== undefined) report(kind).records = after.records;
    report(kind).delimiter = after.delimiter;
    const fields = (r: object) =>
      Object.entries(r).map(
        ([k, v]) => [k, v && typeof v === 'object' ? ((v as { text?: string }).text ?? '') : String(v ?? '')] as const,
      );
    const merged = diffRecords(
      kind,
      before.rows as unknown as Keyed[],
      after.rows as unknown as Keyed[],
      mode,
      diff,
      fields,
    );
    texts[kind] = mode === 'merge' ? writeKind(kind, merged) : u.text;
  }

  const d = uploaded.dialogues;
  const vocab = pack || d || kinds.length > 0 ? vocabulary(texts) : null;
  let packedRows: PackedRows | null = null;
  if (d) {
    // Rows with errors first, then the references of the rows that load.
    const refs = new ProblemLog();
    const result = diffDialogues(currentIndex(), d.text, d.name, mode, diff, vocab!, refs, onProgress, pack);
    note(result.problems);
    log.absorb(refs);
    report('dialogues').rows = result.rows;
    report('dialogues').records = result.records;
    report('dialogues').delimiter = result.delimiter;
    texts.dialogues = result.text ?? d.text;
    packedRows = result.packed ?? null;
  } else if (kinds.length > 0 || pack) {
    // New venues, topics or sources: do the meetings shown now still find theirs? (Read from the index.)
    const old = currentIndex();
    const refs = new ProblemLog();
    const check = references(vocab!, refs);
    for (let i = 0; i < old.count; i++) check(DATA_FILES.dialogues, old.lines[i]!, old.values(i));
    if (kinds.length > 0) log.absorb(refs);
    packedRows = { packer: old.packer, problems: old.reader.problems, refs };
  }
  note(uploadChecks(uploaded));
  const result: IngestResult = {
    files,
    problems: log.list,
    errors: log.errors,
    warnings: log.warnings,
    diff,
    texts,
    kinds,
  };
  if (pack && packedRows && log.errors === 0) result.packed = packedOf(packedRows, vocab!);
  return result;
}

type Vocabulary = {
  venues: ReturnType<typeof parseVenues>;
  topics: ReturnType<typeof parseTopics>;
  sources: ReturnType<typeof parseSources>;
};

function vocabulary(texts: DatasetTexts): Vocabulary {
  return { venues: parseVenues(texts.venues), topics: parseTopics(texts.topics), sources: parseSources(texts.sources) };
}

/** The meetings Apply would show, with the problems `packDataset` would find in their file. */
interface PackedRows {
  packer: DialoguePacker;
  /** The dialogues file's own problems (header, rows). */
  problems: readonly Problem[];
  /** The reference check's problems. */
  refs: ProblemLog;
  /** The upload's name, which its problems carry: once applied, the file is dialogues.csv. */
  renameFrom?: string;
  /** The packer is this upload's own (not the index of the data shown): its columns are handed over, not copied. */
  own?: boolean;
}

/** The packed dataset, its problems in the order `packDataset` lists them. */
function packedOf(rows: PackedRows, vocab: Vocabulary): PackedDataset {
  const from = rows.renameFrom;
  const renamed = (p: Problem) => (from !== undefined && p.file === from ? { ...p, file: DATA_FILES.dialogues } : p);
  const log = new ProblemLog();
  log.addAll(rows.problems.map(renamed));
  for (const list of [vocab.venues.problems, vocab.topics.problems, vocab.sources.problems]) log.addAll(list);
  const refs = new ProblemLog();
  refs.addAll(rows.refs.list.map(renamed));
  refs.errors = rows.refs.errors;
  refs.warnings = rows.refs.warnings;
  log.absorb(refs);
  return withViews({
    dialogues: rows.packer.finish(rows.own),
    venues: vocab.venues.rows,
    topics: vocab.topics.rows,
    sources: vocab.sources.rows,
    problems: log.list,
    errors: log.errors,
    warnings: log.warnings,
  });
}

/** An uploaded file: its name and its bytes (a Blob or File) or text. */
export interface UploadSource {
  name: string;
  data: Blob | string;
}

/**
 * The top-level check, as the upload worker runs it and as a command line can (no DOM: Node 20
 * has Blob): files' bytes → decoded (UTF-8, else a clear error) → `ingest` against the data
 * shown now (its texts, or a CurrentData index of them built once).
 */
export async function ingestFiles(
  files: readonly UploadSource[],
  current: CurrentData | DatasetTexts,
  mode: Mode = 'replace',
  onProgress: (p: Progress) => void = () => {},
  pack = false,
): Promise<IngestResult> {
  const uploads: UploadFile[] = [];
  for (const f of files) {
    uploads.push({ name: f.name, text: typeof f.data === 'string' ? f.data : decodeUtf8(await f.data.arrayBuffer()) });
  }
  return ingest(uploads, current, mode, onProgress, pack);
}

/** Checks a row's venue, topic and source ids against the files it would be applied with. */
function references(vocab: Vocabulary, log: ProblemLog): (file: string, line: number, v: DialogueValues) => void {
  const check = new ReferenceCheck(
    vocab.venues.rows.map((v) => v.id),
    vocab.topics.rows.map((t) => t.id),
    vocab.sources.rows.map((s) => s.id),
  );
  return (file, line, v) => check.check(file, line, v[7]!, v[8]!, v[11]!, log);
}

/** Whether `a` from `i` and `b` from `j` hold the same `length` characters (compared natively). */
function sameText(a: string, i: number, b: string, j: number, length: number): boolean {
  return a.slice(i, i + length) === b.slice(j, j + length);
}

/**
 * The upload's ids, checked for repeats against the meetings shown now: an id already shown
 * (most of them, in an update) costs one lookup, which also tells the diff which meeting it is.
 */
class UploadIds implements IdRegister {
  /** The meeting shown now with the id registered last, or -1 for a new id. */
  lastRow = -1;
  readonly #old: CurrentData;
  /** For each meeting shown now, the upload's line with its id (0: none yet). */
  readonly #lineOf: Uint32Array;
  readonly #newIds = new IdLines();

  constructor(old: CurrentData) {
    this.#old = old;
    this.#lineOf = new Uint32Array(old.count);
  }

  register(id: string, line: number): number | undefined {
    const row = this.#old.index.get(id);
    this.lastRow = row ?? -1;
    if (row === undefined) return this.#newIds.register(id, line);
    const first = this.#lineOf[row]!;
    if (first !== 0) return first;
    this.#lineOf[row] = line;
    return undefined;
  }
}

/** Meetings by id: added, changed (by fingerprint), removed; and, merging, the merged file. */
function diffDialogues(
  old: CurrentData,
  text: string,
  name: string,
  mode: Mode,
  diff: Diff,
  vocab: Vocabulary,
  refsLog: ProblemLog,
  onProgress: (p: Progress) => void,
  pack: boolean,
): { problems: Problem[]; rows: number; records: number; delimiter: string; text: string | null; packed?: PackedRows } {
  const refs = references(vocab, refsLog);
  const { hashes: oldHashes, lines: oldLines, starts: oldStarts, ends: oldEnds, count: n } = old;
  const oldText = old.reader.text;
  // The duplicate check and the lookup of each id among the meetings shown now, in one probe.
  const ids = new UploadIds(old);
  const reader = new DialogueReader(text, name, ids);
  // Equal bytes mean equal values only under the same header and delimiter.
  const sameLayout =
    reader.delimiter === old.reader.delimiter && reader.header.join('\u0000') === old.reader.header.join('\u0000');
  const seen = new Uint8Array(n);
  const listed = { added: 0, changed: 0, removed: 0 };
  let rows = 0;
  let lastReport = 0;
  // Merging needs the new rows' places: replaced rows go where the old ones were, new ones at the end.
  // The good rows, packed as read (`pack`, or merging): Apply and the merge read them from here.
  const upload = pack || mode === 'merge' ? new DialoguePacker() : null;
  const replaced = mode === 'merge' ? new Map<number, number>() : null;
  const addedRows: number[] = [];
  const chunk = 50_000;
  let more = true;
  while (more) {
    more = reader.read(
      chunk,
      (line, v, ok) => {
        // Unknown ids are worth knowing even on a row with other errors; only good rows count in the diff.
        refs(name, line, v);
        if (!ok) return;
        rows++;
        const j = upload ? upload.n : -1;
        if (j === RESERVE_AFTER) upload!.reserve(reader.estimatedRecords());
        upload?.add(line, v);
        const id = v[0]!;
        const i = ids.lastRow;
        if (i < 0) {
          diff.added++;
          if (replaced) addedRows.push(j);
          if (listed.added++ < DIFF_ROW_LIMIT) {
            diff.rows.push({ kind: 'dialogues', id, change: 'added', line, fields: fieldsOf(v, null) });
          }
          return;
        }
        seen[i] = 1;
        replaced?.set(i, j);
        // The same bytes as the row shown now (a re-upload of the same export): unchanged, no need to hash.
        const start = reader.rowStart;
        const end = reader.rowEnd;
        if (
          sameLayout &&
          end - start === oldEnds[i]! - oldStarts[i]! &&
          sameText(text, start, oldText, oldStarts[i]!, end - start)
        )
          return;
        const [a, b] = rowHash(v);
        if (a === oldHashes[2 * i] && b === oldHashes[2 * i + 1]) return;
        diff.changed++;
        if (listed.changed++ < DIFF_ROW_LIMIT) {
          diff.rows.push({ kind: 'dialogues', id, change: 'changed', line, fields: fieldsOf(v, old.values(i)) });
        }
      },
      true,
    );
    if (rows - lastReport >= chunk || !more) {
      onProgress({ file: name, rows, fraction: reader.progress });
      lastReport = rows;
    }
  }
  if (mode === 'replace') {
    for (let i = 0; i < n; i++) {
      if (seen[i]) continue;
      diff.removed++;
      if (listed.removed++ < DIFF_ROW_LIMIT) {
        const v = old.values(i);
        diff.rows.push({
          kind: 'dialogues',
          id: v[0]!,
          change: 'removed',
          line: oldLines[i]!,
          fields: fieldsOf(null, v),
        });
      }
    }
  }
  let merged: string | null = null;
  let packed: PackedRows | undefined;
  if (replaced && upload) {
    // The merged file is written from the packed values, and so is the dataset Apply would
    // show (its rows on the merged file's lines: header 1, then a line per row).
    const all = pack ? new DialoguePacker() : null;
    all?.reserve(old.count + addedRows.length);
    const mergedRefs = new ProblemLog();
    const check = pack ? references(vocab, mergedRefs) : null;
    const out: DialogueValues[] = [];
    const put = (v: DialogueValues) => {
      const line = out.length + 2;
      out.push(v);
      all?.add(line, v);
      check?.(DATA_FILES.dialogues, line, v);
    };
    for (let i = 0; i < old.count; i++) {
      const j = replaced.get(i);
      put(j === undefined ? old.values(i) : upload.values(j));
    }
    for (const j of addedRows) put(upload.values(j));
    merged = csvText(DIALOGUE_COLUMNS, out);
    if (all) packed = { packer: all, problems: [], refs: mergedRefs, own: true };
  } else if (upload) packed = { packer: upload, problems: reader.problems, refs: refsLog, renameFrom: name, own: true };
  return {
    problems: reader.problems,
    rows,
    records: reader.records,
    delimiter: reader.delimiter,
    text: merged,
    packed,
  };
}

/** The columns whose values differ (all of them for an added or removed row). */
function fieldsOf(after: DialogueValues | null, before: DialogueValues | null): FieldChange[] {
  const changes: FieldChange[] = [];
  DIALOGUE_COLUMNS.forEach((column, i) => {
    const a = after?.[i] ?? '';
    const b = before?.[i] ?? '';
    if (a !== b) changes.push({ column, before: shorten(b, DIFF_VALUE_LIMIT), after: shorten(a, DIFF_VALUE_LIMIT) });
  });
  return changes;
}

function grow(a: Uint32Array<ArrayBuffer>): Uint32Array<ArrayBuffer> {
  const b = new Uint32Array(a.length * 2);
  b.set(a);
  return b;
}

type Keyed = { id: string } & Record<string, unknown>;

/** Small keyed files (venues, topics, sources): diff by id; returns the records after applying. */
function diffRecords(
  kind: DataFileKind,
  before: Keyed[],
  after: Keyed[],
  mode: Mode,
  diff: Diff,
  fields: (r: object) => (readonly [string, string])[],
): Keyed[] {
  const old = new Map(before.map((r) => [r.id, r]));
  const next = new Map(after.map((r) => [r.id, r]));
  const line = (r: Keyed) => (typeof r.line === 'number' ? r.line : 0);
  for (const r of after) {
    const o = old.get(r.id);
    const now = fields(r).filter(([k]) => k !== 'line');
    if (!o) {
      diff.added++;
      diff.rows.push({
        kind,
        id: r.id,
        change: 'added',
        line: line(r),
        fields: now.map(([column, v]) => ({ column, before: '', after: v })),
      });
      continue;
    }
    const was = new Map(fields(o));
    const changed = now
      .filter(([k, v]) => was.get(k) !== v)
      .map(([column, v]) => ({ column, before: was.get(column) ?? '', after: v }));
    if (changed.length) {
      diff.changed++;
      diff.rows.push({ kind, id: r.id, change: 'changed', line: line(r), fields: changed });
    }
  }
  if (mode === 'replace') {
    for (const o of before) {
      if (next.has(o.id)) continue;
      diff.removed++;
      diff.rows.push({ kind, id: o.id, change: 'removed', line: line(o), fields: [] });
    }
    return after;
  }
  return [...before.map((o) => next.get(o.id) ?? o), ...after.filter((r) => !old.has(r.id))];
}

/** Merged small files written back out. */
function writeKind(kind: 'venues' | 'topics' | 'sources', records: Keyed[]): string {
  if (kind === 'venues') {
    return JSON.stringify(
      {
        type: 'FeatureCollection',
        features: records.map((v) => ({
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [v.lon, v.lat] },
          properties: { id: v.id, name: v.name, country: v.country },
        })),
      },
      null,
      2,
    );
  }
  if (kind === 'topics')
    return csvText(
      TOPIC_COLUMNS,
      records.map((t) => [t.id, String(t.label), String(t.theme)]),
    );
  return csvText(
    SOURCE_COLUMNS,
    records.map((s) => [
      s.id,
      String(s.title),
      String(s.publisher),
      (s.published as { text?: string } | null)?.text ?? '',
    ]),
  );
}
