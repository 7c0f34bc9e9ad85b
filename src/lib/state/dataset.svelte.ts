import { datasetSteps, type BuiltDataset, type DatasetTexts } from '../data/dataset';
import { fetchDatasetTexts } from '../data/fetch-dataset';
import type { Problem } from '../data/problems';
import { EMPTY_DATASET, type Dataset, type DataFileKind } from '../data/schema';
import { unpackSteps } from '../data/packed';
import { runInSlices, runNow } from '../data/steps';
import { datasetViews, EMPTY_VIEWS, type DatasetViews } from '../data/views';
import { takePacked } from '../ingest/prepared';
import { storage, type StoredData } from '../ingest/storage';
import { readDataset } from './read-dataset';

export type LoadStatus = 'loading' | 'ready' | 'failed';
export type Files = Record<DataFileKind, Blob>;

export const BUNDLED_LABEL = 'bundled data';

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
  /** Which data this is, in words: "bundled data", or an uploaded file's name and time. */
  label = $state(BUNDLED_LABEL);
  /** The same files as Blobs: what uploads are compared with, and what is stored. */
  files = $state.raw<Files | null>(null);
  /** Changes with every dataset shown: the upload worker indexes each one once. */
  generation = $state(0);
  /** The data before the last apply, for Undo. */
  previous = $state.raw<StoredData | null>(null);
  /** Set when the browser would not store the data: it stays for this session only. */
  storageProblem = $state<string | null>(null);
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
   * the bundled files.
   */
  async start(baseUrl: string): Promise<void> {
    try {
      // A browser whose storage hangs must not keep the data from showing: give up after 3 s.
      let timer = 0;
      const timeout = new Promise<never>((_, reject) => {
        timer = window.setTimeout(() => reject(new Error('storage timed out')), 3000);
      });
      const [saved, previous] = await Promise.race([
        Promise.all([storage.load('current'), storage.load('previous')]),
        timeout,
      ]).finally(() => clearTimeout(timer));
      this.previous = previous ?? null;
      if (saved) {
        await this.#oneAtATime(() => this.#showFiles(saved.files, saved.label));
        return;
      }
    } catch {
      // No storage here (private mode, or blocked): the bundled data it is.
    }
    await this.load(baseUrl);
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
    const views = await runInSlices(datasetViews(built.dataset));
    this.#set(files, label, built, views);
    this.activity = null;
  }

  /** Shows new files and keeps them (and the data before, for Undo) in this browser. */
  apply(files: Files, label: string): Promise<void> {
    return this.#oneAtATime(() => this.#apply(files, label));
  }

  /** Goes back to the data before the last apply (or reset). */
  undo(): Promise<void> {
    return this.#oneAtATime(async () => {
      if (this.previous) await this.#apply(this.previous.files, this.previous.label);
    });
  }

  /** Back to the bundled files; Undo brings the uploaded data back. */
  reset(baseUrl: string): Promise<void> {
    return this.#oneAtATime(async () => {
      const before = this.#stored();
      await this.load(baseUrl);
      this.previous = before;
      try {
        await storage.remove('current');
        if (before) await storage.save('previous', before);
        this.storageProblem = null;
      } catch (e) {
        this.storageProblem = storageMessage(e);
      }
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

  async #apply(files: Files, label: string): Promise<void> {
    const before = this.#stored();
    await this.#showFiles(files, label);
    this.previous = before;
    await this.#persist(before);
  }

  #stored(): StoredData | null {
    return this.files ? { files: this.files, label: this.label, savedAt: new Date().toISOString() } : null;
  }

  async #persist(before: StoredData | null): Promise<void> {
    const now = this.#stored();
    this.activity = 'Saving it in this browser';
    try {
      if (now) await storage.save('current', now);
      if (before) await storage.save('previous', before);
      this.storageProblem = null;
    } catch (e) {
      this.storageProblem = storageMessage(e);
    }
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

function storageMessage(e: unknown): string {
  const reason = e instanceof Error ? e.message : String(e);
  return `This browser would not keep the data (${reason}). It is shown for this session only: download dialogues.csv to keep it.`;
}
