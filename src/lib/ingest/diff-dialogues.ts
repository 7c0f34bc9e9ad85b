import type { LineLayout } from '../data/csv-parse';
import type { PartialDateLines } from '../data/tool-written-cells';
import { variantNames } from './variants';
import { DialogueReader, IdLines, type DialogueValues, type IdRegister } from '../data/dialogue-reader';
import { DialoguePacker, RESERVE_AFTER } from '../data/packed';
import { ProblemLog, type Problem } from '../data/problems';
import { DATA_FILES, DIALOGUE_COLUMNS } from '../data/schema';
import { csvText } from '../data/csv-write';
import type { CurrentData } from './current-data';
import { DIFF_ROW_LIMIT, fieldsOf, type Diff, type Mode, type Progress } from './ingest-result';
import type { PackedRows } from './packed-upload';
import { SEPARATORS, idKey, oddCharacters, readsAs } from './lookalike-ids';
import { LostLetters } from './lost-letters';
import { RepeatedRounds } from './repeated-rounds';
import { rowHash } from './row-hash';
import { KnownReferences, referenceCheck, references, type Vocabulary } from './vocabulary';

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

  /** The upload's line with the id of meeting `row` shown now, or 0 when the upload lacks it. */
  lineOf(row: number): number {
    return this.#lineOf[row]!;
  }
}

export interface DialoguesDiff {
  problems: Problem[];
  /** Of `problems`, those the file has as the data shown would read it (not the review's own checks). */
  read: number;
  rows: number;
  records: number;
  delimiter: string;
  /** The merged file (merging), else null: the upload's text is the file. */
  text: string | null;
  /** The header lacks a required column: no row was read or compared (see Parsed.unreadable). */
  unreadable: boolean;
  /** Where the file's lines and a spreadsheet's rows part. */
  layout: LineLayout;
  /** The file's first dates known only to a year or a month (for the advice on reformatting dates). */
  partialDates: PartialDateLines;
  packed?: PackedRows;
  /** Merging: the columns the file lacks, whose values the meetings it changes keep (see Diff.kept). */
  kept?: { columns: string[]; meetings: number };
}

/** Rows read between progress reports. */
const PROGRESS_ROWS = 50_000;

/** A new id in the upload, and its line. */
type NewId = { id: string; line: number };
/** New ids kept to compare with the meetings shown (an all-new file of millions is compared by its first ones). */
const NEW_IDS = 100_000;
/** New ids said to read as a meeting shown now, at most. */
const ALIKE_TOLD = 100;

/**
 * Meetings by id: added, changed (by fingerprint), removed; and, merging, the merged file. Memory
 * stays near the file's own size: rows are compared by 64-bit fingerprints (or, for a re-upload
 * of the same export, by their bytes), and only listed rows are read twice.
 */
export function diffDialogues(
  old: CurrentData,
  text: string,
  name: string,
  mode: Mode,
  diff: Diff,
  vocab: Vocabulary,
  refsLog: ProblemLog,
  onProgress: (p: Progress) => void,
  pack: boolean,
): DialoguesDiff {
  const check = referenceCheck(vocab);
  const now = new Date();
  const today = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  const refs = references(vocab, refsLog, check);
  const { hashes: oldHashes, lines: oldLines, starts: oldStarts, ends: oldEnds, count: n } = old;
  const oldText = old.reader.text;
  // The duplicate check and the lookup of each id among the meetings shown now, in one probe.
  const ids = new UploadIds(old);
  const reader = new DialogueReader(text, name, ids);
  // Merging, a file without a column says nothing about it: the meetings it updates keep their values there.
  // (Indices in DIALOGUE_COLUMNS: the reader's value there is '' on every row.)
  const absent = mode === 'merge' ? DIALOGUE_COLUMNS.flatMap((c, k) => (reader.header.includes(c) ? [] : [k])) : [];
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
  // Their references, checked once per distinct venue, topic list and source.
  const known = upload ? new KnownReferences(upload, check) : null;
  const replaced = mode === 'merge' ? new Map<number, number>() : null;
  const addedRows: number[] = [];
  /**
   * New ids (the first NEW_IDS): checked once read for one that reads as a meeting shown now, in
   * other case or with a character that reads as another (see readingAlike).
   */
  const newIds: NewId[] = [];
  /** Meetings shown now whose id is on a row of the upload with errors: the line (the first such). */
  const errorLines = new Map<number, number>();
  /**
   * Rows whose error is their id (the first 100): none, or one another row has. A meeting shown now
   * with all their other values is taken as theirs, so its removal is said to be only because of
   * that row (an id cleared in a spreadsheet, or pasted from the row above), not a plain removal.
   * Rows with other errors are left out: each removed meeting is compared with these rows.
   */
  const idless: { line: number; values: string[] }[] = [];
  /** The row at `line` has an error at its id (none, or another row's), found among its problems, the last pushed. */
  const idFailed = (line: number) => {
    for (let k = reader.problems.length - 1; k >= 0 && reader.problems[k]!.line === line; k--)
      if (reader.problems[k]!.column === 'id') return true;
    return false;
  };
  const errorOn = (line: number, id: string) => {
    const shown = id ? old.index.get(id) : undefined;
    if (shown !== undefined && !errorLines.has(shown)) errorLines.set(shown, line);
  };
  /**
   * The line of the id-less row with every other value of meeting `i` shown now; its error then
   * names that meeting. A row names one meeting only, and is then no longer compared: once every
   * id-less row has its meeting, the other removals are not read again.
   */
  const idlessLine = (i: number): number | undefined => {
    const was = old.values(i);
    const found = idless.findIndex((r) => r.values.every((value, k) => k === 0 || value === was[k]));
    if (found < 0) return undefined;
    const row = idless.splice(found, 1)[0]!;
    const id = row.values[0]!;
    const at = reader.problems.findIndex((p) => p.line === row.line && p.column === 'id' && p.value === id);
    const problem = reader.problems[at];
    if (problem && !problem.message.includes('Its other values'))
      reader.problems[at] = {
        ...problem,
        message: `${problem.message} Its other values are those of “${was[0]}”, shown now: was its id ${id === '' ? 'cleared' : 'copied from another row'} by mistake?`,
      };
    return row.line;
  };
  /** Values whose letters a plain CSV turned into "?" (one warning for the file). */
  const lost = new LostLetters(() => oldText);
  /** Rows that are a round another row is too (a row copied under a new id, a planned round since held). */
  const repeats = new RepeatedRounds(name);
  const onRow = (line: number, v: DialogueValues, ok: boolean) => {
    // Unknown ids are worth knowing even on a row with other errors; only good rows count in the diff.
    if (!ok || !upload) {
      refs(name, line, v);
      if (!ok) {
        // Not compared (its values are not all read), but not silently "removed" either: said why.
        errorOn(line, v[0]!);
        if (idless.length < 100 && idFailed(line)) idless.push({ line, values: [...v] });
        return;
      }
    }
    if (absent.length > 0 && ids.lastRow >= 0) {
      const was = old.values(ids.lastRow);
      for (const k of absent) v[k] = was[k]!;
    }
    // A held meeting dated after today: most likely a planned one, or a mistyped year (it would be
    // drawn past the "today" line and stretch its track's interval). A date only partly past
    // ("2026" during 2026) compares before today, as its text is a prefix of today's.
    if (v[2] === 'held' && v[1]! > today) {
      refsLog.add({
        file: name,
        line,
        column: 'date',
        value: v[1],
        message: `A held meeting dated after today (${today}): was it planned (status “planned”), or is the date mistyped? Applied as it is, it is drawn after today and counts in its track’s intervals.`,
        severity: 'warning',
      });
    }
    repeats.row(line, v);
    rows++;
    const j = upload ? upload.n : -1;
    if (upload) {
      if (j === RESERVE_AFTER) upload.reserve(reader.estimatedRecords());
      upload.add(line, v);
      if (!known!.lastKnown(v)) refs(name, line, v);
    }
    const id = v[0]!;
    const i = ids.lastRow;
    if (i < 0) {
      lost.row(line, v, null);
      if (newIds.length < NEW_IDS) newIds.push({ id, line });
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
    lost.row(line, v, old.values(i));
    diff.changed++;
    if (listed.changed++ < DIFF_ROW_LIMIT) {
      diff.rows.push({ kind: 'dialogues', id, change: 'changed', line, fields: fieldsOf(v, old.values(i)) });
    }
  };
  let more = true;
  while (more) {
    more = reader.read(PROGRESS_ROWS, onRow, true, errorOn);
    if (rows - lastReport >= PROGRESS_ROWS || !more) {
      onProgress({ file: name, rows, fraction: reader.progress });
      lastReport = rows;
    }
  }
  // A file none of whose rows could be read removes nothing: it is not compared at all.
  if (mode === 'replace' && reader.usable) {
    for (let i = 0; i < n; i++) {
      if (seen[i]) continue;
      diff.removed++;
      const errorLine = errorLines.get(i) ?? (idless.length ? idlessLine(i) : undefined);
      if (errorLine !== undefined) diff.removedByErrors++;
      if (listed.removed++ < DIFF_ROW_LIMIT) {
        const v = old.values(i);
        diff.rows.push({
          kind: 'dialogues',
          id: v[0]!,
          change: 'removed',
          line: oldLines[i]!,
          fields: fieldsOf(null, v),
          ...(errorLine !== undefined && { errorLine }),
        });
      }
    }
  }
  // Merging keeps the meetings the upload does not name: a round of one of them is a round of the upload's too.
  if (mode === 'merge' && !repeats.none) for (let i = 0; i < n; i++) if (!seen[i]) repeats.kept(old.values(i));
  for (const p of repeats.problems) refsLog.add(p);
  // A new id that reads as a meeting shown now (a pasted non-breaking hyphen, a capital letter):
  // said, with what sets it apart. Replacing, only a meeting the upload does not keep is meant; one
  // it keeps is on a line of the upload too, and the two rows would be two meetings.
  const open = mode === 'replace' ? (i: number) => seen[i] === 0 : () => true;
  const alike: Problem[] = [];
  for (const { id, line, row } of readingAlike(old, newIds)) {
    const shown = old.values(row)[0]!;
    const also = ids.lineOf(row);
    if (also !== 0) {
      alike.push(twoRowsAlike(name, { id, line }, { id: shown, line: also }));
      continue;
    }
    if (!open(row)) continue;
    const what =
      mode === 'replace'
        ? 'that meeting is removed and this row added as a new one'
        : 'this row is added as a second meeting beside it';
    const how = howIdsDiffer(id, shown);
    alike.push({
      file: name,
      line,
      column: 'id',
      value: id,
      message:
        how === null
          ? `“${id}” reads as “${shown}”, a meeting shown now, but has ${oddCharacters(id)}: as it is, ${what}. Type the id again with plain characters.`
          : `“${id}” differs from “${shown}”, a meeting shown now, only in ${how}: ids must match exactly, so as it is, ${what}. Write it as “${shown}”.`,
      severity: 'warning',
    });
  }
  // New ids that read as one another within the file: two meetings where one was likely meant.
  const firstOf = new Map<string, NewId>();
  for (const f of newIds) {
    const key = idKey(f.id);
    const first = firstOf.get(key);
    if (first === undefined) firstOf.set(key, f);
    else alike.push(twoRowsAlike(name, f, first));
  }
  alike.sort((a, b) => a.line! - b.line!);
  for (const p of alike.slice(0, ALIKE_TOLD)) refsLog.add(p);
  // A partner or track spelled unlike the same one in use: said in the review, before it becomes a
  // second one. Not kept with the data applied: there "the data shown now" would be the upload itself.
  const variants = upload ? variantNames(name, old.packer, upload) : [];
  const lostText = lost.problem(name);
  if (lostText) variants.push(lostText);
  const result: DialoguesDiff = {
    problems: variants.length ? reader.problems.concat(variants) : reader.problems,
    read: reader.problems.length,
    rows,
    records: reader.records,
    delimiter: reader.delimiter,
    text: null,
    unreadable: !reader.usable,
    layout: reader.layout,
    partialDates: reader.partialDates,
  };
  if (absent.length > 0 && listed.changed > 0)
    result.kept = { columns: absent.map((k) => DIALOGUE_COLUMNS[k]!), meetings: listed.changed };
  if (replaced && upload) {
    const merged = merge(old, upload, replaced, addedRows, pack ? vocab : null);
    result.text = merged.text;
    result.packed = merged.packed;
  } else if (upload)
    result.packed = { packer: upload, problems: reader.problems, refs: refsLog, renameFrom: name, own: true };
  return result;
}

/**
 * The merged file, written from the packed values (no CSV read again), and with `vocab` the
 * dataset Apply would show: its rows on the merged file's lines (header 1, then a line per row).
 */
function merge(
  old: CurrentData,
  upload: DialoguePacker,
  replaced: ReadonlyMap<number, number>,
  addedRows: readonly number[],
  vocab: Vocabulary | null,
): { text: string; packed?: PackedRows } {
  const all = vocab ? new DialoguePacker() : null;
  all?.reserve(old.count + addedRows.length);
  const mergedRefs = new ProblemLog();
  const check = vocab ? references(vocab, mergedRefs) : null;
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
  const text = csvText(DIALOGUE_COLUMNS, out);
  return all ? { text, packed: { packer: all, problems: [], refs: mergedRefs, own: true } } : { text };
}

/** Whether `a` from `i` and `b` from `j` hold the same `length` characters (compared natively). */
function sameText(a: string, i: number, b: string, j: number, length: number): boolean {
  return a.slice(i, i + length) === b.slice(j, j + length);
}

/**
 * The new ids that read as a meeting shown now (the same `idKey`: other case, or a character that
 * reads as another), in the file's order, with that meeting's row. Indexed from the smaller side: a few new ids among many meetings, or the reverse.
 */
function readingAlike(old: CurrentData, fresh: readonly NewId[]): (NewId & { row: number })[] {
  const found: (NewId & { row: number })[] = [];
  if (fresh.length === 0) return found;
  if (fresh.length <= old.count) {
    const byKey = new Map<string, NewId>();
    for (const f of fresh) {
      const key = idKey(f.id);
      if (!byKey.has(key)) byKey.set(key, f);
    }
    for (const [id, row] of old.index) {
      const f = byKey.get(idKey(id));
      if (f) found.push({ ...f, row });
    }
    found.sort((a, b) => a.line - b.line);
  } else {
    const byKey = new Map<string, number>();
    for (const [id, row] of old.index) {
      const key = idKey(id);
      if (!byKey.has(key)) byKey.set(key, row);
    }
    for (const f of fresh) {
      const row = byKey.get(idKey(f.id));
      if (row !== undefined) found.push({ ...f, row });
      if (found.length === ALIKE_TOLD) break;
    }
  }
  return found.slice(0, ALIKE_TOLD);
}

/**
 * What sets apart two ids that read alike (the same `idKey`): "case", "its dashes, underscores or
 * spaces", "having a non-breaking hyphen (U+2011)", joined ("case and in having …"); or null when
 * they read the same, apart from characters that look like others (named by oddCharacters).
 */
function howIdsDiffer(id: string, other: string): string | null {
  const a = readsAs(id);
  const b = readsAs(other);
  const joined = (s: string) => s.replace(SEPARATORS, '-');
  const odd = oddCharacters(id);
  const parts = [
    joined(a).toLowerCase() === joined(b).toLowerCase() && joined(a) !== joined(b) ? 'case' : '',
    a.toLowerCase() !== b.toLowerCase() ? 'its dashes, underscores or spaces' : '',
    odd ? `having ${odd}` : '',
  ].filter((p) => p !== '');
  return a === b ? null : parts.join(' and in ');
}

/**
 * Two rows of the upload whose ids read alike (`later` on the later line or a new id, `earlier`
 * the other): a warning at `later`'s line naming both, as applying would show two meetings.
 */
function twoRowsAlike(file: string, later: NewId, earlier: NewId): Problem {
  const how = howIdsDiffer(later.id, earlier.id);
  const where = `“${earlier.id}” on line ${earlier.line} of this file`;
  return {
    file,
    line: later.line,
    column: 'id',
    value: later.id,
    message: `${
      how === null
        ? `“${later.id}” (line ${later.line}) reads as ${where}, but has ${oddCharacters(later.id)}`
        : `“${later.id}” (line ${later.line}) differs from ${where} only in ${how}`
    }: ids must match exactly, so as it is, the two rows are applied as two meetings. If they are the same meeting, delete one of the rows; if not, give each an id that differs by more than that.`,
    severity: 'warning',
  };
}
