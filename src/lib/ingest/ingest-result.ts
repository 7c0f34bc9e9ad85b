import type { DatasetTexts } from '../data/dataset';
import type { PackedDataset } from '../data/packed';
import type { Problem } from '../data/problems';
import { DIALOGUE_COLUMNS, ENTRY_NOUN, type DataFileKind } from '../data/schema';
import { shorten } from '../data/csv-table';
import type { NotText, NotUtf8 } from './detect';
import type { SwappedVenue } from './upload-checks';
import { andList } from '../data/and-list';

/** What an upload's check answers: which file is which, its problems, the diff, the data after applying. */
export type Mode = 'replace' | 'merge';

export interface UploadFile {
  name: string;
  /** The text, or null when the bytes were not UTF-8. */
  text: string | null;
  /** Not text: what the bytes are instead, when known (see detect.ts, notTextMessage). */
  workbook?: NotText;
  /** A damaged zip: the names of the files it holds, as far as they can be read. */
  entries?: string[];
  /** Text, but not UTF-8: where it first goes wrong. */
  notUtf8?: NotUtf8 | null;
  /** Text, but not UTF-8: the kind of data file it would be, read as Windows-1252 (its ids are then said to be unchecked, not unknown). */
  kindIfRead?: DataFileKind | null;
  /**
   * Kept from the upload under review before this one (its index among the files kept): used only
   * for a kind no newly picked file brings (see `ingest`).
   */
  kept?: number;
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
  /** Its kind is known but the file as a whole could not be read: nothing in it is compared or applied. */
  unreadable?: true;
  /** Kept from the upload under review before (a kind the new files do not bring). */
  kept?: true;
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
  /** The row's line in the uploaded file (added, changed) or in the current data (removed); 0 for a GeoJSON feature. */
  line: number;
  /** A venue added or changed by an uploaded venues.geojson: its feature there (counting from 1), where it has no line. */
  feature?: number;
  /** The row a spreadsheet shows `line` on, where it differs (a value with line breaks above it). */
  row?: number;
  fields: FieldChange[];
  /**
   * Removed only because the upload's row with this id has errors, on this line of the uploaded file:
   * fixed, the meeting stays; applied without the rows with errors, it goes.
   */
  errorLine?: number;
  /** The row a spreadsheet shows `errorLine` on, where it differs. */
  errorRow?: number;
  /** The same for a venue: its feature in the uploaded venues.geojson (counting from 1) has errors. */
  errorFeature?: number;
}

export interface Diff {
  added: number;
  changed: number;
  removed: number;
  /** Of `removed`, those whose id is on a row (or feature) of the upload that has errors (see DiffRow.errorLine). */
  removedByErrors: number;
  /** The first rows of each kind of change, with their fields. */
  rows: DiffRow[];
  /**
   * Merging a dialogues file that lacks some optional columns: those columns, which the meetings it
   * changes keep as they are (a file without a column says nothing about it), and how many meetings.
   */
  kept?: { file: string; columns: string[]; meetings: number };
}

/** "slim.csv has no round or summary columns: those are kept as they are for the 2 meetings it updates." */
export function keptColumnsText({ file, columns, meetings }: NonNullable<Diff['kept']>): string {
  const one = columns.length === 1;
  const named = one ? columns[0] : `${columns.slice(0, -1).join(', ')} or ${columns.at(-1)}`;
  const n = `${meetings.toLocaleString('en')} ${meetings === 1 ? 'meeting' : 'meetings'}`;
  return `${file} has no ${named} ${one ? 'column: it is kept as it is' : 'columns: those are kept as they are'} for the ${n} it updates.`;
}

export type ChangeCounts = { added: number; changed: number; removed: number };

/**
 * Each kind's changes. Venues, topics and sources are small files whose changes are all listed
 * (diff-records.ts); the meetings are the rest (their list stops at DIFF_ROW_LIMIT).
 */
export function changesByKind(diff: Diff): Record<DataFileKind, ChangeCounts> {
  const zero = () => ({ added: 0, changed: 0, removed: 0 });
  const by: Record<DataFileKind, ChangeCounts> = { dialogues: zero(), venues: zero(), topics: zero(), sources: zero() };
  for (const r of diff.rows) if (r.kind !== 'dialogues') by[r.kind][r.change]++;
  for (const change of ['added', 'changed', 'removed'] as const)
    by.dialogues[change] = diff[change] - by.venues[change] - by.topics[change] - by.sources[change];
  return by;
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
  /** Venues of the upload whose numbers look swapped (see SwappedVenue): Apply asks before placing them as written. */
  swapped?: SwappedVenue[];
  /**
   * Files kept from the upload under review before (picked again while it was): the indices of
   * those of which a file is used, and the names of the files (a zip's as "pkg.zip › topics.csv")
   * left out, their kind brought by the new files (or nothing the app reads). Absent when none were kept.
   */
  kept?: { used: number[]; replaced: string[] };
  /**
   * Replacing: how many fewer problems the files would have, as the data shown reads them, than
   * the files of their kinds shown now (an `NA` no longer written). Said when no value changes,
   * as what Apply would still do.
   */
  clears?: number;
  /**
   * Asked for when another tab changed the data after the files were picked (IngestRequest.since):
   * what of that tab's change applying this upload would take back, by kind; null when it could not be counted.
   */
  overwrites?: OverwriteCounts | null;
  /**
   * Asked for (`pack`) and without errors: makes the dataset Apply would show, packed from the
   * rows read here (packed.ts), so Apply reads no CSV again. Made when called (once), not before
   * `ingest` returns: the worker posts the review first (at 50,000 rows packing took a third of
   * the time before the review appeared).
   */
  pack?: () => PackedDataset;
}

export interface Progress {
  file: string;
  rows: number;
  /** 0–1 through that file. */
  fraction: number;
}

/** How problems name the meetings shown now, when the upload has no dialogues.csv of its own to check. */
export const SHOWN_DIALOGUES = 'dialogues.csv (shown now)';

export const DIFF_ROW_LIMIT = 50;
/** Characters of a value the diff shows (a hostile file may hold a 10 MB cell). */
export const DIFF_VALUE_LIMIT = 1000;

/** The columns whose values differ (all of them for an added or removed row), cut to a readable length. */
export function fieldsOf(after: readonly string[] | null, before: readonly string[] | null): FieldChange[] {
  const changes: FieldChange[] = [];
  DIALOGUE_COLUMNS.forEach((column, i) => {
    const a = after?.[i] ?? '';
    const b = before?.[i] ?? '';
    if (a !== b) changes.push({ column, before: shorten(b, DIFF_VALUE_LIMIT), after: shorten(a, DIFF_VALUE_LIMIT) });
  });
  return changes;
}

/**
 * Another tab changed the data after an upload here was picked: of that tab's change (the data
 * `before` it → the data `now`), what applying the upload (the data `after`) would take back.
 * Each row is compared by its id, whole (a meeting's normalised values, as the diff reads them).
 */
export interface Overwrite {
  /** Rows it added that the upload removes. */
  removesAdded: number;
  /** Rows it added that the upload holds with other values. */
  changesAdded: number;
  /** Rows it changed that the upload puts back as they were before. */
  undoes: number;
  /** Rows it changed that the upload changes otherwise (neither its values nor the ones before). */
  rewrites: number;
  /** Rows it changed that the upload removes. */
  removesChanged: number;
  /** Rows it removed that the upload brings back. */
  restores: number;
}

/** By kind; a kind is left out when the upload takes back nothing of it. */
export type OverwriteCounts = Partial<Record<DataFileKind, Overwrite>>;

/**
 * The counts in words, meetings first: "removes 1 meeting it added and undoes 1 change it made".
 * Empty when the upload takes back nothing.
 */
export function overwritesText(counts: OverwriteCounts): string {
  const parts: string[] = [];
  const n = (k: number, [one, many]: readonly [string, string]) => `${k.toLocaleString('en')} ${k === 1 ? one : many}`;
  for (const kind of ['dialogues', 'venues', 'topics', 'sources'] as const) {
    const c = counts[kind];
    if (!c) continue;
    const noun = ENTRY_NOUN[kind];
    const to = kind === 'dialogues' ? '' : ` to ${noun[1]}`;
    if (c.removesAdded) parts.push(`removes ${n(c.removesAdded, noun)} it added`);
    if (c.changesAdded) parts.push(`changes ${n(c.changesAdded, noun)} it added`);
    if (c.undoes) parts.push(`undoes ${n(c.undoes, ['change', 'changes'])} it made${to}`);
    if (c.rewrites) parts.push(`changes again ${n(c.rewrites, noun)} it changed`);
    if (c.removesChanged) parts.push(`removes ${n(c.removesChanged, noun)} it changed`);
    if (c.restores) parts.push(`brings back ${n(c.restores, noun)} it removed`);
  }
  return andList(parts);
}
