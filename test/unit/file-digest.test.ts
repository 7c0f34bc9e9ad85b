import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Files } from '../../src/lib/state/data-files';
import { blobDigest, filesDigest, OFF_THREAD_BYTES, sameBytes } from '../../src/lib/state/file-digest';

const files = (dialogues: string, rest = 'x'): Files => ({
  dialogues: new Blob([dialogues]),
  venues: new Blob([rest]),
  topics: new Blob([rest]),
  sources: new Blob([rest]),
});

/** Counts the hashes made on this thread (crypto.subtle.digest), passing them through. */
function countHashes() {
  const digest = vi.spyOn(crypto.subtle, 'digest');
  return () => digest.mock.calls.length;
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('telling whether the data shown is the published data', () => {
  it('files of another size differ without being read or hashed (a 19 MB upload held the page 190–600 ms)', async () => {
    const hashes = countHashes();
    const published = files('id,date\nm1,2025\n');
    const applied = files('id,date\nm1,2025\nm2,2026\n');
    const read = vi.spyOn(applied.dialogues, 'arrayBuffer');
    expect(await sameBytes(applied, published)).toBe(false);
    expect(hashes()).toBe(0);
    expect(read).not.toHaveBeenCalled();
  });

  it('files of the same sizes are compared by their bytes', async () => {
    expect(await sameBytes(files('id,date\nm1,2025\n'), files('id,date\nm1,2026\n'))).toBe(false);
    expect(await sameBytes(files('id,date\nm1,2025\n'), files('id,date\nm1,2025\n'))).toBe(true);
  });

  it('hashes each file once, however often the same files are compared', async () => {
    const hashes = countHashes();
    const published = files('id\nm1\n');
    const shown = files('id\nm2\n');
    const first = await filesDigest(published);
    for (let i = 0; i < 5; i++) {
      expect(await sameBytes(shown, published)).toBe(false);
      expect(await filesDigest(published)).toBe(first);
    }
    expect(hashes()).toBe(8); // each of the eight Blobs once
    expect(first.split(':')[0]).toMatch(/^[0-9a-f]{64}$/);
  });

  it('hashes a large file in a worker, not on the page’s thread', async () => {
    const hashes = countHashes();
    const posted: Blob[] = [];
    class FakeWorker {
      onmessage: ((e: { data: unknown }) => void) | null = null;
      onerror: (() => void) | null = null;
      postMessage({ id, blob }: { id: number; blob: Blob }) {
        posted.push(blob);
        setTimeout(() => this.onmessage?.({ data: { id, digest: `worker-${blob.size}` } }));
      }
      terminate() {}
    }
    vi.stubGlobal('Worker', FakeWorker);
    const large = new Blob([new Uint8Array(OFF_THREAD_BYTES + 1)]);
    expect(await blobDigest(large)).toBe(`worker-${OFF_THREAD_BYTES + 1}`);
    expect(posted).toEqual([large]);
    expect(hashes()).toBe(0);
    // Small files are hashed here: a few milliseconds, no worker to start.
    await blobDigest(new Blob(['small']));
    expect(posted).toHaveLength(1);
    expect(hashes()).toBe(1);
  });
});
