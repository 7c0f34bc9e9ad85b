import { datasetSteps, type BuiltDataset, type DatasetTexts } from '../data/dataset';
import { fetchDatasetTexts } from '../data/fetch-dataset';
import type { Problem } from '../data/problems';
import { EMPTY_DATASET, type Dataset, type DataFileKind } from '../data/schema';
import { unpackSteps } from '../data/packed';
import { runInSlices, runNow } from '../data/steps';
import { datasetViews, EMPTY_VIEWS, type DatasetViews } from '../data/views';
import { takePacked } from '../ingest/prepared';
import {
  HISTORY_LIMIT,
  newEntryId,
  storage,
  StorageConflict,
  StorageTimeout,
  type Entry,
  type History,
  type StoredData,
} from '../ingest/storage';
import { readDataset } from './read-dataset';

export type LoadStatus = 'loading' | 'ready' | 'failed';
export type Files = Record<DataFileKind, Blob>;

/** The site's own data/ folder: what was published, which may have been replaced since the build. */
export const BUNDLED_LABEL = 'published data';

/** At start, how long the page waits for storage before showing the bundled data (and saying so). */
const START_WAIT_MS = 2500;
/** Tabs of this site tell each other when they change the stored data. */
const CHANNEL = 'dialogue-atlas-data';

const SLOW_STORAGE =
  'This browser’s storage has not answered yet. The published data is shown meanwhile; data applied in this browser before will follow when storage answers.';

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const toFiles = (texts: DatasetTexts): Files =>
  Object.fromEntries(Object.entries(texts).map(([k, t]) => [k, new Blob([t], { type: 'text/plain' })])) as Files;

/** The files' text, whole (for writing them out again: the offline briefing). */
export async function readTexts(files: Files): Promise<DatasetTexts> {
  const [dialogues, venues, topics, sources] = await Promise.all([
    files.dialogues.text(),
    files.venues.text(),
    files.topics.text(),
    files.sources.text(),
  ]);
  return { dialogues, venues, topics, sources };
}

/** The dataset the dashboard shows, where it came from, and the views derived from it. */
export class DatasetState {
  status = $state<LoadStatus>('loading');
  /** Why loading failed, in words for the viewer. */
  failure = $state<string | null>(null);
  dataset = $state.raw<Dataset>(EMPTY_DATASET);
  /** The first problems in the files (up to PROBLEM_LIMIT); `problemCounts` counts them all. */
  problems = $state.raw<Problem[]>([]);
  problemCounts = $state.raw({ errors: 0, warnings: 0 });
  /** Which data this is, in words: "published data", or an uploaded file's name and time. */
  label = $state(BUNDLED_LABEL);
  /** The same files as Blobs: what uploads are compared with, and what is stored. */
  files = $state.raw<Files | null>(null);
  /** Changes with every dataset shown: the upload worker indexes each one once. */
  generation = $state(0);
  /** The data before the last apply, for Undo. */
  previous = $state.raw<StoredData | null>(null);
  /** The data Undo went back from, for Redo. */
  next = $state.raw<StoredData | null>(null);
  /** Set when the browser would not store the data: it stays for this session only. */
  storageProblem = $state<string | null>(null);
  /** What happened that the analyst did not do here (another tab's apply, a failed reset), in words. */
  notice = $state<string | null>(null);
  /** Another tab saved newer data while this tab was changing its own: this tab's change is not stored yet. */
  conflict = $state.raw<{ label: string } | null>(null);
  /** Called when this tab follows another tab's change (an upload under review is then out of date). */
  onfollow: (() => void) | null = null;
  /** True while data is being read (in slices) and stored: apply, undo and reset wait. */
  busy = $state(false);
  /** What is being done meanwhile, in words: "Reading the data: 40%", "Saving it in this browser". */
  activity = $state<string | null>(null);

  /** What the views draw of the whole dataset, computed with it (in slices when it is large). */
  views = $state.raw<DatasetViews>(EMPTY_VIEWS);

  get partners() {
    return this.views.partners;
  }
  get topicCounts() {
    return this.views.topicCounts;
  }
  get lanes() {
    return this.views.lanes;
  }
  get venues() {
    return this.views.venues;
  }
  get venueNames() {
    return this.views.venueNames;
  }
  get columns() {
    return this.views.columns;
  }
  get known() {
    return this.views.known;
  }
  get held() {
    return this.views.held;
  }
  get planned() {
    return this.views.planned;
  }

  /** Fetches the bundled files from `baseUrl` (the served `data/` folder) and shows them. */
  async load(baseUrl: string, fetcher: typeof fetch = fetch): Promise<void> {
    this.status = 'loading';
    this.failure = null;
    try {
      const texts = await fetchDatasetTexts(baseUrl, fetcher);
      // Published data may be large too: read in the worker like an upload.
      await this.#showFiles(toFiles(texts), BUNDLED_LABEL);
    } catch (e) {
      this.failure = e instanceof Error ? e.message : String(e);
      this.status = 'failed';
    }
  }

  /**
   * Starts the app: the data applied last in this browser if there is any (IndexedDB), else
   * the bundled files. Storage slower than START_WAIT_MS is not bypassed: the bundled data shows
   * meanwhile, the page says so, changes wait for storage, and the stored data follows if it comes.
   */
  async start(baseUrl: string): Promise<void> {
    this.#listen();
    const reading = storage.read().then(
      (history) => ({ history }),
      (error: unknown) => ({ error }),
    );
    if (!storage.mayHoldData()) {
      // Nothing was ever kept here: the published data shows at once. Storage is still read (changes
      // wait for it, and after START_WAIT_MS the page says it is slow); anything found follows, said so.
      const shown = this.load(baseUrl);
      void this.#oneAtATime(async () => {
        let answered = false;
        void delay(START_WAIT_MS).then(() => {
          if (answered) return;
          this.storageProblem = SLOW_STORAGE;
          this.activity = 'Waiting for this browser’s storage';
        });
        const read = await reading;
        answered = true;
        await shown;
        await this.#adopt(read, baseUrl, true);
      });
      return shown;
    }
    const early = await Promise.race([reading, delay(START_WAIT_MS).then(() => null)]);
    if (early) {
      await this.#oneAtATime(() => this.#adopt(early, baseUrl, false));
      return;
    }
    this.storageProblem = SLOW_STORAGE;
    await this.load(baseUrl);
    void this.#oneAtATime(async () => {
      this.activity = 'Waiting for this browser’s storage';
      await this.#adopt(await reading, baseUrl, true);
    });
  }

  /** Takes the stored history as this tab's (or notes that storage is not there), and shows its data. */
  async #adopt(read: { history: History } | { error: unknown }, baseUrl: string, late: boolean): Promise<void> {
    if ('error' in read) {
      this.#storageOff = read.error;
      if (read.error instanceof StorageTimeout) this.storageProblem = storageMessage(read.error);
      else if (late) this.storageProblem = null;
      if (!late) await this.load(baseUrl);
      return;
    }
    const { history } = read;
    this.#version = history.version;
    this.#setHistory(history);
    if (late) this.storageProblem = null;
    const current = history.current;
    if (current && !current.bundled) {
      await this.#showFiles(current.files, current.label);
      if (late) {
        this.notice = `This browser’s storage answered: showing “${current.label}”, applied here before.`;
        this.onfollow?.();
      }
    } else if (!late) await this.load(baseUrl);
  }

  /** Listens for other tabs' changes to the stored data. */
  #listen(): void {
    if (typeof BroadcastChannel === 'undefined' || this.#channel) return;
    this.#channel = new BroadcastChannel(CHANNEL);
    this.#channel.onmessage = (event: MessageEvent<{ version?: unknown }>) => {
      const version = event.data?.version;
      if (typeof version === 'number' && version > (this.#version ?? -1)) void this.follow(false);
    };
  }

  /**
   * Shows what is stored now (another tab's change), with a notice. Also the answer to a
   * conflict: "show the newer data".
   */
  follow(chosen = true): Promise<void> {
    return this.#oneAtATime(async () => {
      // In a conflict the analyst chooses; a message from another tab does not choose for them.
      if (this.#storageOff || (this.conflict && !chosen)) return;
      let history: History;
      try {
        history = await storage.read();
      } catch (e) {
        this.#storageFailed(e);
        return;
      }
      if (this.#version !== null && history.version <= this.#version && !this.conflict) return;
      this.#version = history.version;
      this.#setHistory(history);
      this.conflict = null;
      const current = history.current;
      if (current) await this.#showFiles(current.files, current.label);
      this.notice = `Another tab changed the data: this tab now shows “${current?.label ?? BUNDLED_LABEL}” too.`;
      this.onfollow?.();
    });
  }

  /** The answer to a conflict: "keep this tab's data", written over the other tab's. */
  keepMine(): Promise<void> {
    return this.#oneAtATime(async () => {
      if (!this.conflict) return;
      let stored: History;
      try {
        stored = await storage.read();
      } catch (e) {
        this.#storageFailed(e);
        return;
      }
      this.#version = stored.version;
      this.conflict = null;
      // Theirs stays one Undo away: nothing is lost.
      const theirs = stored.current ? [stored.current] : [];
      const mine = this.#history;
      await this.#persist({ current: mine.current, undo: keep([...theirs, ...mine.undo]), redo: mine.redo });
    });
  }

  /** Shows data already in hand (the briefing file carries its own). */
  show(texts: DatasetTexts, label: string): void {
    const built = runNow(datasetSteps(texts));
    this.#set(toFiles(texts), label, built, runNow(datasetViews(built.dataset)));
  }

  /**
   * Shows files: read and checked in a worker (or, for an upload, already read by its worker),
   * then made into meetings and aggregated a few milliseconds at a time; shown all at once.
   */
  async #showFiles(files: Files, label: string): Promise<void> {
    this.activity = 'Reading the data';
    const packed =
      (await takePacked(files.dialogues)) ??
      (await readDataset(files, (fraction) => {
        const activity = `Reading the data: ${Math.floor(fraction * 100)}%`;
        if (activity !== this.activity) this.activity = activity;
      }));
    const built = await runInSlices(unpackSteps(packed));
    this.activity = 'Drawing the charts';
    const views = await runInSlices(datasetViews(built.dataset, packed.views));
    this.#set(files, label, built, views);
    this.activity = null;
  }

  /** Shows new files and keeps them (and the data before, for Undo) in this browser. */
  apply(files: Files, label: string): Promise<void> {
    return this.#oneAtATime(async () => {
      const here = this.#currentEntry();
      const entry: Entry = { id: newEntryId(), files, label, savedAt: new Date().toISOString() };
      await this.#showFiles(files, label);
      const h = this.#history;
      await this.#persist({ current: entry, undo: keep([...here, ...h.undo]), redo: [] });
    });
  }

  /** Goes back to the data before the last apply, undo or reset. A second Undo goes one step further back. */
  undo(): Promise<void> {
    return this.#oneAtATime(async () => {
      const [target, ...rest] = this.#history.undo;
      if (!target) return;
      const here = this.#currentEntry();
      await this.#showFiles(target.files, target.label);
      await this.#persist({ current: target, undo: rest, redo: keep([...here, ...this.#history.redo]) });
    });
  }

  /** Goes forward again to the data Undo left. */
  redo(): Promise<void> {
    return this.#oneAtATime(async () => {
      const [target, ...rest] = this.#history.redo;
      if (!target) return;
      const here = this.#currentEntry();
      await this.#showFiles(target.files, target.label);
      await this.#persist({ current: target, undo: keep([...here, ...this.#history.undo]), redo: rest });
    });
  }

  /**
   * Back to the bundled files; Undo brings the uploaded data back. The bundled files are fetched
   * first: if they cannot be, nothing changes (dashboard, upload panel, Undo and storage stay).
   */
  reset(baseUrl: string): Promise<void> {
    return this.#oneAtATime(async () => {
      this.activity = 'Fetching the published data';
      let texts: DatasetTexts;
      try {
        texts = await fetchDatasetTexts(baseUrl);
      } catch (e) {
        const reason = e instanceof Error ? e.message : String(e);
        this.notice = `The published data could not be fetched (${reason}) Nothing changed: this tab still shows “${this.label}”, and the data kept in this browser is untouched. Try again later.`;
        return;
      }
      const here = this.#currentEntry();
      const files = toFiles(texts);
      await this.#showFiles(files, BUNDLED_LABEL);
      const entry: Entry = {
        id: newEntryId(),
        files,
        label: BUNDLED_LABEL,
        savedAt: new Date().toISOString(),
        bundled: true,
      };
      await this.#persist({ current: entry, undo: keep([...here, ...this.#history.undo]), redo: [] });
    });
  }

  #queue: Promise<void> = Promise.resolve();
  /**
   * Apply, undo and reset run one after another, each with its writes to storage: a quick
   * Reset after Undo must not be overtaken by Undo's save (which would bring it back on reload).
   */
  #oneAtATime(change: () => Promise<void>): Promise<void> {
    const run = this.#queue.then(async () => {
      this.busy = true;
      try {
        await change();
      } finally {
        this.busy = false;
        this.activity = null;
      }
    });
    this.#queue = run.catch(() => {});
    return run;
  }

  #version: number | null = null;
  /** Why storage is not used this session (no IndexedDB, or it did not answer in time). */
  #storageOff: unknown = null;
  #channel: BroadcastChannel | null = null;
  #history: Omit<History, 'version'> = { current: null, undo: [], redo: [] };

  #setHistory(h: Omit<History, 'version'>): void {
    this.#history = { current: h.current, undo: h.undo, redo: h.redo };
    this.previous = h.undo[0] ?? null;
    this.next = h.redo[0] ?? null;
  }

  /** The data shown now as a history entry (none before the first data has loaded). */
  #currentEntry(): Entry[] {
    const c = this.#history.current;
    if (c && c.files === this.files) return [c];
    if (!this.files) return [];
    const bundled = this.label === BUNDLED_LABEL;
    return [{ id: newEntryId(), files: this.files, label: this.label, savedAt: new Date().toISOString(), bundled }];
  }

  /** The new history, in memory and (in one transaction, if no other tab wrote meanwhile) in storage. */
  async #persist(next: Omit<History, 'version'>): Promise<void> {
    this.#setHistory(next);
    this.notice = null;
    if (this.#storageOff) {
      this.storageProblem = storageMessage(this.#storageOff);
      return;
    }
    this.activity = 'Saving it in this browser';
    // When the disk is too full for the whole history, the data shown comes first: fewer steps back.
    const shorter = [next, { ...next, undo: next.undo.slice(0, 1), redo: [] }, { ...next, undo: [], redo: [] }];
    for (let attempt = 0; attempt < shorter.length; attempt++) {
      const history = shorter[attempt]!;
      try {
        this.#version = await storage.write(history, this.#version ?? 0);
        this.conflict = null;
        this.storageProblem =
          attempt === 0
            ? null
            : `This browser has too little room for the whole history: only ${history.undo.length === 0 ? 'the data shown' : 'the data shown and one step back'} is kept.`;
        if (attempt > 0) this.#setHistory(history);
        this.#channel?.postMessage({ version: this.#version });
        return;
      } catch (e) {
        if (e instanceof StorageConflict) {
          this.conflict = { label: e.stored.current?.label ?? BUNDLED_LABEL };
          return;
        }
        if (isQuota(e) && attempt < shorter.length - 1) continue;
        this.#storageFailed(e);
        return;
      }
    }
  }

  /** A storage call failed: the page says so; after a time-out, storage is not asked again this session. */
  #storageFailed(e: unknown): void {
    if (e instanceof StorageTimeout) this.#storageOff = e;
    this.storageProblem = storageMessage(e);
  }

  #set(files: Files, label: string, built: BuiltDataset, views: DatasetViews): void {
    this.views = views;
    this.files = files;
    this.label = label;
    this.dataset = built.dataset;
    this.problems = built.problems;
    this.problemCounts = { errors: built.errors, warnings: built.warnings };
    this.failure = null;
    this.status = 'ready';
    this.generation++;
  }
}

const isQuota = (e: unknown) => e instanceof DOMException && e.name === 'QuotaExceededError';

/** The first HISTORY_LIMIT entries, each once. */
function keep(entries: Entry[]): Entry[] {
  const seen = new Set<string>();
  return entries.filter((e) => !seen.has(e.id) && seen.add(e.id)).slice(0, HISTORY_LIMIT);
}

function storageMessage(e: unknown): string {
  const reason = e instanceof Error ? e.message : String(e);
  if (e instanceof StorageTimeout) {
    return `${reason}. The data is shown and Apply, Undo and Reset work for this session, but nothing is kept in this browser: download the data package to keep it.`;
  }
  return `This browser would not keep the data (${reason}). It is shown for this session only: download the data package to keep it.`;
}
