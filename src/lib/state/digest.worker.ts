/// <reference lib="webworker" />
import { hex } from './hex';

/**
 * SHA-256 of a Blob, off the page's thread: Chromium's crypto.subtle.digest hashes on the thread
 * that calls it (a 19 MB file held the page for 190–600 ms), so large files are hashed here.
 */
self.onmessage = async (event: MessageEvent<{ id: number; blob: Blob }>) => {
  const { id, blob } = event.data;
  try {
    self.postMessage({ id, digest: hex(await crypto.subtle.digest('SHA-256', await blob.arrayBuffer())) });
  } catch (e) {
    self.postMessage({ id, error: e instanceof Error ? e.message : String(e) });
  }
};
