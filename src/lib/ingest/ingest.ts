// src/lib/ingest: uploads — content detection, the ingest (validate, diff, merge, pack) and its Web Worker, upload checks, the validator's core, IndexedDB storage with history.
import type { LineLayout } from '../data/csv-parse';
import { inReadingOrder } from './problem-order';
import { diffWithSpreadsheetRows, withSpreadsheetRows } from './spreadsheet-rows';
import { notUploaded, variantIds, withIdHints } from './variants';
import type { DatasetTexts } from '../data/dataset';
import { ProblemLog, type Problem } from '../data/problems';
import { DATA_FILES, type DataFileKind, type Source } from '../data/schema';
import type { PartialDateLines } from '../data/tool-written-cells';
import { isVenueTable, parseVenueTable, VENUE_TABLE_ALIASES } from '../data/venue-table';
import { parseVenues } from '../data/venues';
import { parseSources, parseTopics } from '../data/vocabulary';
import { CurrentData } from './current-data';
import {
  decodeUtf8,
  detectKind,
  firstNotUtf8,
  isWorkbookPart,
  notTextMessage,
  notTextKind,
  workbookKind,
  zipNames,
} from './detect';
import { diffDialogues } from './diff-dialogues';
import { withDateHints } from './spreadsheet-dates';
import { diffRecords, writeKind, type Keyed } from './diff-records';
import type { Diff, FileReport, IngestResult, Mode, Progress, UploadFile } from './ingest-result';
import { SHOWN_DIALOGUES } from './ingest-result';
import { packedOf, type PackedRows } from './packed-upload';
import type { PackedDataset } from '../data/packed';
import { featurePositions, uploadChecksAndSwaps } from './upload-checks';
import { withQuoteColumns } from './quote-column';
import { columnCopies, readingLaterCopies, withColumnCopies, type ColumnCopies } from './column-copies';
import { withMissingValues } from './missing-values';
import { diffWithHeaderSpellings, withHeaderSpellings } from './header-spelling';
import { referenceCheck, references, vocabulary, type Vocabulary } from './vocabulary';
import type { ReferenceCheck } from '../data/references';

export { CurrentData } from './current-data';
export {
  DIFF_ROW_LIMIT,
  DIFF_VALUE_LIMIT,
  type Diff,
  type DiffRow,
  type FieldChange,
  type FileReport,
  type IngestResult,
  type Mode,
  type Progress,
  type UploadFile,
} from './ingest-result';

/**
 * Uploaded files against the data shown now: which file is which, every problem (line, column,
 * value), and the diff by id, in replace or merge (upsert by id) mode (diff-dialogues.ts for the
 * meetings, diff-records.ts for the small files), and, with `pack`, the dataset Apply would show.
 * `asPublished`: the files are checked as the site will read them once published (the command
 * line's validation), not as an upload reads them: a column named twice whose first copy is empty
 * is read from that copy, as the site's reader does, where an upload reads the copy with values.
 */
export function ingest(
  uploads: readonly UploadFile[],
  currentData: CurrentData | DatasetTexts,
  mode: Mode,
  onProgress: (p: Progress) => void = () => {},
  pack = false,
  asPublished = false,
): IngestResult {
  const current = currentData instanceof CurrentData ? currentData.texts : currentData;
  const currentIndex = () => (currentData instanceof CurrentData ? currentData : new CurrentData(current));
  const files: FileReport[] = [];
  const log = new ProblemLog();
  const note = (list: readonly Problem[]) => log.addAll(list);

  const uploaded: Partial<Record<DataFileKind, { name: string; text: string }>> = {};
  /** Venues, topics or sources files uploaded that could not be read (not UTF-8), by kind. */
  const unread: Partial<Record<DataFileKind, string>> = {};
  /** Files kept from the review before (see UploadFile.kept): those used, and those left out. */
  const keptUsed = new Set<number>();
  const replaced: string[] = [];
  for (const u of uploads) {
    const detected = u.text === null ? null : detectKind(u.text);
    if (u.kept !== undefined) {
      // The newly picked files come first: a kind one of them brings (even unread) is theirs, and a
      // kept file that is no data file (a package's descriptor, a workbook) is not carried on.
      const kind = detected ? detected.kind : u.kindIfRead;
      if (!kind || uploaded[kind] || unread[kind]) {
        // A package's descriptor, say, goes unsaid.
        if (kind || !u.name.includes(' › ')) replaced.push(u.name);
        continue;
      }
      keptUsed.add(u.kept);
    }
    if (u.text === null || !detected) {
      if (u.kindIfRead) unread[u.kindIfRead] ??= u.name;
      const message = notTextMessage(u.workbook, u.notUtf8, u.entries);
      files.push({ name: u.name, kind: null, message, ...(u.kept !== undefined && { kept: true as const }) });
      note([{ file: u.name, ...(u.notUtf8 && { line: u.notUtf8.line }), message, severity: 'error' }]);
      continue;
    }
    if (detected.kind === null) {
      files.push({ name: u.name, kind: null, message: detected.message });
      // A package's descriptor is said in the file list alone: a re-upload of a download has no warning.
      if (!detected.note)
        note([
          { file: u.name, ...(detected.line && { line: detected.line }), message: detected.message, severity: 'error' },
        ]);
      continue;
    }
    const first = uploaded[detected.kind];
    if (first) {
      // Two files of one name (dragged from two folders) are told apart by their length.
      const message =
        first.name === u.name
          ? `Two files named “${u.name}” hold ${DATA_FILES[detected.kind]}: the one picked first (${lineCount(first.text)}) is used and this one (${lineCount(u.text)}) is not. Upload one file of each kind.`
          : `Another file, “${first.name}”, also holds ${DATA_FILES[detected.kind]}: that one, picked first, is used and this one is not. Upload one file of each kind.`;
      files.push({ name: u.name, kind: null, message });
      note([{ file: u.name, message, severity: 'error' }]);
      continue;
    }
    uploaded[detected.kind] = { name: u.name, text: u.text };
    files.push({ name: u.name, kind: detected.kind, ...(u.kept !== undefined && { kept: true as const }) });
  }

  // Columns the header names twice: what each copy holds, and (an upload) the text read with an
  // empty first copy passed over for one with values, as it is then stored (column-copies.ts).
  const copies = new Map<string, ColumnCopies[]>();
  const aliasesOf = (kind: DataFileKind) => (kind === 'venues' ? VENUE_TABLE_ALIASES : {});
  for (const [kind, u] of Object.entries(uploaded) as [DataFileKind, { name: string; text: string }][]) {
    if (kind === 'venues' && !isVenueTable(u.text)) continue;
    const found = columnCopies(u.text, aliasesOf(kind), !asPublished);
    if (found.length === 0) continue;
    copies.set(u.name, found);
    u.text = readingLaterCopies(u.text, found);
  }
  const told = (kind: DataFileKind, list: readonly Problem[]) =>
    withColumnCopies(list, uploaded[kind]!.name, copies.get(uploaded[kind]!.name), aliasesOf(kind));

  const diff: Diff = { added: 0, changed: 0, removed: 0, removedByErrors: 0, rows: [] };
  /** Problems of the files shown now that the uploaded ones, replacing them, would not have (see IngestResult.clears). */
  let clears = 0;
  /** Each CSV's lines where they part from a spreadsheet's rows: said beside each problem's line. */
  const layouts = new Map<string, LineLayout>();
  const texts: DatasetTexts = { ...current };
  const leftOutLines: NonNullable<Vocabulary['leftOutLines']> = {};
  const kinds = Object.keys(uploaded) as DataFileKind[];
  const report = (kind: DataFileKind) => files.find((f) => f.kind === kind)!;

  // The small files first: their ids are what dialogues refer to.
  for (const kind of ['venues', 'topics', 'sources'] as const) {
    const u = uploaded[kind];
    if (!u) continue;
    // Venues come as GeoJSON or as a table (venue-table.ts); either is kept as GeoJSON.
    const table = kind === 'venues' && isVenueTable(u.text);
    const parse = kind === 'venues' ? parseVenues : kind === 'topics' ? parseTopics : parseSources;
    const before = parse(current[kind]);
    const after = table ? parseVenueTable(u.text, u.name) : parse(u.text, u.name);
    note(
      told(
        kind,
        kind === 'sources'
          ? withDateHints(after.problems, partialPublished(after.rows as Source[], after.lineOf))
          : after.problems,
      ),
    );
    if (after.layout) layouts.set(u.name, after.layout);
    if (mode === 'replace' && !table && !after.unreadable) clears += before.problems.length - after.problems.length;
    if (after.unreadable) {
      // Nothing in it is read: the data shown now is what the rest of the upload is checked against.
      report(kind).unreadable = true;
      continue;
    }
    report(kind).rows = after.rows.length;
    if (after.records !== undefined) report(kind).records = after.records;
    report(kind).delimiter = after.delimiter;
    // Fields in one order whatever file they came from: a venue from GeoJSON has lon before lat, from a table lat before lon.
    const fields = (r: object) => {
      const entries = Object.entries(r);
      const lat = entries.findIndex(([k]) => k === 'lat');
      const lon = entries.findIndex(([k]) => k === 'lon');
      if (lon >= 0 && lat > lon) [entries[lat], entries[lon]] = [entries[lon]!, entries[lat]!];
      return entries.map(
        ([k, v]) => [k, v && typeof v === 'object' ? ((v as { text?: string }).text ?? '') : String(v ?? '')] as const,
      );
    };
    const listed = diff.rows.length;
    const merged = diffRecords(
      kind,
      before.rows as unknown as Keyed[],
      after.rows as unknown as Keyed[],
      mode,
      diff,
      fields,
      after.leftOut,
      kind === 'venues' && !table ? 'feature' : 'line',
      // A venue from GeoJSON is named by its feature, as the file's problems name it.
      kind === 'venues' && !table ? featurePositions(u.text) : after.lineOf,
    );
    // A new id spelled as one in use (`Migration` beside `migration`): said where it is, as the diff places it.
    const added = new Map(
      diff.rows
        .slice(listed)
        .filter((r) => r.change === 'added')
        .map((r) => [r.id, r.feature !== undefined ? { feature: r.feature } : { line: r.line }] as const),
    );
    if (added.size > 0) {
      const ids = (rows: readonly unknown[]) => (rows as Keyed[]).map((r) => r.id);
      note(variantIds(kind, u.name, ids(before.rows), ids(after.rows), added));
    }
    texts[kind] = mode === 'merge' || table ? writeKind(kind, merged) : u.text;
    // Written out again without the rows left out for errors: their lines are kept for the references' warnings.
    if (after.leftOut && (mode === 'merge' || table) && (kind !== 'venues' || table))
      leftOutLines[kind] = after.leftOut;
  }

  const d = uploaded.dialogues;
  // Warnings name the uploaded file a meeting's venue, topic or source is missing from (replacing the shown one).
  const used = (kind: 'venues' | 'topics' | 'sources') =>
    mode === 'replace' && uploaded[kind] && !report(kind).unreadable ? uploaded[kind].name : undefined;
  const names = { venues: used('venues'), topics: used('topics'), sources: used('sources') };
  const vocab = pack || d || kinds.length > 0 ? { ...vocabulary(texts, names), leftOutLines } : null;
  let packedRows: PackedRows | null = null;
  if (d) {
    // Rows with errors first, then the references of the rows that load.
    const refs = new ProblemLog();
    const index = currentIndex();
    const result = diffDialogues(index, d.text, d.name, mode, diff, vocab!, refs, onProgress, pack);
    note(told('dialogues', withDateHints(result.problems, result.partialDates)));
    layouts.set(d.name, result.layout);
    const hinted = withIdHints(refs, vocab!);
    // Ids new to the files shown now, where the upload brought no file of that kind: said once, first.
    const missing = (['venues', 'topics', 'sources'] as const).filter((k) => !uploaded[k] && !unread[k]);
    note(notUploaded(hinted, d.name, missing));
    log.absorb(hinted);
    if (result.unreadable) report('dialogues').unreadable = true;
    else if (mode === 'replace') clears += index.reader.problems.length - result.read;
    report('dialogues').rows = result.rows;
    report('dialogues').records = result.records;
    report('dialogues').delimiter = result.delimiter;
    texts.dialogues = result.text ?? d.text;
    if (result.kept) diff.kept = { file: d.name, ...result.kept };
    packedRows = result.packed ?? null;
  } else if (kinds.length > 0 || pack) {
    // New venues, topics or sources: do the meetings shown now still find theirs? (Read from the index.)
    const old = currentIndex();
    const refs = new ProblemLog();
    const check = references(vocab!, refs);
    // Named as the data shown now, not the upload: no uploaded dialogues.csv was read.
    for (let i = 0; i < old.count; i++) check(SHOWN_DIALOGUES, old.lines[i]!, old.values(i));
    if (kinds.length > 0) log.absorb(withIdHints(newSince(refs, referenceCheck(vocabulary(current))), vocab!));
    packedRows = { packer: old.packer, problems: old.reader.problems, refs };
  }
  // A CSV with its header and no rows: most likely the wrong sheet, or one saved before its rows were
  // pasted (an empty file is said by detectKind). The command line's validation says it as publishing would.
  if (!asPublished)
    for (const f of files)
      if (f.kind !== null && !f.unreadable && f.records === 0)
        note([
          {
            file: f.name,
            message: `${f.name} has its header but no rows: was the right sheet saved?`,
            severity: 'warning',
          },
        ]);
  const checks = uploadChecksAndSwaps(uploaded);
  note(checks.problems);
  uncheckedIds(log.list, unread, uploaded);
  diffWithSpreadsheetRows(diff.rows, layouts, (kind) => uploaded[kind]?.name);
  const uploadedTexts = new Map(Object.values(uploaded).map((u) => [u.name, u.text]));
  const headers = {
    texts: uploadedTexts,
    aliasesOf: (name: string) => (name === uploaded.venues?.name ? VENUE_TABLE_ALIASES : {}),
  };
  diffWithHeaderSpellings(diff.rows, (kind) => uploaded[kind]?.name, headers);
  const result: IngestResult = {
    files,
    problems: inReadingOrder(
      withSpreadsheetRows(
        withHeaderSpellings(withMissingValues(withQuoteColumns(log.list, uploadedTexts), uploadedTexts), headers),
        layouts,
      ),
      files.map((f) => f.name),
    ),
    errors: log.errors,
    warnings: log.warnings,
    diff,
    texts,
    kinds,
    swapped: checks.swapped,
    ...(uploads.some((u) => u.kept !== undefined) && { kept: { used: [...keptUsed], replaced } }),
    ...(clears > 0 && { clears }),
  };
  // Made when asked for, once: the worker posts the review first and packs while the page draws it.
  if (pack && packedRows && log.errors === 0) {
    const rows = packedRows;
    let packed: PackedDataset | undefined;
    result.pack = () => (packed ??= packedOf(rows, vocab!));
  }
  return result;
}

/** "41 lines": a file's length as an editor shows it, whatever its line ends (a last line break adds none). */
function lineCount(text: string): string {
  const n = text === '' ? 0 : text.split(/\r\n|\r|\n/).length - (/[\r\n]$/.test(text) ? 1 : 0);
  return `${n.toLocaleString('en')} ${n === 1 ? 'line' : 'lines'}`;
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
  kept: readonly UploadSource[] = [],
): Promise<IngestResult> {
  const uploads: UploadFile[] = [];
  /** A zip picked (a data package): it brings every kind, so nothing of the review before is kept. */
  let zip = false;
  const add = (name: string, bytes: ArrayBuffer) => {
    const text = decodeUtf8(bytes);
    const workbook = text === null ? notTextKind(bytes) : undefined;
    if (text !== null) uploads.push({ name, text });
    else if (workbook) uploads.push({ name, text, workbook, notUtf8: null });
    else {
      // What the file would be: a venues file that cannot be read leaves its ids unchecked, not unknown.
      const kindIfRead = detectKind(new TextDecoder('windows-1252').decode(bytes)).kind;
      uploads.push({ name, text, notUtf8: firstNotUtf8(bytes), kindIfRead });
    }
  };
  const sources = [...files.map((f) => [f, -1] as const), ...kept.map((f, i) => [f, i] as const)];
  /** Kept files a new file of the same name replaces: not read again (changed on disk since, a browser cannot). */
  const renamed = kept.filter((k) => files.some((f) => f.name === k.name)).map((k) => k.name);
  for (const [f, i] of sources) {
    if (i >= 0 && zip) break;
    if (i >= 0 && renamed.includes(f.name)) continue;
    const from = uploads.length;
    if (i < 0) await read(f);
    else
      await read(f).catch(() => {
        throw new Error(
          `“${f.name}”, kept from your last upload, could not be read again: it has changed or moved since you picked it. Pick it again with the files you are correcting.`,
        );
      });
    if (i >= 0) for (const u of uploads.slice(from)) u.kept = i;
    else zip ||= uploads.slice(from).some((u) => u.name.startsWith(`${f.name} › `) || /zip$/.test(u.workbook ?? ''));
  }
  const result = ingest(uploads, current, mode, onProgress, pack);
  if (zip && kept.length > 0) result.kept = { used: [], replaced: kept.map((f) => f.name) };
  else if (renamed.length > 0) {
    // In the order they were kept, as the others are.
    const at = (n: string) => kept.findIndex((k) => k.name === n || n.startsWith(`${k.name} › `)) >>> 0;
    const replaced = [...renamed, ...(result.kept?.replaced ?? [])].sort((a, b) => at(a) - at(b));
    result.kept = { used: result.kept?.used ?? [], replaced };
  }
  return result;

  async function read(f: UploadSource): Promise<void> {
    if (typeof f.data === 'string') {
      uploads.push({ name: f.name, text: f.data });
      return;
    }
    const bytes = await f.data.arrayBuffer();
    if (workbookKind(bytes) !== 'xlsx') {
      add(f.name, bytes);
      return;
    }
    // A zip that is not a workbook (our Data package, say): its files, each read as if uploaded.
    const zipped = await zipEntries(bytes);
    if (zipped === 'workbook') uploads.push({ name: f.name, text: null, workbook: 'xlsx', notUtf8: null });
    else if (zipped !== null) {
      if (zipped.length === 0) uploads.push({ name: f.name, text: null, workbook: 'zip' });
      else for (const [entry, data] of zipped) add(`${f.name} › ${entry}`, data);
    } else {
      // Damaged (cut short): a workbook still, by the parts its first files name, or by its name
      // when none can be read; else a zip, said as damaged, not as a spreadsheet.
      const entries = zipNames(bytes);
      const workbook = entries.some(isWorkbookPart) || (entries.length === 0 && !/\.zip$/i.test(f.name));
      uploads.push(
        workbook
          ? { name: f.name, text: null, workbook: 'xlsx', notUtf8: null }
          : { name: f.name, text: null, workbook: 'damaged-zip', entries },
      );
    }
  }
}

/**
 * The data files in a zip archive (by name: .csv, .tsv, .txt, .json, .geojson), 'workbook' when
 * it is a spreadsheet workbook (.xlsx, .ods), or null when it cannot be read as a zip. fflate
 * unzips it, loaded only when a zip is uploaded.
 */
async function zipEntries(bytes: ArrayBuffer): Promise<[string, ArrayBuffer][] | 'workbook' | null> {
  const { unzipSync } = await import('fflate');
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(new Uint8Array(bytes), {
      filter: (f) => !f.name.endsWith('/') && !f.name.startsWith('__MACOSX/'),
    });
  } catch {
    return null;
  }
  const names = Object.keys(entries);
  if (names.some((n) => n === '[Content_Types].xml' || n === 'mimetype' || n.startsWith('xl/'))) return 'workbook';
  return names
    .filter((n) => /\.(csv|tsv|txt|json|geojson)$/i.test(n))
    .map((n) => {
      const data = entries[n]!;
      return [n, data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer];
    });
}

/**
 * An unknown venue, topic or source id, where the upload's own file of that kind could not be read:
 * said as unchecked, naming that file, rather than as a mistake in the meetings (one unreadable
 * venues file made every new venue id "unknown"). Rewritten in place.
 */
function uncheckedIds(
  problems: Problem[],
  unread: Partial<Record<DataFileKind, string>>,
  uploaded: Partial<Record<DataFileKind, unknown>>,
): void {
  const column = { venues: 'venue_id', topics: 'topics', sources: 'source_id' } as const;
  for (const kind of ['venues', 'topics', 'sources'] as const) {
    const name = unread[kind];
    if (!name || uploaded[kind]) continue;
    problems.forEach((p, i) => {
      if (p.column !== column[kind] || !/^Unknown (venue|topic|source)/.test(p.message)) return;
      problems[i] = {
        ...p,
        message: `“${p.value ?? ''}” is not among the ${kind} shown now, and “${name}” could not be read (see its error), so it was not checked against that file: save that file as UTF-8 and upload both again.`,
      };
    });
  }
}

/** A sources file's first published dates known only to a year or a month, by line (for withDateHints). */
function partialPublished(rows: readonly Source[], lineOf: ReadonlyMap<string, number> | undefined): PartialDateLines {
  const found: PartialDateLines = {};
  for (const r of rows) {
    const precision = r.published?.precision;
    if (precision === 'year' || precision === 'month') {
      found[precision] ??= { line: lineOf?.get(r.id) ?? 0, value: r.published!.text };
    }
  }
  return found;
}

/**
 * Of the meetings shown now, the references the upload breaks: those the data shown finds now
 * (a venue, topic or source missing there already is no doing of the upload's, and was counted
 * as one: "6 of the 14 meetings … would cite a venue, topic or source the uploaded files lack",
 * where one was new). What the log only counted (past its list) is kept as counted.
 */
function newSince(refs: ProblemLog, before: ReferenceCheck): ProblemLog {
  const fresh = new ProblemLog();
  for (const p of refs.list) {
    const column = p.column as 'venue_id' | 'topics' | 'source_id';
    if (before.known(column, p.value ?? '')) fresh.add(p);
  }
  const unlisted = refs.errors + refs.warnings - refs.list.length;
  for (let i = 0; i < unlisted; i++) fresh.count('warning');
  return fresh;
}
