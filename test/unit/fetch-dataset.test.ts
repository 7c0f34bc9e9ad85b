import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchDatasetTexts, prefetchDataset } from '../../src/lib/data/fetch-dataset';

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
});
