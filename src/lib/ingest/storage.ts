import type { DataFileKind } from '../data/schema';

/** A dataset as stored: the four files as Blobs, and what it is. */
export interface StoredData {
  files: Record<DataFileKind, Blob>;
  label: string;
  /** ISO time it was applied. */
  savedAt: string;
}

const DB = 'dialogue-atlas';
const STORE = 'datasets';

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

async function run<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const request = work(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(request.result);
      tx.onerror = () => reject(tx.error ?? request.error ?? new Error('IndexedDB failed.'));
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB aborted the write (is the disk full?).'));
    });
  } finally {
    db.close();
  }
}

/** The data applied last, and the one before it (for undo), kept across reloads. */
export const storage = {
  load: (key: 'current' | 'previous') => run<StoredData | undefined>('readonly', (s) => s.get(key)),
  save: (key: 'current' | 'previous', data: StoredData) => run('readwrite', (s) => s.put(data, key)),
  remove: (key: 'current' | 'previous') => run('readwrite', (s) => s.delete(key)),
};
