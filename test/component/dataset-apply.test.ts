import { describe, expect, it, vi } from 'vitest';
import { DatasetState } from '../../src/lib/state/dataset.svelte';

// The read of applied files fails, as a worker out of memory would make it.
vi.mock('../../src/lib/state/show-files', () => ({
  readForShow: vi.fn(() => Promise.reject(new Error('The data could not be read: out of memory.'))),
}));

describe('DatasetState.apply', () => {
  it('says an upload that cannot be read was not applied, and leaves the data and its history as they were', async () => {
    const data = new DatasetState();
    const blob = (text: string) => new Blob([text], { type: 'text/csv' });
    const files = {
      dialogues: blob('id\n'),
      venues: blob('{}'),
      topics: blob('id,label\n'),
      sources: blob('id,title\n'),
    };
    await expect(data.apply(files, 'big.csv (uploaded 7 Dec 2026, 04:10:00)')).resolves.toBeUndefined();
    expect(data.notice).toBe(
      `The upload could not be applied (The data could not be read: out of memory). Nothing changed: this tab still shows “${data.label}”. Pick its files again to try once more.`,
    );
    expect(data.previous).toBeNull();
    expect(data.busy).toBe(false);
    expect(data.activity).toBeNull();
  });
});
