import { DATA_FILES, type Dataset, type DataFileKind } from '../data/schema';
import type { Files } from './data-files';
import { hex } from './hex';
import type { Serialise } from './publication';

/**
 * Digests that tell whether the data shown is the published data (publication.ts), loaded once
 * the data is shown. Chromium's crypto.subtle.digest hashes on the thread that calls it: after
 * Apply, a 19 MB dialogues.csv held the page for 190–600 ms. So files of different sizes are not
 * hashed at all, each Blob is hashed once, and a large one in a worker (digest.worker.ts).
 */

/** Files above this size are hashed in a worker; smaller ones take a few milliseconds here. */
export const OFF_THREAD_BYTES = 1024 * 1024;

const KINDS = Object.keys(DATA_FILES) as DataFileKind[];

/** Each Blob's SHA-256, made once: a Blob never changes, and the same files are compared after every apply, undo and reset. */
const digests = new WeakMap<Blob, Promise<string>>();

export function blobDigest(blob: Blob): Promise<string> {
  let digest = digests.get(blob);
  if (!digest) {
    digest =
      blob.size > OFF_THREAD_BYTES && typeof Worker !== 'undefined'
        ? inWorker(blob)
        : blob.arrayBuffer().then(async (bytes) => hex(await crypto.subtle.digest('SHA-256', bytes)));
    // A failure is not kept: the next comparison tries again.
    digest.catch(() => digests.delete(blob));
    digests.set(blob, digest);
  }
  return digest;
}

/** The digest of the four files, one SHA-256 each. */
export async function filesDigest(files: Files): Promise<string> {
  return (await Promise.all(KINDS.map((kind) => blobDigest(files[kind])))).join(':');
}

/**
 * Whether two sets of files hold the same bytes: files of different sizes differ, so neither is
 * read (after an upload is applied it is nearly always so); otherwise by their digests.
 */
export async function sameBytes(a: Files, b: Files): Promise<boolean> {
  if (a === b) return true;
  if (KINDS.some((kind) => a[kind].size !== b[kind].size)) return false;
  return (await filesDigest(a)) === (await filesDigest(b));
}

/**
 * The digest of a dataset's content: its four files as the data package writes them. The same
 * data published from the package, or uploaded as a spreadsheet wrote it, has the same content.
 */
export async function contentDigest(dataset: Dataset, serialise: Serialise): Promise<string> {
  const files = await serialise(dataset);
  const digests = await Promise.all(
    KINDS.map(async (kind) => hex(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(files[kind])))),
  );
  return digests.join(':');
}

/** The worker that hashes large files, started when one is to be hashed and ended once none is waiting. */
let worker: Worker | null = null;
let next = 0;
const waiting = new Map<number, { resolve: (digest: string) => void; reject: (e: Error) => void }>();

function settle(id: number, outcome: { digest?: string; error?: string }): void {
  const w = waiting.get(id);
  if (!w) return;
  waiting.delete(id);
  if (outcome.digest !== undefined) w.resolve(outcome.digest);
  else w.reject(new Error(outcome.error ?? 'The file could not be hashed.'));
  if (waiting.size === 0) {
    worker?.terminate();
    worker = null;
  }
}

function inWorker(blob: Blob): Promise<string> {
  if (!worker) {
    const w = new Worker(new URL('./digest.worker.ts', import.meta.url), { type: 'module' });
    w.onmessage = (e: MessageEvent<{ id: number; digest?: string; error?: string }>) => settle(e.data.id, e.data);
    w.onerror = () => {
      for (const id of [...waiting.keys()]) settle(id, { error: 'The worker that hashes files stopped.' });
    };
    worker = w;
  }
  const id = next++;
  return new Promise<string>((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    worker!.postMessage({ id, blob });
  });
}
