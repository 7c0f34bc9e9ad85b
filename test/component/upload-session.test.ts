import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Files } from '../../src/lib/state/dataset.svelte';
import { UploadSession } from '../../src/lib/state/upload.svelte';
import type { IngestMessage, IngestRequest } from '../../src/lib/ingest/protocol';

/** A worker that keeps what it is sent; the test answers for it. */
class FakeWorker {
  static all: FakeWorker[] = [];
  posted: unknown[] = [];
  onmessage: ((e: MessageEvent<IngestMessage>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  constructor() {
    FakeWorker.all.push(this);
  }
  postMessage(m: unknown) {
    this.posted.push(m);
  }
  terminate() {}
}
const requests = () =>
  FakeWorker.all.flatMap((w) => w.posted).filter((m): m is IngestRequest => (m as IngestRequest).type === 'ingest');

const files = (name: string): Files => {
  const blob = new Blob([name]);
  return { dialogues: blob, venues: blob, topics: blob, sources: blob };
};
const picked = [new File(['id\n'], 'edit-B.csv')];

/** Whether leaving the page now would be asked about (the listener cancels beforeunload). */
function leavingAsks(): boolean {
  const event = new Event('beforeunload', { cancelable: true });
  window.dispatchEvent(event);
  return event.defaultPrevented;
}

beforeEach(() => {
  FakeWorker.all = [];
  vi.stubGlobal('Worker', FakeWorker);
});
afterEach(() => vi.unstubAllGlobals());

describe('an upload under review', () => {
  it('makes leaving the page ask first, from picking the files until Apply or Discard, and never otherwise', () => {
    const session = new UploadSession();
    expect(leavingAsks()).toBe(false);
    session.start(picked, files('D0'), '1');
    expect(leavingAsks()).toBe(true); // being read
    FakeWorker.all[0]!.onmessage!({
      data: { type: 'failed', message: 'no' },
    } as MessageEvent<IngestMessage>);
    expect(leavingAsks()).toBe(false); // nothing to lose
    session.start(picked, files('D0'), '1');
    expect(leavingAsks()).toBe(true);
    session.dismiss(); // Discard (Apply discards the session too)
    expect(leavingAsks()).toBe(false);
    session.start(picked, files('D0'), '1');
    session.cancel(); // Cancel while reading
    expect(leavingAsks()).toBe(false);
    // Cancelled, the files are not read again when the data shown changes.
    expect(session.recheck(files('D1'), '2', 'other')).toBe(false);
  });

  it('is checked again when another tab changes the data, counting from the data before, whichever is told first', () => {
    const [d0, d1] = [files('D0'), files('D1')];
    const session = new UploadSession();
    session.start(picked, d0, '1');
    expect(requests()[0]!.since).toBeUndefined();
    // The page's check against the new data runs first, then the other tab's change is told.
    session.recheck(d1, '2', 'edit-A.csv');
    session.changedElsewhere(d0, 'edit-A.csv');
    expect(requests().map((r) => [r.current, r.since])).toEqual([
      [d0, undefined],
      [d1, undefined],
      [d1, d0],
    ]);
    expect(session.elsewhere).toEqual({ label: 'edit-A.csv', at: expect.stringMatching(/^\d\d:\d\d:\d\d$/) });

    // Told first: the check that follows counts it; a second change is counted from the first one's before.
    FakeWorker.all = [];
    const other = new UploadSession();
    other.start(picked, d0, '1');
    other.changedElsewhere(d0, 'edit-A.csv');
    other.recheck(d1, '2', 'edit-A.csv');
    const d2 = files('D2');
    other.recheck(d2, '3', 'edit-A2.csv');
    other.changedElsewhere(d1, 'edit-A2.csv');
    expect(requests().map((r) => [r.current, r.since])).toEqual([
      [d0, undefined],
      [d1, d0],
      [d2, d0],
      [d2, d0],
    ]);
    expect(other.elsewhere?.label).toBe('edit-A2.csv');

    // A new pick starts afresh.
    other.start(picked, d2, '3');
    expect(other.elsewhere).toBeNull();
    expect(requests().at(-1)!.since).toBeUndefined();
  });

  it('is not marked by another tab’s change when nothing is under review', () => {
    const session = new UploadSession();
    session.changedElsewhere(files('D0'), 'edit-A.csv');
    expect(session.elsewhere).toBeNull();
  });
});
