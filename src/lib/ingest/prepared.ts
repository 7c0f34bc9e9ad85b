import type { PackedDataset } from '../data/packed';

/**
 * Datasets the upload worker has already read, by the Blob of dialogues.csv they were read
 * from: Apply shows the upload from here instead of reading its CSV again. A promise, as the
 * worker packs the dataset just after the diff is shown and Apply may come first; null when
 * it will not come (the upload was dropped), and the files are then read afresh.
 */
interface Entry {
  /** Asks the worker for it (it keeps it until Apply: receiving it is a task on the page). */
  request: () => void;
  promise: Promise<PackedDataset | null>;
  settle: (p: PackedDataset | null) => void;
  settled: boolean;
  taken: boolean;
}
const prepared = new WeakMap<Blob, Entry>();

/** The worker holds the packed dataset for this Blob, and sends it when `request` asks. */
export function expectPacked(blob: Blob, request: () => void = () => {}): void {
  let settle: (p: PackedDataset | null) => void = () => {};
  const promise = new Promise<PackedDataset | null>((resolve) => (settle = resolve));
  prepared.set(blob, { request, promise, settle, settled: false, taken: false });
}

/** It has arrived (or, with null, will not). Kept until taken, and only once. */
export function settlePacked(blob: Blob, packed: PackedDataset | null): void {
  const entry = prepared.get(blob);
  if (!entry || entry.settled) return;
  entry.settled = true;
  entry.settle(packed);
  if (entry.taken || packed === null) prepared.delete(blob);
}

/** The packed dataset for this Blob, once (waiting for it if it is on its way); null when there is none. */
export function takePacked(blob: Blob): Promise<PackedDataset | null> {
  const entry = prepared.get(blob);
  if (!entry) return Promise.resolve(null);
  if (!entry.taken && !entry.settled) entry.request();
  entry.taken = true;
  if (entry.settled) prepared.delete(blob);
  return entry.promise;
}
