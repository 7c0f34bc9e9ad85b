import type { Entry, History, StoredData } from './storage';
import { StorageConflict } from './storage';

/**
 * The IndexedDB side of storage.ts, loaded when the history is first read or written (at
 * start, beside the data's fetch), so the page's first JavaScript does not carry it.
 */
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

/**
 * The SecurityError thrown when the browser refuses this page its storage (cookies blocked, or a
 * frame whose browser blocks storage for frames from another site or under a page from a file);
 * null when it does not. IndexedDB is refused then too, and under a file's page Chromium never
 * answers its open: an embed there would wait for it (storage.ts, READ_LIMIT_MS).
 */
function refusal(): DOMException | null {
  try {
    return localStorage && null;
  } catch (e) {
    return e instanceof DOMException && e.name === 'SecurityError' ? e : null;
  }
}

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    if (typeof indexedDB === 'undefined') return reject(new Error('This browser has no IndexedDB.'));
    const refused = refusal();
    if (refused) return reject(refused);
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

const plain = (e: Entry): StoredData => ({ files: e.files, label: e.label, savedAt: e.savedAt, bundled: e.bundled });

/** The stored history (version 0 and nothing in it when this browser has none), in one transaction. */
export function readHistory(): Promise<History> {
  return transaction<History>('readonly', (store, done) => readAll(store, (history) => done(history)));
}

/** See storage.write: the whole history in one transaction, if the stored version is still `expected`. */
export function writeHistory(next: Omit<History, 'version'>, expected: number): Promise<number> {
  return transaction<number>('readwrite', (store, done, fail) =>
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
  );
}
