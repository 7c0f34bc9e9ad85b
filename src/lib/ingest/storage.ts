import type { DataFileKind } from '../data/schema';

/** A dataset as stored: the four files as Blobs, and what it is. */
export interface StoredData {
  files: Record<DataFileKind, Blob>;
  label: string;
  /** ISO time it was applied. */
  savedAt: string;
  /** The published (bundled) data as it was then: on reload it is fetched again, fresh. */
  bundled?: boolean;
}

/** A dataset in the history, under the key it is stored by. */
export interface Entry extends StoredData {
  id: string;
}

/**
 * What this browser keeps: the data shown, what Undo and Redo go back and forth to, and a
 * version that every change raises. Tabs compare versions, so none overwrites newer data.
 */
export interface History {
  version: number;
  /** Null: the bundled data, fetched. */
  current: Entry | null;
  /** Newest first. */
  undo: Entry[];
  /** Newest first. */
  redo: Entry[];
}

/** How many steps back (and forward) are kept. */
export const HISTORY_LIMIT = 5;

/** Storage did not answer in time: the page says so and carries on without it. */
export class StorageTimeout extends Error {}

/** The data shown last could not be read back (a browser can lose a stored file): storage is left alone. */
export class KeptDataUnreadable extends Error {
  constructor(
    readonly label: string,
    cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
  }
}

/** Another tab changed the stored data since this tab read it: nothing was written. */
export class StorageConflict extends Error {
  constructor(readonly stored: History) {
    super('Another tab changed the data.');
  }
}

/** Time limits: reads are small (Blobs are handles), a write may copy a large file to disk. */
export const READ_LIMIT_MS = 6000;
export const WRITE_LIMIT_MS = 20000;

export const newEntryId = (): string => `d-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

/** Rejects with StorageTimeout when `work` has not settled after `ms`. */
export function withTimeLimit<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new StorageTimeout(`${what} within ${ms / 1000} s`)), ms);
  });
  return Promise.race([work, limit]).finally(() => clearTimeout(timer));
}

/**
 * A note in localStorage that this browser has kept data here: without it the page need not wait
 * for IndexedDB before its first chart (it still reads it, and follows with what it finds).
 */
const MARKER = 'dialogue-atlas-stored';
function mark(): void {
  try {
    localStorage.setItem(MARKER, '1');
  } catch {
    // No localStorage: the page waits for IndexedDB at start, as it would without the note.
  }
}

/** The history kept in this browser, and how to change it: each change one transaction. */
export const storage = {
  /** False when this browser has certainly never kept data here (no note, and localStorage works) or keeps none for this page. */
  mayHoldData(): boolean {
    try {
      return localStorage.getItem(MARKER) !== null;
    } catch (e) {
      // Refused (storage-db.ts, refusal): nothing can be kept here, so the first chart need not wait.
      return (e as Error).name != 'SecurityError';
    }
  },

  /** The stored history (version 0 and nothing in it when this browser has none). */
  read(limit = READ_LIMIT_MS): Promise<History> {
    return withTimeLimit(
      import('./storage-db').then((db) => db.readHistory()),
      limit,
      'This browser’s storage did not answer',
    ).then((history) => {
      // Data an earlier version kept (before the note existed) is noted when found.
      if (history.current || history.undo.length || history.redo.length) mark();
      return history;
    });
  },

  /**
   * Writes the whole history (current, undo and redo) in one transaction, if the stored version
   * is still `expected`; otherwise writes nothing and rejects with StorageConflict. New entries
   * are written, entries no longer named are deleted, and the version goes up by one.
   */
  write(next: Omit<History, 'version'>, expected: number, limit = WRITE_LIMIT_MS): Promise<number> {
    return withTimeLimit(
      import('./storage-db').then((db) => db.writeHistory(next, expected)),
      limit,
      'Saving in this browser did not finish',
    ).then((version) => {
      mark();
      return version;
    });
  },
};
