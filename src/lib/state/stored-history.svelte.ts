import {
  HISTORY_LIMIT,
  storage,
  StorageConflict,
  StorageTimeout,
  type Entry,
  type History,
  type StoredData,
} from '../ingest/storage';
import { BUNDLED_LABEL } from './data-files';
import type { StorageProblem } from './storage-problem';

/** Tabs of this site tell each other when they change the stored data. */
const CHANNEL = 'dialogue-atlas-data';

/**
 * This tab's copy of the history kept in the browser (the data shown, Undo and Redo steps),
 * its writes to storage (one transaction, refused if another tab wrote meanwhile), and what
 * the page says about storage. DatasetState decides what to show; this keeps it.
 */
export class StoredHistory {
  /** The data before the last apply, for Undo. */
  previous = $state.raw<StoredData | null>(null);
  /** The data Undo went back from, for Redo. */
  next = $state.raw<StoredData | null>(null);
  /** Set when the browser would not store the data: it stays for this session only. */
  problem = $state.raw<StorageProblem | null>(null);
  /** Another tab saved newer data while this tab was changing its own: this tab's change is not stored yet. */
  conflict = $state.raw<{ label: string } | null>(null);
  /** The stored version this tab has seen (null before storage answered). */
  version: number | null = null;
  /** Why storage is not used this session (no IndexedDB, or it did not answer in time). */
  off: unknown = null;
  entries: Omit<History, 'version'> = { current: null, undo: [], redo: [] };
  #channel: BroadcastChannel | null = null;

  set(h: Omit<History, 'version'>): void {
    this.entries = { current: h.current, undo: h.undo, redo: h.redo };
    this.previous = h.undo[0] ?? null;
    this.next = h.redo[0] ?? null;
  }

  /** Calls `onNewer` when another tab stores a newer version. */
  listen(onNewer: () => void): void {
    if (typeof BroadcastChannel === 'undefined' || this.#channel) return;
    this.#channel = new BroadcastChannel(CHANNEL);
    this.#channel.onmessage = (event: MessageEvent<{ version?: unknown }>) => {
      const version = event.data?.version;
      if (typeof version === 'number' && version > (this.version ?? -1)) onNewer();
    };
  }

  /**
   * The new history, in memory and (in one transaction, if no other tab wrote meanwhile) in
   * storage; `onSaving` is called when it is written.
   */
  async persist(next: Omit<History, 'version'>, onSaving: () => void): Promise<void> {
    this.set(next);
    if (this.off) {
      this.problem = { kind: 'failed', error: this.off };
      return;
    }
    onSaving();
    // When the disk is too full for the whole history, the data shown comes first: fewer steps back.
    const shorter = [next, { ...next, undo: next.undo.slice(0, 1), redo: [] }, { ...next, undo: [], redo: [] }];
    for (let attempt = 0; attempt < shorter.length; attempt++) {
      const history = shorter[attempt]!;
      try {
        this.version = await storage.write(history, this.version ?? 0);
        this.conflict = null;
        this.problem = attempt === 0 ? null : { kind: 'short', stepBack: history.undo.length > 0 };
        if (attempt > 0) this.set(history);
        this.#channel?.postMessage({ version: this.version });
        return;
      } catch (e) {
        if (e instanceof StorageConflict) {
          this.conflict = { label: e.stored.current?.label ?? BUNDLED_LABEL };
          return;
        }
        if (isQuota(e) && attempt < shorter.length - 1) continue;
        this.failed(e);
        return;
      }
    }
  }

  /** The answer to a conflict: "keep this tab's data", written over the other tab's (theirs stays one Undo away). */
  async keepMine(onSaving: () => void): Promise<void> {
    if (!this.conflict) return;
    let stored: History;
    try {
      stored = await storage.read();
    } catch (e) {
      this.failed(e);
      return;
    }
    this.version = stored.version;
    this.conflict = null;
    const theirs = stored.current ? [stored.current] : [];
    const mine = this.entries;
    await this.persist({ current: mine.current, undo: keep([...theirs, ...mine.undo]), redo: mine.redo }, onSaving);
  }

  /** A storage call failed: the page says so; after a time-out, storage is not asked again this session. */
  failed(e: unknown): void {
    if (e instanceof StorageTimeout) this.off = e;
    this.problem = { kind: 'failed', error: e };
  }
}

const isQuota = (e: unknown) => e instanceof DOMException && e.name === 'QuotaExceededError';

/** The first HISTORY_LIMIT entries, each once. */
export function keep(entries: Entry[]): Entry[] {
  const seen = new Set<string>();
  return entries.filter((e) => !seen.has(e.id) && seen.add(e.id)).slice(0, HISTORY_LIMIT);
}
