/// <reference lib="webworker" />
import type { DatasetTexts } from '../data/dataset';
import { packDataset, type PackedDataset } from '../data/packed';
import { forTransfer, type Movable } from '../data/packed-transfer';
import { readTextPieces } from '../data/read-text';
import type { DataFileKind } from '../data/schema';
import { CurrentData, ingestFiles } from './ingest';
import type { OverwriteCounts } from './ingest-result';
import { overwrites } from './overwrites';
import type {
  BuildRequest,
  IngestMessage,
  IngestRequest,
  PrepareMoveRequest,
  PrepareRequest,
  SendPreparedRequest,
} from './protocol';

/**
 * Reads, checks and diffs uploaded files off the page's thread. The page sees only progress
 * (a few messages a second) and the result; large texts travel as Blobs, not copies.
 */
let indexed: { key: string; data: CurrentData } | null = null;
/** The last upload's dataset, packed, and made ready to move once the page has drawn the diff. */
let prepared: PackedDataset | null = null;
let movable: Movable | null = null;
const post = (m: IngestMessage) => self.postMessage(m);
/** A packed dataset to the page: its typed arrays (and long texts, as codes) are moved, not copied. */
const postPacked = (type: 'prepared' | 'built', { packed, buffers }: Movable) =>
  self.postMessage({ type, packed } satisfies IngestMessage, buffers);

/** Files → the dataset to show, read (dialogues.csv streamed from its Blob) and checked here. */
async function build(files: Record<DataFileKind, Blob>): Promise<PackedDataset> {
  post({ type: 'progress', phase: 'reading', file: 'dialogues.csv', rows: 0, fraction: 0 });
  const [dialogues, venues, topics, sources] = await Promise.all([
    readTextPieces(files.dialogues, async () => {}),
    files.venues.text(),
    files.topics.text(),
    files.sources.text(),
  ]);
  return packDataset({ dialogues, venues, topics, sources }, (fraction) =>
    post({ type: 'progress', phase: 'reading', file: 'dialogues.csv', rows: 0, fraction }),
  );
}

/** Files as texts. */
async function textsOf(files: Record<DataFileKind, Blob>): Promise<DatasetTexts> {
  return Object.fromEntries(
    await Promise.all(Object.entries(files).map(async ([kind, blob]) => [kind, await blob.text()])),
  ) as DatasetTexts;
}

/** The data shown now, indexed once per `key`; the index before is let go first (one in memory). */
async function index(current: Record<DataFileKind, Blob>, key: string): Promise<CurrentData> {
  if (indexed?.key === key) return indexed.data;
  indexed = null;
  indexed = { key, data: new CurrentData(await textsOf(current)) };
  return indexed.data;
}

self.onmessage = async (
  event: MessageEvent<IngestRequest | PrepareRequest | BuildRequest | SendPreparedRequest | PrepareMoveRequest>,
) => {
  if (event.data.type === 'send-prepared') {
    // None (another upload began since): the page reads the files itself.
    // Sent when Apply asks (receiving it is a task on the page).
    if (prepared) postPacked('prepared', movable ?? forTransfer(prepared));
    else post({ type: 'prepared', packed: null });
    [prepared, movable] = [null, null];
    return;
  }
  if (event.data.type === 'prepare-move') {
    if (prepared && !movable) movable = forTransfer(prepared);
    return;
  }
  if (event.data.type === 'ingest') [prepared, movable] = [null, null];
  if (event.data.type === 'build') {
    try {
      postPacked('built', forTransfer(await build(event.data.files)));
    } catch (e) {
      post({ type: 'failed', message: e instanceof Error ? e.message : String(e) });
    }
    return;
  }
  if (event.data.type === 'prepare') {
    // Silent: a failure here shows again, with its message, when an upload needs the index.
    await index(event.data.current, event.data.key).catch(() => {});
    return;
  }
  const { files, kept, current, key, mode, since } = event.data;
  try {
    post({ type: 'progress', phase: 'reading', file: files[0]?.name ?? '', rows: 0, fraction: 0 });
    if (indexed?.key !== key) {
      post({ type: 'progress', phase: 'indexing', file: 'the data shown now', rows: 0, fraction: 0 });
    }
    const data = await index(current, key);
    const result = await ingestFiles(
      files.map((file) => ({ name: file.name, data: file })),
      data,
      mode,
      (p) => post({ type: 'progress', phase: 'checking', ...p }),
      true,
      kept?.map((file) => ({ name: file.name, data: file })),
    );
    const { texts, pack, ...rest } = result;
    // Another tab changed the data since the files were picked: what applying them takes back of it.
    if (since) {
      let counted: OverwriteCounts | null = null;
      try {
        counted = overwrites(await textsOf(since), data.texts, texts, result.kinds);
      } catch {
        // Not counted: the question before Apply says so, in general words.
      }
      rest.overwrites = counted;
    }
    const blobs = Object.fromEntries(
      Object.entries(texts).map(([kind, text]) => [
        kind,
        current[kind as DataFileKind] && !result.kinds.includes(kind as DataFileKind)
          ? current[kind as DataFileKind]
          : new Blob([text]),
      ]),
    ) as Record<DataFileKind, Blob>;
    post({ type: 'done', result: rest, files: blobs });
    // The dataset Apply would show, packed from the rows just read, while the page draws the
    // review (a message asking for it waits until this is done): Apply reads no CSV.
    prepared = pack?.() ?? null;
  } catch (e) {
    post({ type: 'failed', message: e instanceof Error ? e.message : String(e) });
  }
};
