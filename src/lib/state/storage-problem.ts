import { KeptDataUnreadable, StorageTimeout } from '../ingest/storage';

/**
 * What the page has to say about this browser's storage, as data. It is worded where it is
 * shown (the data panel, which loads after the first chart), so the page's first JavaScript
 * carries no sentences for what rarely happens.
 */
export type StorageProblem =
  /** At start, storage has not answered yet. */
  | { kind: 'slow' }
  /** The data kept here is taking a while to read. */
  | { kind: 'slow-read'; label: string }
  /** Only part of the history fits on the disk. */
  | { kind: 'short'; stepBack: boolean }
  /** Storage is not used, or a call failed (a time-out, a refusal, kept data that cannot be read). */
  | { kind: 'failed'; error: unknown };

/** The sentence for a storage problem. */
export function storageProblemText(p: StorageProblem): string {
  switch (p.kind) {
    case 'slow':
      return 'This browser’s storage has not answered yet. The published data is shown meanwhile; data applied in this browser before will follow when storage answers.';
    case 'slow-read':
      return `Reading “${p.label}”, the data applied in this browser before, is taking a while. The published data is shown meanwhile.`;
    case 'short':
      return `This browser has too little room for the whole history: only ${p.stepBack ? 'the data shown and one step back' : 'the data shown'} is kept.`;
    case 'failed':
      return failureText(p.error);
  }
}

function failureText(e: unknown): string {
  const reason = e instanceof Error ? e.message : String(e);
  if (e instanceof KeptDataUnreadable) {
    return `“${e.label}”, the data applied in this browser before, could not be read (${reason.replace(/\.$/, '')}). The published data is shown. What this browser keeps is left as it is, and changes are not kept this session: download the data package to keep them.`;
  }
  if (e instanceof StorageTimeout) {
    return `${reason}. The data is shown and Apply, Undo and Reset work for this session, but nothing is kept in this browser: download the data package to keep it.`;
  }
  // storage.ts: the browser refuses this page its storage.
  if (e instanceof DOMException && e.name === 'SecurityError') {
    return 'This browser does not let this page keep data (its storage is blocked here). The data is shown for this session only: download the data package to keep it.';
  }
  return `This browser would not keep the data (${reason}). It is shown for this session only: download the data package to keep it.`;
}
