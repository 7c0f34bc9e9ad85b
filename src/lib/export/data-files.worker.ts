/// <reference lib="webworker" />
import { SliceReceiver } from './array-slices';
import { fileBlob, packageBlob, type FileSource } from './file-pieces';
import type { PackageAbout } from './package-readme';
import type { DownloadKind, DownloadMessage, DownloadRequest } from './prepare-download';

/**
 * Writes a download of large data off the page's thread (see prepare-download.ts): one data file,
 * or the data package. Messages in: what to write, then the data (the meetings as packed columns),
 * its typed arrays in slices (array-slices.ts). Messages out: how far it is (0–1), then the file
 * as a Blob (handed over, not copied), or why it could not be made.
 */
let kind: DownloadKind = 'dialogues';
let about: PackageAbout = { created: '', unpublished: false, address: '' };
const receiver = new SliceReceiver();

self.onmessage = (event: MessageEvent<DownloadRequest>) => {
  const m = event.data;
  const post = (m: DownloadMessage) => self.postMessage(m);
  try {
    if (m.type === 'write') {
      ({ kind, about } = m);
      return;
    }
    const taken = receiver.take(m);
    if (!taken) return;
    const source = taken.value as FileSource;
    let last = -1;
    const onProgress = (fraction: number) => {
      // A message per percent at most.
      const percent = Math.floor(fraction * 100);
      if (percent > last) post({ type: 'progress', fraction: (last = percent) / 100 });
    };
    post({
      type: 'done',
      blob: kind === 'package' ? packageBlob(source, about, onProgress) : fileBlob(source, kind, onProgress),
    });
  } catch (e) {
    post({ type: 'failed', message: e instanceof Error ? e.message : String(e) });
  }
};
