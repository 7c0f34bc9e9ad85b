import { afterEach, describe, expect, it, vi } from 'vitest';
import { venuesOutside } from '../../src/lib/state/venues-outside';

/** A worker that never answers, as one still reading the outlines. */
class SlowWorker {
  static made: SlowWorker[] = [];
  terminated = false;
  onmessage: unknown = null;
  onerror: unknown = null;
  constructor() {
    SlowWorker.made.push(this);
  }
  postMessage() {}
  terminate() {
    this.terminated = true;
  }
}

describe('venuesOutside', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('ends its worker when the answer is no longer wanted (the data shown changed again)', async () => {
    vi.stubGlobal('Worker', SlowWorker);
    const wanted = new AbortController();
    const venue = { id: 'kabul', name: 'Kabul', country: 'Afghanistan', lon: 69.2, lat: 34.6 };
    const answer = venuesOutside([venue], wanted.signal);
    expect(SlowWorker.made).toHaveLength(1);
    expect(SlowWorker.made[0]!.terminated).toBe(false);
    wanted.abort();
    await expect(answer).rejects.toBeDefined();
    expect(SlowWorker.made[0]!.terminated).toBe(true);
  });
});
