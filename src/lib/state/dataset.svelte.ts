import { cadenceLanes, listPartners, topicFrequency, venueSummaries } from '../data/aggregate';
import { buildColumns } from '../data/columns';
import { buildDatasetInSlices, type DatasetTexts } from '../data/dataset';
import { buildDataset } from '../data/dataset';
import { fetchDatasetTexts } from '../data/fetch-dataset';
import type { Problem } from '../data/problems';
import { EMPTY_DATASET, type Dataset, type DataFileKind } from '../data/schema';
import { storage, type StoredData } from '../ingest/storage';

export type LoadStatus = 'loading' | 'ready' | 'failed';
export type Files = Record<DataFileKind, Blob>;

export const BUNDLED_LABEL = 'bundled data';

/** Yields to the page: lets it paint and answer input between slices of work. */
const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

const toFiles = (texts: DatasetTexts): Files =>
  Object.fromEntries(Object.entries(texts).map(([k, t]) => [k, new Blob([t], { type: 'text/plain' })])) as Files;

async function toTexts(files: Files): Promise<DatasetTexts> {
  const entries = await Promise.all(Object.entries(files).map(async ([k, b]) => [k, await b.text()] as const));
  return Object.fromEntries(entries) as DatasetTexts;
}

/** The dataset the dashboard shows, where it came from, and the views derived from it. */
export class DatasetState {
  status = $state<LoadStatus>('loading');
  /** Why loading failed, in words for the viewer. */
  failure = $state<string | null>(null);
  dataset = $state.raw<Dataset>(EMPTY_DATASET);
  problems = $state.raw<Problem[]>([]);
  /** Which data this is, in words: "bundled data", or an uploaded file's name and time. */
  label = $state(BUNDLED_LABEL);
  /** The files' text as loaded, for writing them out again (the offline briefing). */
  texts = $state.raw<DatasetTexts | null>(null);
  /** The same files as Blobs: what uploads are compared with, and what is stored. */
  files = $state.raw<Files | null>(null);
  /** Changes with every dataset shown: the upload worker indexes each one once. */
  generation = $state(0);
  /** The data before the last apply, for Undo. */
  previous = $state.raw<StoredData | null>(null);
  /** Set when the browser would not store the data: it stays for this session only. */
  storageProblem = $state<string | null>(null);
  /** True while a large dataset is being read in slices. */
  busy = $state(false);

  partners = $derived(listPartners(this.dataset.dialogues));
  topicCounts = $derived(topicFrequency(this.dataset.dialogues, this.dataset.topics, this.partners));
  lanes = $derived(cadenceLanes(this.dataset.dialogues));
  venues = $derived(venueSummaries(this.dataset.dialogues, this.dataset.venues));
  // A read-only lookup, rebuilt whole by $derived: it needs no reactivity of its own.
  venueNames = $derived(new Map(this.dataset.venues.map((v) => [v.id, v.name])));
  /** The meetings as typed columns, for fast filtering. */
  columns = $derived(buildColumns(this.dataset.dialogues));
  /** Each meeting's position in `dataset.dialogues` (and so in `columns`). */
  rowOf = $derived(new Map(this.dataset.dialogues.map((d, i) => [d, i])));
  /** Ids a link may name, built once per dataset (not per filter change). */
  known = $derived({
    partners: new Set(this.partners),
    topics: new Set(this.columns.topics),
    venues: new Set(this.dataset.venues.map((v) => v.id)),
    meetings: new Set(this.dataset.dialogues.map((d) => d.id)),
  });
  held = $derived(this.dataset.dialogues.filter((d) => d.status === 'held').length);
  planned = $derived(this.dataset.dialogues.length - this.held);

  /** Fetches the bundled files from `baseUrl` (the served `data/` folder) and shows them. */
  async load(baseUrl: string, fetcher: typeof fetch = fetch): Promise<void> {
    this.status = 'loading';
    this.failure = null;
    try {
      this.show(await fetchDatasetTexts(baseUrl, fetcher), BUNDLED_LABEL);
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
        await this.showFiles(saved.files, saved.label);
        return;
      }
    } catch {
      // No storage here (private mode, or blocked): the bundled data it is.
    }
    await this.load(baseUrl);
  }

  /** Shows data already in hand (the briefing file carries its own). */
  show(texts: DatasetTexts, label: string): void {
    const { dataset, problems } = buildDataset(texts);
    this.#set(texts, toFiles(texts), label, dataset, problems);
  }

  /** Shows files, reading large ones in slices so the page stays responsive. */
  async showFiles(files: Files, label: string): Promise<void> {
    this.busy = true;
    try {
      const texts = await toTexts(files);
      const { dataset, problems } = await buildDatasetInSlices(texts, pause);
      this.#set(texts, files, label, dataset, problems);
    } finally {
      this.busy = false;
    }
  }

  /** Shows new files and keeps them (and the data before, for Undo) in this browser. */
  async apply(files: Files, label: string): Promise<void> {
    const before = this.#stored();
    await this.showFiles(files, label);
    this.previous = before;
    await this.#persist(before);
  }

  /** Goes back to the data before the last apply (or reset). */
  async undo(): Promise<void> {
    const target = this.previous;
    if (!target) return;
    await this.apply(target.files, target.label);
  }

  /** Back to the bundled files; Undo brings the uploaded data back. */
  async reset(baseUrl: string): Promise<void> {
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
  }

  #stored(): StoredData | null {
    return this.files ? { files: this.files, label: this.label, savedAt: new Date().toISOString() } : null;
  }

  async #persist(before: StoredData | null): Promise<void> {
    const now = this.#stored();
    try {
      if (now) await storage.save('current', now);
      if (before) await storage.save('previous', before);
      this.storageProblem = null;
    } catch (e) {
      this.storageProblem = storageMessage(e);
    }
  }

  #set(texts: DatasetTexts, files: Files, label: string, dataset: Dataset, problems: Problem[]): void {
    this.texts = texts;
    this.files = files;
    this.label = label;
    this.dataset = dataset;
    this.problems = problems;
    this.failure = null;
    this.status = 'ready';
    this.generation++;
  }
}

function storageMessage(e: unknown): string {
  const reason = e instanceof Error ? e.message : String(e);
  return `This browser would not keep the data (${reason}). It is shown for this session only: download dialogues.csv to keep it.`;
}
