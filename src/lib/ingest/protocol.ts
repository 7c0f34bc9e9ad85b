import type { DataFileKind } from '../data/schema';
import type { IngestResult, Mode, Progress } from './ingest';

/** Page → worker. */
export interface IngestRequest {
  type: 'ingest';
  files: File[];
  /** The data shown now, as files; `key` names it, so the worker indexes it once. */
  current: Record<DataFileKind, Blob>;
  key: string;
  mode: Mode;
}

/** Worker → page: progress as it goes, then the result (texts as Blobs: no large copy). */
export type IngestMessage =
  | ({ type: 'progress'; phase: 'reading' | 'indexing' | 'checking' } & Progress)
  | { type: 'done'; result: Omit<IngestResult, 'texts'>; files: Record<DataFileKind, Blob> }
  | { type: 'failed'; message: string };
