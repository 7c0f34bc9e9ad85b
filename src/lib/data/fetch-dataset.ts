import type { DatasetTexts } from './dataset';
import { DATA_FILES, type DataFileKind } from './schema';

/** How long a data file may go unanswered before the viewer is told (and offered Try again). */
export const DATA_TIMEOUT_MS = 15_000;

export interface FetchOptions {
  fetcher?: typeof fetch;
  /** Give up on a file that has not fully arrived after this long. */
  timeoutMs?: number;
}

/** The four data files as they came, undecoded: a large file goes to the worker without a copy on the page. */
export type DatasetFiles = Record<DataFileKind, Blob>;

/**
 * Fetches the four data files from `baseUrl` (the served `data/` folder). Rejects with a
 * message that names the file and what went wrong, including a server that does not answer.
 * A fetch started at boot by `prefetchDataset` for the same folder is used instead of a new one.
 */
export function fetchDatasetFiles(baseUrl: string, options: FetchOptions | typeof fetch = {}): Promise<DatasetFiles> {
  const { fetcher = fetch, timeoutMs = DATA_TIMEOUT_MS } = typeof options === 'function' ? { fetcher: options } : options;
  const early = takePrefetched(baseUrl, fetcher);
  return early ?? requestAll(baseUrl, fetcher, timeoutMs);
}

/** `fetchDatasetFiles`, as text. */
export async function fetchDatasetTexts(baseUrl: string, options: FetchOptions | typeof fetch = {}): Promise<DatasetTexts> {
  const files = await fetchDatasetFiles(baseUrl, options);
  const kinds = Object.keys(files) as DataFileKind[];
  const texts = await Promise.all(kinds.map((kind) => files[kind].text()));
  return Object.fromEntries(kinds.map((kind, i) => [kind, texts[i]])) as DatasetTexts;
}

let prefetched: { baseUrl: string; texts: Promise<DatasetFiles> } | null = null;

/**
 * Starts fetching the data files now, before the app has mounted (index.html has also asked the
 * browser to preload them, so this usually picks up bytes already on their way). The first
 * `fetchDatasetTexts` for the same folder takes the result; later ones (Try again) fetch anew.
 */
export function prefetchDataset(baseUrl: string, timeoutMs: number = DATA_TIMEOUT_MS): void {
  const texts = requestAll(baseUrl, fetch, timeoutMs);
  // Handled by whoever takes it; no "unhandled rejection" if the app never asks (a briefing).
  texts.catch(() => {});
  prefetched = { baseUrl, texts };
}

function takePrefetched(baseUrl: string, fetcher: typeof fetch): Promise<DatasetFiles> | null {
  if (!prefetched || prefetched.baseUrl !== baseUrl || fetcher !== fetch) return null;
  const { texts } = prefetched;
  prefetched = null;
  return texts;
}

async function requestAll(baseUrl: string, fetcher: typeof fetch, timeoutMs: number): Promise<DatasetFiles> {
  const kinds = Object.keys(DATA_FILES) as DataFileKind[];
  // One deadline for all four: the first file that is late aborts the others too.
  const controller = new AbortController();
  const late = new Set<string>(kinds.map((k) => DATA_FILES[k]));
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const texts = await Promise.all(
      kinds.map(async (kind) => {
        const name = DATA_FILES[kind];
        const text = await requestOne(new URL(name, baseUrl).href, name, fetcher, controller.signal, timeoutMs, late);
        late.delete(name);
        return text;
      }),
    );
    return Object.fromEntries(kinds.map((kind, i) => [kind, texts[i]])) as DatasetFiles;
  } catch (e) {
    controller.abort(); // one failed: stop waiting for the others
    throw e;
  } finally {
    clearTimeout(timer);
  }
}

/** A dropped connection is asked for again once, after this pause, before the viewer is told. */
export const RETRY_PAUSE_MS = 300;

/** A request that failed on the way (no answer, or the body broke off), as against a server's refusal. */
class DroppedConnection extends Error {}

async function requestOne(
  url: string,
  name: string,
  fetcher: typeof fetch,
  signal: AbortSignal,
  timeoutMs: number,
  late: Set<string>,
): Promise<Blob> {
  const timedOut = () =>
    new Error(
      `The server did not answer for ${[...late].join(', ') || name} within ${Math.round(timeoutMs / 1000)} seconds.`,
    );
  try {
    return await requestOnce(url, name, fetcher, signal);
  } catch (e) {
    if (signal.aborted) throw timedOut();
    if (!(e instanceof DroppedConnection)) throw e;
    // Phones and busy servers drop a connection now and then: one more try, within the same deadline.
    await new Promise((resolve) => setTimeout(resolve, RETRY_PAUSE_MS));
    if (signal.aborted) throw timedOut();
    try {
      return await requestOnce(url, name, fetcher, signal);
    } catch (again) {
      throw signal.aborted ? timedOut() : again;
    }
  }
}

async function requestOnce(url: string, name: string, fetcher: typeof fetch, signal: AbortSignal): Promise<Blob> {
  let response: Response;
  try {
    response = await fetcher(url, { signal });
  } catch {
    throw new DroppedConnection(`Could not reach ${name}: the network request failed.`);
  }
  if (!response.ok) {
    throw new Error(`Could not load ${name}: the server answered ${response.status} ${response.statusText}`.trim() + '.');
  }
  // As bytes: decoding (and copying) a large file here would be a long task on the page.
  return readBody(response, name);
}

/**
 * A body from which no bytes come for this long is taken as stalled, and asked for again (once,
 * within the same deadline). Measured: Chromium 156, on a reload with another browser busy beside
 * it, now and then answered a fetch from index.html's preload and then never delivered its body
 * (`response.blob()` pending for good, about 1 reload in 100); the page said "Loading the data…"
 * until the 15-second deadline. A second request is not the preload's, and arrives.
 */
export const STALL_MS = 3000;

/**
 * The body, read in chunks so a stall shows: a chunk each few seconds is progress, however large
 * the file. A stall, like a body that breaks off, is a dropped connection (asked for again once).
 */
async function readBody(response: Response, name: string): Promise<Blob> {
  const reader = response.body?.getReader();
  const parts: Uint8Array<ArrayBuffer>[] = [];
  for (;;) {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const chunk = await Promise.race([
      reader?.read() ?? { done: true as const },
      new Promise<null>((resolve) => (timer = setTimeout(resolve, STALL_MS, null))),
    ])
      .catch(() => undefined)
      .finally(() => clearTimeout(timer));
    if (!chunk) {
      reader?.cancel().catch(() => {});
      throw new DroppedConnection(`Could not read ${name}: the connection broke off.`);
    }
    if (chunk.done) return new Blob(parts);
    parts.push(chunk.value);
  }
}
