import { packDataset, type PackedDataset } from '../data/packed';
import { readTextPieces } from '../data/read-text';
import type { DataFileKind } from '../data/schema';
import type { BuildRequest, IngestMessage } from '../ingest/protocol';

/** Below this, dialogues.csv is read on the page's thread: a worker's start would cost more. */
const SMALL = 512 * 1024;

/**
 * Reads data files into a packed dataset in a Web Worker (the upload's worker script), so a
 * large dialogues.csv — published on the server or applied earlier — is read and checked off
 * the page's thread, with progress (0–1). Small files, and without workers (Node), on this thread.
 */
export async function readDataset(
  files: Record<DataFileKind, Blob>,
  onProgress: (fraction: number) => void = () => {},
): Promise<PackedDataset> {
  if (typeof Worker === 'undefined' || files.dialogues.size < SMALL) {
    const [dialogues, venues, topics, sources] = await Promise.all([
      readTextPieces(files.dialogues),
      files.venues.text(),
      files.topics.text(),
      files.sources.text(),
    ]);
    return packDataset({ dialogues, venues, topics, sources }, onProgress);
  }
  const worker = new Worker(new URL('../ingest/ingest.worker.ts', import.meta.url), { type: 'module' });
  try {
    return await new Promise<PackedDataset>((resolve, reject) => {
      worker.onmessage = (event: MessageEvent<IngestMessage>) => {
        const m = event.data;
        if (m.type === 'progress') onProgress(m.fraction);
        else if (m.type === 'built') resolve(m.packed);
        else if (m.type === 'failed') reject(new Error(m.message));
      };
      worker.onerror = (e) => reject(new Error(`The data could not be read: ${e.message || 'the worker stopped'}.`));
      const request: BuildRequest = { type: 'build', files };
      worker.postMessage(request);
    });
  } finally {
    worker.terminate();
  }
}
