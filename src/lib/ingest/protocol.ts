import type { DataFileKind } from '../data/schema';
import type { IngestResult, Mode, Progress } from './ingest';

/** Page → worker: check files against the data shown now. */
export interface IngestRequest {
  type: 'ingest';
  files: File[];
  /** The data shown now, as files; `key` names it, so the worker indexes it once. */
  current: Record<DataFileKind, Blob>;
  key: string;
  mode: Mode;
}

/** Page → worker: the data shown has changed; index it now, before the next upload needs it. */
export interface PrepareRequest {
  type: 'prepare';
  current: Record<DataFileKind, Blob>;
  key: string;
}

/** Worker → page: progress as it goes, then the result (texts as Blobs: no large copy). */
export type IngestMessage =
  | ({ type: 'progress'; phase: 'reading' | 'indexing' | 'checking' } & Progress)
  | { type: 'done'; result: Omit<IngestResult, 'texts'>; files: Record<DataFileKind, Blob> }
  | { type: 'failed'; message: string };
