import { packedSource } from '../data/packed-meetings';
import type { Dataset, DataFileKind } from '../data/schema';
import { dataPackageZip, datasetFile } from './data-package';
import { yieldToPage } from '../data/steps';
import { postInSlices, type SliceMessage } from './array-slices';
import type { FileSource } from './file-pieces';
import type { PackageAbout } from './package-readme';

/** A data file, or the data package (the four, datapackage.json and README.txt, zipped). */
export type DownloadKind = DataFileKind | 'package';

/** What the page asks of data-files.worker.ts: which file, then the data (a FileSource) in slices. */
export type DownloadRequest = { type: 'write'; kind: DownloadKind; about: PackageAbout } | SliceMessage;

/** What data-files.worker.ts answers: how far it is (0–1), then the file or why it could not be made. */
export type DownloadMessage =
  { type: 'progress'; fraction: number } | { type: 'done'; blob: Blob } | { type: 'failed'; message: string };

/**
 * Below this many rows (of the file asked for; of the four for the package), a download is
 * written on the page's thread, at once: 2,000 meetings take about 20 ms there on this machine
 * (20,000 took 200 ms, and it grows with the rows), within the page's 50 ms per task, and less
 * than a worker takes to start. The published data (9 meetings) is written so. From this many on,
 * in a worker, with progress: the page's thread only copies the packed columns to it (typed
 * arrays and a few strings, a slice at a time: array-slices.ts), a few milliseconds per task
 * where writing them took seconds in one.
 */
export const ON_PAGE_ROWS = 2000;

const rowsOf = (dataset: Dataset, kind: DownloadKind): number =>
  kind === 'package'
    ? dataset.dialogues.length + dataset.venues.length + dataset.topics.length + dataset.sources.length
    : dataset[kind].length;

/**
 * A download of the data shown: written here when it is small, else in a worker (file-pieces.ts
 * writes the same bytes there). `about`: what the package's README.txt and datapackage.json say of
 * it (unused by a single file). `onProgress` gets 0–1 while a worker writes it. Rejects, with the
 * reason in words, when it cannot be made.
 */
export async function prepareDownload(
  dataset: Dataset,
  kind: DownloadKind,
  about: PackageAbout,
  onProgress: (fraction: number) => void = () => {},
): Promise<Blob> {
  const wanted = (k: DataFileKind) => kind === 'package' || kind === k;
  // The meetings the page shows are packed (show-files.ts packs every dataset it reads): their
  // columns are sent as they are, and the worker makes the meetings again a slice at a time.
  const packed = wanted('dialogues') ? packedSource(dataset.dialogues) : undefined;
  if (
    typeof Worker === 'undefined' ||
    rowsOf(dataset, kind) < ON_PAGE_ROWS ||
    // Meetings made already (only the briefing's, which has no data panel) are written here.
    (wanted('dialogues') && !packed)
  )
    return kind === 'package' ? dataPackageZip(dataset, about) : datasetFile(dataset, kind);
  const source: FileSource = {
    dialogues: packed ?? [],
    venues: wanted('venues') ? dataset.venues : [],
    topics: wanted('topics') ? dataset.topics : [],
    sources: wanted('sources') ? dataset.sources : [],
  };
  const worker = new Worker(new URL('./data-files.worker.ts', import.meta.url), { type: 'module' });
  try {
    return await new Promise<Blob>((resolve, reject) => {
      worker.onmessage = (event: MessageEvent<DownloadMessage>) => {
        const m = event.data;
        if (m.type === 'progress') onProgress(m.fraction);
        else if (m.type === 'done') resolve(m.blob);
        else reject(new Error(m.message));
      };
      worker.onerror = (e) => reject(new Error(e.message || 'the worker writing it stopped'));
      const post = (m: DownloadRequest, transfer: ArrayBuffer[] = []) => worker.postMessage(m, transfer);
      post({ type: 'write', kind, about });
      postInSlices(source, post, yieldToPage).catch(reject);
    });
  } finally {
    worker.terminate();
  }
}
