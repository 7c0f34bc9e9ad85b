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

/** Another tab changed the stored data since this tab read it: nothing was written. */
export class StorageConflict extends Error {
  constructor(readonly stored: History) {
    super('Another tab changed the data.');
  }
}

/** Time limits: reads are small (Blobs are handles), a write may copy a large file to disk. */
export const READ_LIMIT_MS = 6000;
export const WRITE_LIMIT_MS = 20000;

const DB = 'dialogue-atlas';
const STORE = 'datasets';
/** The record naming the history by entry ids; each entry is its own record (written once). */
const META = 'history';
/** The keys an earlier version wrote (current and previous, one transaction each). */
const LEGACY = ['current', 'previous'] as const;

interface Meta {
  version: number;
  current: string | null;
  undo: string[];
  redo: string[];
}

export const newEntryId = (): string => `d-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

/** Rejects with StorageTimeout when `work` has not settled after `ms`. */
export function withTimeLimit<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new StorageTimeout(`${what} within ${ms / 1000} s`)), ms);
  });
  return Promise.race([work, limit]).finally(() => clearTimeout(timer));
}

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    if (typeof indexedDB === 'undefined') return reject(new Error('This browser has no IndexedDB.'));
    const request = indexedDB.open(DB, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB could not be opened.'));
    request.onblocked = () => reject(new Error('IndexedDB is blocked by another tab.'));
  });
}

/** Runs `work` in one transaction; resolves with what `work` settled once the transaction completes. */
async function transaction<T>(
  mode: IDBTransactionMode,
  work: (store: IDBObjectStore, done: (value: T) => void, fail: (e: Error) => void, tx: IDBTransaction) => void,
): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      let result: { value: T } | null = null;
      let failure: Error | null = null;
      tx.oncomplete = () => (failure ? reject(failure) : resolve(result!.value));
      tx.onerror = () => reject(failure ?? tx.error ?? new Error('IndexedDB failed.'));
      tx.onabort = () => reject(failure ?? tx.error ?? new Error('IndexedDB aborted the write (is the disk full?).'));
      work(
        tx.objectStore(STORE),
        (value) => (result = { value }),
        (e) => {
          failure = e;
          tx.abort();
        },
        tx,
      );
    });
  } finally {
    db.close();
  }
}

/** Reads the meta record and the entries it names, all in one transaction. */
function readAll(store: IDBObjectStore, then: (history: History, meta: Meta | undefined) => void): void {
  const metaRequest = store.get(META);
  metaRequest.onsuccess = () => {
    const meta = metaRequest.result as Meta | undefined;
    if (!meta) {
      // Data kept by an earlier version of the app: current and previous, version 0.
      const got: Partial<Record<(typeof LEGACY)[number], StoredData>> = {};
      let left = LEGACY.length;
      for (const key of LEGACY) {
        const r = store.get(key);
        r.onsuccess = () => {
          if (r.result) got[key] = r.result as StoredData;
          if (--left === 0) {
            const entry = (d: StoredData | undefined, id: string): Entry | null => (d ? { ...d, id } : null);
            const previous = entry(got.previous, 'previous');
            then(
              { version: 0, current: entry(got.current, 'current'), undo: previous ? [previous] : [], redo: [] },
              meta,
            );
          }
        };
      }
      return;
    }
    const ids = [...new Set([meta.current, ...meta.undo, ...meta.redo].filter((id): id is string => id !== null))];
    const entries = new Map<string, Entry>();
    let left = ids.length;
    const finish = () => {
      const pick = (id: string) => entries.get(id);
      then(
        {
          version: meta.version,
          current: meta.current === null ? null : (pick(meta.current) ?? null),
          undo: meta.undo.map(pick).filter((e): e is Entry => !!e),
          redo: meta.redo.map(pick).filter((e): e is Entry => !!e),
        },
        meta,
      );
    };
    if (left === 0) return finish();
    for (const id of ids) {
      const r = store.get(id);
      r.onsuccess = () => {
        if (r.result) entries.set(id, { ...(r.result as StoredData), id });
        if (--left === 0) finish();
      };
    }
  };
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

const plain = (e: Entry): StoredData => ({ files: e.files, label: e.label, savedAt: e.savedAt, bundled: e.bundled });

/** The history kept in this browser, and how to change it: each change one transaction. */
export const storage = {
  /** False only when this browser has certainly never kept data here (no note, and localStorage works). */
  mayHoldData(): boolean {
    try {
      return localStorage.getItem(MARKER) !== null;
    } catch {
      return true;
    }
  },

  /** The stored history (version 0 and nothing in it when this browser has none). */
  read(limit = READ_LIMIT_MS): Promise<History> {
    return withTimeLimit(
      transaction<History>('readonly', (store, done) => readAll(store, (history) => done(history))),
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
      transaction<number>('readwrite', (store, done, fail) =>
        readAll(store, (stored, meta) => {
          if (stored.version !== expected) return fail(new StorageConflict(stored));
          const keep = [next.current, ...next.undo, ...next.redo].filter((e): e is Entry => e !== null);
          const had = new Set(meta ? [meta.current, ...meta.undo, ...meta.redo] : []);
          for (const e of keep) if (!had.has(e.id) || !meta) store.put(plain(e), e.id);
          const kept = new Set(keep.map((e) => e.id));
          for (const id of had) if (id !== null && !kept.has(id)) store.delete(id);
          if (!meta) for (const key of LEGACY) if (!kept.has(key)) store.delete(key);
          const version = stored.version + 1;
          const record: Meta = {
            version,
            current: next.current?.id ?? null,
            undo: next.undo.map((e) => e.id),
            redo: next.redo.map((e) => e.id),
          };
          store.put(record, META);
          done(version);
        }),
      ),
      limit,
      'Saving in this browser did not finish',
    ).then((version) => {
      mark();
      return version;
    });
  },
};
