import { afterEach, describe, expect, it, vi } from 'vitest';
import { DATA_FILES, type DataFileKind } from '../../src/lib/data/schema';
import type { Files } from '../../src/lib/state/data-files';
import { filesDigest } from '../../src/lib/state/file-digest';
import { awaitedLater } from '../../src/lib/state/publication';

const files = Object.fromEntries(
  (Object.keys(DATA_FILES) as DataFileKind[]).map((kind) => [kind, new Blob([`${kind}\n`])]),
) as Files;

describe('the published data’s digest, awaited later', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('is the files’ digest, one SHA-256 a file', async () => {
    expect((await awaitedLater(filesDigest(files))).split(':')).toHaveLength(Object.keys(DATA_FILES).length);
  });

  it('fails where it is awaited, not as an uncaught rejection, where there is no crypto.subtle (a page on plain http)', async () => {
    vi.stubGlobal('crypto', {});
    const uncaught: unknown[] = [];
    const note = (reason: unknown) => uncaught.push(reason);
    process.on('unhandledRejection', note);
    try {
      // Other files than above: each file's digest is made once.
      const other = Object.fromEntries(Object.entries(files).map(([k]) => [k, new Blob([`${k} on http\n`])])) as Files;
      const digest = awaitedLater(Promise.resolve().then(() => filesDigest(other)));
      // Awaited only later, as the dataset does once the data shown is ready to compare.
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(uncaught).toEqual([]);
      await expect(digest).rejects.toThrow();
    } finally {
      process.off('unhandledRejection', note);
    }
  });
});
