// src/lib/state: runes classes (.svelte.ts) and their helpers — the data shown and its history, the view (filters, selection), the dashboard, presenting, uploads, theme and export settings.
import { datasetSteps, type DatasetTexts } from '../data/dataset';
import { fetchDatasetFiles } from '../data/fetch-dataset';
import { runNow } from '../data/steps';
import { datasetViews } from '../data/views';
import { KeptDataUnreadable, newEntryId, storage, StorageTimeout, type Entry, type History } from '../ingest/storage';
import { BUNDLED_LABEL, EARLIER_PUBLISHED_LABEL, toFiles, type Files } from './data-files';
import {
  awaitedLater,
  publicationOf,
  readPublishedBase,
  writePublishedBase,
  type Publication,
  type Serialise,
} from './publication';
import { readForShow } from './show-files';
import { ShownDataset } from './shown-dataset.svelte';
import { keep, StoredHistory } from './stored-history.svelte';

export { BUNDLED_LABEL, readTexts, type Files } from './data-files';
export type { LoadStatus } from './shown-dataset.svelte';

/** Data larger than this (all four files) is not hashed to tell whether it is the published data. */
const DIGEST_LIMIT = 32 * 1024 * 1024;
/** Data larger than this is not written out again on the page to be compared by content. */
const CONTENT_LIMIT = 2 * 1024 * 1024;

/** At start, how long the page waits for storage before showing the bundled data (and saying so). */
const START_WAIT_MS = 2500;

/** The digests (file-digest.ts), loaded once data is shown: they are not needed for the first chart. */
const digests = () => import('./file-digest');

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Loads, applies, undoes and resets the dataset shown (ShownDataset), and keeps its history in this browser. */
export class DatasetState extends ShownDataset {
  /** What happened that the analyst did not do here (another tab's apply, a failed reset), in words. */
  notice = $state<string | null>(null);
  /**
   * This tab's data, left for another tab's in a conflict ("show theirs"): kept only in this page,
   * first in Undo (`previous`), until the analyst's next change here writes it with the history.
   * Not a rune, and declared only (no code in the first view's script): it changes only with
   * `previous`, which is one.
   */
  declare unsaved?: Entry | null;
  /** Called when this tab follows another tab's change (an upload under review is then out of date). */
  onfollow: (() => void) | null = null;
  /**
   * Called just before this tab shows another tab's change, with the data shown until then and the
   * change's label: an upload under review then counts what applying it would take back of it.
   */
  onfollowing: ((before: Files | null, label: string) => void) | null = null;
  /** True while data is being read (in slices) and stored: apply, undo and reset wait. */
  busy = $state(false);
  /** What is being done meanwhile, in words: "Reading the data: 40%", "Saving it in this browser". */
  activity = $state<string | null>(null);
  /** How many times the viewer has changed the data here (apply, undo, redo, reset): the address follows each. */
  changes = $state(0);
  /** How the data shown stands to the published data (see Publication); 'unknown' until both are read. */
  publication = $state<Publication>('unknown');
  /** The published files as fetched at start (or by Reset): what "see how it differs" uploads. */
  publishedFiles = $state.raw<Files | null>(null);
  #publishedDigest: Promise<string> | null = null;
  /** Writes a dataset as the data package does: files that differ in bytes are compared by content. */
  readonly #serialise: Serialise | null;

  constructor(options: { serialise?: Serialise } = {}) {
    super();
    this.#serialise = options.serialise ?? null;
  }

  /** The history kept in this browser: Undo, Redo, and what storage did. */
  readonly #stored = new StoredHistory();
  /** The data before the last apply, for Undo. */
  get previous() {
    return this.#stored.previous;
  }
  /** The data Undo went back from, for Redo. */
  get next() {
    return this.#stored.next;
  }
  /**
   * Steps kept as "published data" whose files are no longer what the site publishes (a colleague
   * published since): named "data published before", on their Undo and Redo buttons and once shown,
   * so the old copy is not taken for what every viewer sees, and Reset stays offered.
   */
  #formerlyPublished = $state.raw(new WeakSet<Files>());
  /** A history step's name as the buttons and the data panel say it (see #formerlyPublished). */
  stepLabel(step: { files: Files; label: string }): string {
    return step.label === BUNDLED_LABEL && this.#formerlyPublished.has(step.files)
      ? EARLIER_PUBLISHED_LABEL
      : step.label;
  }
  /** Set when the browser would not store the data: it stays for this session only. */
  get storageProblem() {
    return this.#stored.problem;
  }
  /** Another tab saved newer data while this tab was changing its own: this tab's change is not stored yet. */
  get conflict() {
    return this.#stored.conflict;
  }

  /** Fetches the bundled files from `baseUrl` (the served `data/` folder) and shows them. */
  async load(baseUrl: string, fetcher: typeof fetch = fetch): Promise<void> {
    this.status = 'loading';
    this.failure = null;
    try {
      // Published data may be large too: read in the worker like an upload, undecoded until then.
      const files = await fetchDatasetFiles(baseUrl, fetcher);
      this.#learnPublished(files);
      await this.#showFiles(files, BUNDLED_LABEL);
      void this.#checkPublication();
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
    this.#stored.listen(() => void this.follow(false));
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
          this.#stored.problem = { kind: 'slow' };
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
      // Data kept here is shown: the published data (fetched at boot) tells whether it is published.
      if (!this.publishedFiles)
        void fetchDatasetFiles(baseUrl).then(
          (files) => {
            this.#learnPublished(files);
            void this.#checkPublication();
          },
          () => {},
        );
      return;
    }
    this.#stored.problem = { kind: 'slow' };
    await this.load(baseUrl);
    void this.#oneAtATime(async () => {
      this.activity = 'Waiting for this browser’s storage';
      await this.#adopt(await reading, baseUrl, true);
    });
  }

  /** Takes the stored history as this tab's (or notes that storage is not there), and shows its data. */
  async #adopt(read: { history: History } | { error: unknown }, baseUrl: string, late: boolean): Promise<void> {
    if ('error' in read) {
      this.#stored.off = read.error;
      if (read.error instanceof StorageTimeout) this.#stored.problem = { kind: 'failed', error: read.error };
      else if (late) this.#stored.problem = null;
      if (!late) await this.load(baseUrl);
      return;
    }
    const { history } = read;
    this.#stored.version = history.version;
    this.#stored.set(history);
    if (late) this.#stored.problem = null;
    const current = history.current;
    if (current && !current.bundled) await this.#showKept(current, baseUrl, late);
    else if (!late) await this.load(baseUrl);
  }

  /**
   * Shows the data applied here before (`late`: the published data is shown already). A read
   * slower than START_WAIT_MS shows the published data meanwhile. A read that fails (a browser
   * can lose a stored file) leaves the published data shown and says why; storage is then left
   * as it is for this session, so nothing kept there is written over.
   */
  async #showKept(entry: Entry, baseUrl: string, late: boolean): Promise<void> {
    const reading = readForShow(entry.files, (activity) => (this.activity = activity)).then(
      (read) => ({ read }),
      (error: unknown) => ({ error }),
    );
    let meanwhile = late;
    if (!late && !(await Promise.race([reading, delay(START_WAIT_MS).then(() => null)]))) {
      meanwhile = true;
      this.#stored.problem = { kind: 'slow-read', label: entry.label };
      await this.load(baseUrl);
      this.activity = `Reading “${entry.label}”`;
    }
    const result = await reading;
    this.activity = null;
    if ('error' in result) {
      this.#stored.off = new KeptDataUnreadable(entry.label, result.error);
      this.#stored.problem = { kind: 'failed', error: this.#stored.off };
      if (!meanwhile) await this.load(baseUrl);
      return;
    }
    this.showBuilt(entry.files, entry.label, result.read.built, result.read.views);
    if (!meanwhile) return;
    this.#stored.problem = null;
    this.notice = late
      ? `This browser’s storage answered: showing “${entry.label}”, applied here before.`
      : `Showing “${entry.label}”, applied here before, now that it has been read.`;
    this.onfollow?.();
  }

  /**
   * Shows what is stored now (another tab's change), with a notice. Also the answer to a
   * conflict: "show the newer data".
   */
  follow(chosen = true): Promise<void> {
    return this.#oneAtATime(async () => {
      // In a conflict the analyst chooses; a message from another tab does not choose for them.
      if (this.#stored.off || (this.#stored.conflict && !chosen)) return;
      let history: History;
      try {
        history = await storage.read();
      } catch (e) {
        this.#stored.failed(e);
        return;
      }
      if (this.#stored.version !== null && history.version <= this.#stored.version && !this.#stored.conflict) return;
      this.#stored.version = history.version;
      // Theirs shown, this tab's data stays first in Undo, through other tabs' changes too, until a change here stores it.
      const answered = this.#stored.conflict !== null;
      if (answered) this.unsaved = this.#currentEntry()[0];
      if (this.unsaved) history.undo.unshift(this.unsaved);
      this.#stored.set(history);
      this.#stored.conflict = null;
      const current = history.current;
      if (current) {
        this.onfollowing?.(this.files, current.label);
        await this.#showFiles(current.files, current.label);
      }
      // The analyst's own answer to a conflict is not news from another tab (the line on this tab's data kept says the rest).
      this.notice = answered
        ? null
        : `Another tab changed the data: this tab now shows “${current?.label ?? BUNDLED_LABEL}” too.`;
      this.onfollow?.();
    });
  }

  /** The answer to a conflict: "keep this tab's data", written over the other tab's (theirs stays one Undo away). */
  keepMine(): Promise<void> {
    return this.#byViewer(() => this.#stored.keepMine(() => this.#saving()));
  }

  /** Shows data already in hand (the briefing file carries its own). */
  show(texts: DatasetTexts, label: string): void {
    const built = runNow(datasetSteps(texts));
    this.showBuilt(toFiles(texts), label, built, runNow(datasetViews(built.dataset)));
  }

  /** Shows files (see readForShow): made ready a few milliseconds at a time, shown all at once. */
  async #showFiles(files: Files, label: string): Promise<void> {
    const { built, views } = await readForShow(files, (activity) => (this.activity = activity));
    this.showBuilt(files, label, built, views);
    this.activity = null;
  }

  /**
   * Shows files, as #showFiles; false, said so, when they cannot be read (a worker out of memory):
   * nothing changes then, and `failed` words the notice from the reason.
   */
  async #tryShow(files: Files, label: string, failed: (reason: string) => string): Promise<boolean> {
    try {
      await this.#showFiles(files, label);
      return true;
    } catch (e) {
      const reason = (e instanceof Error ? e.message : String(e)).replace(/\.$/, '');
      this.notice = `${failed(reason)} Nothing changed: this tab still shows “${this.label}”.`;
      return false;
    }
  }

  /** Shows an Undo or Redo step; false, said so, when it cannot be read (nothing changes then). */
  #showStep(step: Entry): Promise<boolean> {
    return this.#tryShow(
      step.files,
      this.stepLabel(step),
      (reason) => `“${step.label}” could not be read (${reason}).`,
    );
  }

  /**
   * Shows new files and keeps them (and the data before, for Undo) in this browser. Files that
   * cannot be read are said so, and nothing is kept (the upload's review is gone by then: the
   * notice asks for the files again).
   */
  apply(files: Files, label: string): Promise<void> {
    return this.#byViewer(async () => {
      const here = this.#currentEntry();
      const entry: Entry = { id: newEntryId(), files, label, savedAt: new Date().toISOString() };
      if (!(await this.#tryShow(files, label, (reason) => `The upload could not be applied (${reason}).`))) {
        this.notice += ' Pick its files again to try once more.';
        return;
      }
      const h = this.#stored.entries;
      await this.#persist({ current: entry, undo: keep([...here, ...h.undo]), redo: [] });
    });
  }

  /** Goes back to the data before the last apply, undo or reset. A second Undo goes one step further back. */
  undo(): Promise<void> {
    return this.#byViewer(async () => {
      const [target, ...rest] = this.#stored.entries.undo;
      if (!target) return;
      const here = this.#currentEntry();
      if (!(await this.#showStep(target))) return;
      await this.#persist({ current: target, undo: rest, redo: keep([...here, ...this.#stored.entries.redo]) });
    });
  }

  /** Goes forward again to the data Undo left. */
  redo(): Promise<void> {
    return this.#byViewer(async () => {
      const [target, ...rest] = this.#stored.entries.redo;
      if (!target) return;
      const here = this.#currentEntry();
      if (!(await this.#showStep(target))) return;
      await this.#persist({ current: target, undo: keep([...here, ...this.#stored.entries.undo]), redo: rest });
    });
  }

  /**
   * Back to the bundled files; Undo brings the uploaded data back. The bundled files are fetched
   * first: if they cannot be, nothing changes (dashboard, upload panel, Undo and storage stay).
   */
  reset(baseUrl: string): Promise<void> {
    return this.#byViewer(async () => {
      this.activity = 'Fetching the published data';
      let files: Files;
      try {
        files = await fetchDatasetFiles(baseUrl);
        this.#learnPublished(files);
      } catch (e) {
        const reason = e instanceof Error ? e.message : String(e);
        this.notice = `The published data could not be fetched (${reason}) Nothing changed: this tab still shows “${this.label}”, and the data kept in this browser is untouched. Try again later.`;
        return;
      }
      const here = this.#currentEntry();
      await this.#showFiles(files, BUNDLED_LABEL);
      const entry: Entry = {
        id: newEntryId(),
        files,
        label: BUNDLED_LABEL,
        savedAt: new Date().toISOString(),
        bundled: true,
      };
      await this.#persist({ current: entry, undo: keep([...here, ...this.#stored.entries.undo]), redo: [] });
      // One click, no question: said here, with the way back.
      if (here[0]) this.notice = `Reset to the published data: Undo brings back “${this.stepLabel(here[0])}”.`;
    });
  }

  /** A change the viewer asked for here (apply, undo, redo, reset, keep mine), counted in `changes` once done. */
  #byViewer(change: () => Promise<void>): Promise<void> {
    return this.#oneAtATime(change).finally(() => this.changes++);
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
        void this.#checkPublication();
      }
    });
    this.#queue = run.catch(() => {});
    return run;
  }

  /** The published files, as just fetched: their digest is made once (a large file's in a worker). */
  #learnPublished(files: Files): void {
    this.publishedFiles = files;
    this.#publishedDigest = awaitedLater(digests().then((d) => d.filesDigest(files)));
    this.#publishedContent = null;
  }

  /** The published data's content (see contentDigest): read only when its bytes are not the data shown's. */
  #publishedContent: Promise<string> | null = null;

  /**
   * Where the data shown stands to the published data (see Publication). When they are the
   * same, this browser has seen that publication: a later one shows here as `moved`. Files that
   * differ in bytes are compared by content when that decides it (the analyst published the
   * package of data uploaded as a spreadsheet wrote it), so publishing one's own data is not
   * taken for someone else's.
   */
  async #checkPublication(): Promise<void> {
    const files = this.files;
    const publishedFiles = this.publishedFiles;
    if (!files || !publishedFiles || !this.#publishedDigest) return;
    // Large data is not read again to be compared (a 173 MB upload would be copied whole to hash it):
    // nothing is said of it beyond "only this browser shows this data".
    const size = (f: Files) => Object.values(f).reduce((n, b) => n + b.size, 0);
    if (size(files) > DIGEST_LIMIT || size(publishedFiles) > DIGEST_LIMIT) {
      this.publication = 'unknown';
      return;
    }
    try {
      // Files of other sizes than the published ones are not read to be hashed: they differ.
      const { contentDigest, sameBytes } = await digests();
      const [sameAsPublished, published] = await Promise.all([sameBytes(files, publishedFiles), this.#publishedDigest]);
      const base = readPublishedBase();
      await this.#markFormerlyPublished(publishedFiles);
      if (this.files !== files) return;
      if (this.label === BUNDLED_LABEL && !sameAsPublished) this.label = EARLIER_PUBLISHED_LABEL;
      const bundled = this.label === BUNDLED_LABEL;
      let same = sameAsPublished;
      const serialise = this.#serialise;
      // Written out again on the page: only small data (a few thousand meetings) is compared so.
      const comparable = size(files) <= CONTENT_LIMIT && size(publishedFiles) <= CONTENT_LIMIT;
      if (!same && !bundled && base !== published && serialise && comparable) {
        const dataset = this.dataset;
        this.#publishedContent ??= readForShow(publishedFiles, () => {}).then(({ built }) =>
          contentDigest(built.dataset, serialise),
        );
        same = (await contentDigest(dataset, serialise)) === (await this.#publishedContent);
      }
      if (this.files !== files) return;
      if (same) writePublishedBase(published);
      // Not compared by content, bytes that differ may still be this data published: nothing is said.
      this.publication =
        !same && !bundled && !comparable && base !== published
          ? 'unknown'
          : publicationOf(same, published, base, bundled);
    } catch {
      // No digest (an old browser, or a file that can no longer be read): nothing said.
      if (this.files === files) this.publication = 'unknown';
    }
  }

  /** Finds the Undo and Redo steps kept as "published data" that the site no longer publishes (see #formerlyPublished). */
  async #markFormerlyPublished(published: Files): Promise<void> {
    const steps = [this.previous, this.next].filter(
      (s): s is NonNullable<typeof s> => s?.label === BUNDLED_LABEL && !this.#formerlyPublished.has(s.files),
    );
    const { sameBytes } = await digests();
    const old = [];
    for (const step of steps) if (!(await sameBytes(step.files, published))) old.push(step.files);
    if (!old.length) return;
    const marked = new WeakSet<Files>(old);
    for (const s of [this.previous, this.next]) if (s && this.#formerlyPublished.has(s.files)) marked.add(s.files);
    this.#formerlyPublished = marked;
  }

  /** The data shown now as a history entry (none before the first data has loaded). */
  #currentEntry(): Entry[] {
    const c = this.#stored.entries.current;
    if (c && c.files === this.files) return [c];
    if (!this.files) return [];
    const bundled = this.label === BUNDLED_LABEL;
    return [{ id: newEntryId(), files: this.files, label: this.label, savedAt: new Date().toISOString(), bundled }];
  }

  /** The new history, in memory and in storage (see StoredHistory.persist). */
  #persist(next: Omit<History, 'version'>): Promise<void> {
    this.notice = null;
    return this.#stored.persist(next, () => this.#saving());
  }

  /** A write begins: it holds Undo's steps, and so this tab's data left for theirs (`unsaved`). */
  #saving(): void {
    this.notice = this.unsaved = null;
    this.activity = 'Saving it in this browser';
  }
}
