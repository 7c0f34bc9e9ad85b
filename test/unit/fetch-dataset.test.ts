import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchDatasetTexts, prefetchDataset, STALL_MS } from '../../src/lib/data/fetch-dataset';

const BASE = 'http://atlas.test/data/';
const FILES: Record<string, string> = {
  'dialogues.csv': 'id,date\n',
  'venues.geojson': '{"type":"FeatureCollection","features":[]}',
  'topics.csv': 'id,label,theme\n',
  'sources.csv': 'id,title\n',
};

/** Answers every file, except those in `hang`, which never answer (until aborted). */
function server(hang: string[] = [], status: Record<string, number> = {}): typeof fetch {
  return (async (input: RequestInfo | URL, init?: RequestInit) => {
    const name = String(input).split('/').pop() ?? '';
    if (hang.includes(name)) {
      return new Promise<Response>((_, reject) =>
        init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
      );
    }
    return new Response(FILES[name] ?? '', { status: status[name] ?? 200 });
  }) as typeof fetch;
}

afterEach(() => vi.unstubAllGlobals());

describe('fetchDatasetTexts', () => {
  it('returns the four files by kind', async () => {
    const texts = await fetchDatasetTexts(BASE, { fetcher: server() });
    expect(texts).toEqual({
      dialogues: FILES['dialogues.csv'],
      venues: FILES['venues.geojson'],
      topics: FILES['topics.csv'],
      sources: FILES['sources.csv'],
    });
  });

  it('names the file the server refused', async () => {
    await expect(fetchDatasetTexts(BASE, { fetcher: server([], { 'topics.csv': 503 }) })).rejects.toThrow(
      /Could not load topics\.csv: the server answered 503/,
    );
  });

  it('gives up on a file with no answer, naming it and the wait', async () => {
    await expect(fetchDatasetTexts(BASE, { fetcher: server(['dialogues.csv']), timeoutMs: 20 })).rejects.toThrow(
      /^The server did not answer for dialogues\.csv within/,
    );
  });

  it('says 15 seconds by default', async () => {
    vi.useFakeTimers();
    try {
      const result = fetchDatasetTexts(BASE, { fetcher: server(['sources.csv']) });
      const settled = expect(result).rejects.toThrow('within 15 seconds');
      await vi.advanceTimersByTimeAsync(15_000);
      await settled;
    } finally {
      vi.useRealTimers();
    }
  });

  it('uses the fetch started at boot once, then fetches anew (Try again)', async () => {
    const calls: string[] = [];
    const inner = server();
    vi.stubGlobal('fetch', (async (input: RequestInfo | URL, init?: RequestInit) => {
      calls.push(String(input));
      return inner(input, init);
    }) as typeof fetch);
    prefetchDataset(BASE);
    expect(calls).toHaveLength(4);
    await fetchDatasetTexts(BASE);
    expect(calls).toHaveLength(4); // the boot fetch was taken
    await fetchDatasetTexts(BASE);
    expect(calls).toHaveLength(8); // a second load fetches again
  });

  it('asks again once when a connection breaks off, and reads the file then', async () => {
    const calls: string[] = [];
    const inner = server();
    const flaky = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const name = String(input).split('/').pop() ?? '';
      calls.push(name);
      if (name === 'topics.csv' && calls.filter((c) => c === name).length === 1) {
        // The headers arrive, then the body breaks off.
        return new Response(new ReadableStream({ start: (c) => c.error(new TypeError('network error')) }));
      }
      return inner(input, init);
    }) as typeof fetch;
    const texts = await fetchDatasetTexts(BASE, { fetcher: flaky });
    expect(texts.topics).toBe(FILES['topics.csv']);
    expect(calls.filter((c) => c === 'topics.csv')).toHaveLength(2);
  });

  it('a connection that fails twice is reported by file; a refusal is not asked again', async () => {
    const calls: string[] = [];
    const refusing = (async (input: RequestInfo | URL) => {
      const name = String(input).split('/').pop() ?? '';
      calls.push(name);
      if (name === 'sources.csv') throw new TypeError('Failed to fetch');
      return new Response('', { status: name === 'venues.geojson' ? 404 : 200 });
    }) as typeof fetch;
    await expect(fetchDatasetTexts(BASE, { fetcher: refusing })).rejects.toThrow(/Could not load venues\.geojson/);
    expect(calls.filter((c) => c === 'venues.geojson')).toHaveLength(1);

    calls.length = 0;
    const dropping = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const name = String(input).split('/').pop() ?? '';
      calls.push(name);
      if (name === 'sources.csv') throw new TypeError('Failed to fetch');
      return server()(input, init);
    }) as typeof fetch;
    await expect(fetchDatasetTexts(BASE, { fetcher: dropping })).rejects.toThrow(
      'Could not reach sources.csv: the network request failed.',
    );
    expect(calls.filter((c) => c === 'sources.csv')).toHaveLength(2);
  });

  it('a body that stops arriving (a preloaded answer Chromium never delivered) is asked for again', async () => {
    vi.useFakeTimers();
    try {
      const calls: string[] = [];
      const inner = server();
      const stalling = (async (input: RequestInfo | URL, init?: RequestInit) => {
        const name = String(input).split('/').pop() ?? '';
        calls.push(name);
        // The headers arrive, then nothing: no bytes, no end, no error.
        if (name === 'venues.geojson' && calls.filter((c) => c === name).length === 1)
          return new Response(new ReadableStream());
        return inner(input, init);
      }) as typeof fetch;
      const result = fetchDatasetTexts(BASE, { fetcher: stalling });
      await vi.advanceTimersByTimeAsync(STALL_MS - 1);
      expect(calls.filter((c) => c === 'venues.geojson')).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(1000);
      expect(calls.filter((c) => c === 'venues.geojson')).toHaveLength(2);
      expect((await result).venues).toBe(FILES['venues.geojson']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('a large body arriving slowly, a chunk within each few seconds, is read whole and asked for once', async () => {
    vi.useFakeTimers();
    try {
      const calls: string[] = [];
      const inner = server();
      const pieces = ['id,date\n', 'a,2024-01-01\n', 'b,2025-02-03\n', 'c,2026-03-04\n'];
      const slow = (async (input: RequestInfo | URL, init?: RequestInit) => {
        const name = String(input).split('/').pop() ?? '';
        calls.push(name);
        if (name !== 'dialogues.csv') return inner(input, init);
        let i = 0;
        const body = new ReadableStream<Uint8Array>({
          pull: (controller) =>
            new Promise<void>((resolve) =>
              setTimeout(() => {
                if (i < pieces.length) controller.enqueue(new TextEncoder().encode(pieces[i++]));
                else controller.close();
                resolve();
              }, STALL_MS - 500),
            ),
        });
        return new Response(body);
      }) as typeof fetch;
      const result = fetchDatasetTexts(BASE, { fetcher: slow });
      await vi.advanceTimersByTimeAsync((STALL_MS - 500) * (pieces.length + 1));
      expect((await result).dialogues).toBe(pieces.join(''));
      expect(calls.filter((c) => c === 'dialogues.csv')).toHaveLength(1);
    } finally {
      vi.useRealTimers();
    }
  });
});
