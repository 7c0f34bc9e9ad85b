import type { PackedDataset } from '../data/packed';
import type { DataFileKind } from '../data/schema';
import type { IngestResult, Mode, Progress } from './ingest';

/** Page → worker: check files against the data shown now. */
export interface IngestRequest {
  type: 'ingest';
  files: File[];
  /**
   * The files of the upload under review when these were picked (newest first): each kind the new
   * files do not bring stays under review (IngestResult.kept).
   */
  kept?: File[];
  /** The data shown now, as files; `key` names it, so the worker indexes it once. */
  current: Record<DataFileKind, Blob>;
  key: string;
  mode: Mode;
  /**
   * The data shown before another tab changed it, when that was after the files were picked:
   * the result then counts what applying them takes back of that tab's change (IngestResult.overwrites).
   */
  since?: Record<DataFileKind, Blob>;
}

/** Page → worker: the data shown has changed; index it now, before the next upload needs it. */
export interface PrepareRequest {
  type: 'prepare';
  current: Record<DataFileKind, Blob>;
  key: string;
}

/** Page → worker: Apply wants the dataset the last upload would show (`prepared`). */
export interface SendPreparedRequest {
  type: 'send-prepared';
}

/**
 * Page → worker: the diff is on screen; make the last upload's dataset ready to move now (its long
 * texts as character codes), so Apply need not wait for it. Asked for only once the page has drawn
 * the diff: on two cores, doing it at once took the CPU the page needed for that.
 */
export interface PrepareMoveRequest {
  type: 'prepare-move';
}

/** Page → worker: read these files into a dataset to show (page load, undo, reset). */
export interface BuildRequest {
  type: 'build';
  files: Record<DataFileKind, Blob>;
}

/**
 * Worker → page: progress as it goes, then the result (texts as Blobs: no large copy); when Apply
 * asks (SendPreparedRequest), the dataset the upload would make, packed (`prepared`; null if the
 * worker no longer has it), so Apply reads nothing again.
 * To a BuildRequest: `progress` (phase `reading`), then `built` or `failed`.
 */
export type IngestMessage =
  | ({ type: 'progress'; phase: 'reading' | 'indexing' | 'checking' } & Progress)
  | { type: 'done'; result: Omit<IngestResult, 'texts' | 'pack'>; files: Record<DataFileKind, Blob> }
  | { type: 'prepared'; packed: PackedDataset | null }
  | { type: 'built'; packed: PackedDataset }
  | { type: 'failed'; message: string };
