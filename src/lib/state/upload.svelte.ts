import type { IngestResult, Mode } from '../ingest/ingest';
import { expectPacked, settlePacked } from '../ingest/prepared';
import type {
  IngestMessage,
  IngestRequest,
  PrepareMoveRequest,
  PrepareRequest,
  SendPreparedRequest,
} from '../ingest/protocol';
import { afterNextPaint } from './after-paint';
import { holdLeaving } from './leave-guard';
import type { Files } from './dataset.svelte';
import { andList } from '../data/and-list';

export type UploadStatus = 'idle' | 'working' | 'ready' | 'failed';

/**
 * One upload, from picking files to Apply: runs the ingest in a worker, follows its progress,
 * and holds the result (problems, diff, the files to apply) until the analyst decides.
 */
export class UploadSession {
  status = $state<UploadStatus>('idle');
  progress = $state.raw<{ phase: string; file: string; rows: number; fraction: number } | null>(null);
  result = $state.raw<Omit<IngestResult, 'texts'> | null>(null);
  /** The files as they would be after applying. */
  files = $state.raw<Files | null>(null);
  mode = $state<Mode>('replace');
  failure = $state<string | null>(null);
  /** Said after the analyst stops an upload (Cancel while reading, Discard): that nothing changed. */
  ended = $state<string | null>(null);
  /** Said when the data shown changed under the upload and it was checked again against that data. */
  rechecked = $state<string | null>(null);
  /** Names of the files picked, for the banner after Apply. */
  picked = $state.raw<string[]>([]);
  /**
   * Files picked while another upload was under review bring only their kinds: that review's
   * other files stay under review with them. Their names (once checked), and the names of that
   * review's files no longer in it, their kind brought by the new files.
   */
  kept = $state.raw<string[]>([]);
  replaced = $state.raw<string[]>([]);
  /**
   * Another tab changed the data after the files were picked: to what, and when this tab saw it
   * (a time of day). Apply then asks first, saying what of that tab's change it would take back.
   */
  elsewhere = $state.raw<{ label: string; at: string } | null>(null);
  /** The data shown before the first of those changes: what the other tab's change is counted from. */
  #since: Files | null = null;
  #files: File[] = [];
  /** The files kept from the review before, newest first (see `kept`). */
  #kept: File[] = [];
  #worker: Worker | null = null;
  #current: { files: Files; key: string } | null = null;
  /** The dialogues Blob whose packed dataset the worker is making (see prepared.ts). */
  #packing: Blob | null = null;

  /** The packed dataset still to come will not: Apply reads the files itself. */
  #dropPacked(): void {
    if (this.#packing) settlePacked(this.#packing, null);
    this.#packing = null;
  }

  /** Checks `files` against the data shown now (`current`, named by `key`). */
  start(files: File[], current: Files, key: string): void {
    // Picked during a review (not one that failed): they replace the files of the kinds they bring
    // (the worker tells which those are), and the rest stay under review. A zip brings every kind.
    this.#kept = this.underReview && this.status !== 'failed' ? [...this.#files, ...this.#kept] : [];
    this.kept = [];
    this.replaced = [];
    this.#files = files;
    this.#current = { files: current, key };
    this.picked = files.map((f) => f.name);
    this.ended = null;
    this.rechecked = null;
    this.#since = null;
    this.elsewhere = null;
    this.#run();
  }

  #release: (() => void) | null = null;

  /**
   * While files are read or under review, leaving the page (closing the tab, reloading, following
   * a link away) asks first (leave-guard.ts): held with the review and released with it (Apply,
   * Discard, Cancel, a failure). At Apply the upload panel holds it instead until the data is kept.
   */
  #guard(on: boolean): void {
    if (on) this.#release ??= holdLeaving();
    else {
      this.#release?.();
      this.#release = null;
    }
  }

  /**
   * Another tab changed the data shown (`before`, to `label`) while these files were under review:
   * the upload is checked again against the new data (see recheck), counting what applying it
   * would take back of that change. Several such changes are counted from the data before the first.
   */
  changedElsewhere(before: Files | null, label: string): void {
    if (!this.underReview || !before) return;
    this.#since ??= before;
    this.elsewhere = { label, at: new Date().toLocaleTimeString('en-GB') };
    // Checked against the new data already: checked again, counting. (Told before the data
    // changes, as the page tells it, the check that follows the change counts it.)
    if (this.#current && this.#current.files !== before) this.#run();
  }

  /** Every file under review: those picked last, then those kept from before. */
  get names(): string[] {
    return [...this.picked, ...this.kept];
  }

  /** Starts over with the files picked last alone: the files kept from the review before leave it. */
  dropKept(): void {
    if (this.#kept.length === 0 && this.kept.length === 0) return;
    this.#kept = [];
    this.kept = [];
    this.replaced = [];
    if (this.#files.length && this.#current) this.#run();
  }

  /** Files are picked and not yet applied or discarded. */
  get underReview(): boolean {
    return this.#files.length > 0;
  }

  /**
   * The data shown changed under the upload (an Undo, Redo or Reset here, another tab's apply):
   * it is checked again, against that data (`label`), rather than applied onto the data it was
   * compared with. Whether there was an upload to check.
   */
  recheck(current: Files, key: string, label: string): boolean {
    if (this.#files.length === 0 || this.#current?.key === key) return false;
    this.#current = { files: current, key };
    this.#run();
    this.rechecked = `Checked again against the data now shown, “${label}”: what Apply would change is below.`;
    return true;
  }

  /** Replace or merge: the diff is worked out again. */
  setMode(mode: Mode): void {
    this.mode = mode;
    if (this.#files.length && this.#current) this.#run();
  }

  /** Stops reading: nothing changes (and, when it was reading, says so). */
  cancel(): void {
    if (this.status === 'working') {
      this.#stop();
      this.ended = `Stopped reading ${this.#pickedText()}: the data shown is unchanged.`;
      // The review has ended: the next upload starts in the default, as after Discard, and a
      // change to the data shown (another tab's apply) does not start reading the files again.
      this.mode = 'replace';
      this.#files = [];
      this.#kept = [];
      this.kept = [];
      this.replaced = [];
      this.#guard(false);
    }
    this.status = 'idle';
    this.progress = null;
  }

  /**
   * The data shown has changed (an apply, undo or reset): the worker, if this page has one,
   * indexes it now, while the analyst looks at it, rather than when the next upload needs it.
   */
  prepare(current: Files, key: string): void {
    this.ended = null;
    const request: PrepareRequest = { type: 'prepare', current, key };
    this.#worker?.postMessage(request);
  }

  /** Forgets the upload, and its choice of replace or merge (the worker, and its index of the data shown now, stay for the next one). */
  discard(): void {
    this.cancel();
    this.result = null;
    this.files = null;
    this.failure = null;
    this.#files = [];
    this.#kept = [];
    this.#guard(false);
    this.picked = [];
    this.kept = [];
    this.replaced = [];
    this.rechecked = null;
    this.#since = null;
    this.elsewhere = null;
    // Merge is chosen for one upload: carried over, the next file (a full export, say) would be
    // merged into the data shown without a word, its removals counted as nothing to apply.
    this.mode = 'replace';
  }

  /** The analyst's Discard: the upload is forgotten, and the panel says nothing changed. */
  dismiss(): void {
    const what = this.#pickedText();
    this.discard();
    this.ended = `Discarded ${what}: the data shown is unchanged.`;
  }

  #pickedText(): string {
    const names = this.names.map((n) => `“${n}”`);
    return andList(names) || 'the upload';
  }

  /** Ends the worker mid-run; the next run starts a new one (which indexes the current data again). */
  #stop(): void {
    this.#dropPacked();
    this.#worker?.terminate();
    this.#worker = null;
  }

  /**
   * Sends the files to the worker. One worker serves every run, so its index of the data shown
   * now (built once per dataset, seconds for a million rows) is reused by the next upload and by
   * switching between replace and merge; only a run still going is stopped and replaced.
   */
  #run(): void {
    if (this.status === 'working') this.#stop();
    this.#dropPacked();
    const worker = (this.#worker ??= new Worker(new URL('../ingest/ingest.worker.ts', import.meta.url), {
      type: 'module',
    }));
    this.status = 'working';
    this.#guard(true);
    this.result = null;
    this.files = null;
    this.failure = null;
    this.progress = { phase: 'reading', file: this.#files[0]?.name ?? '', rows: 0, fraction: 0 };
    worker.onmessage = (event: MessageEvent<IngestMessage>) => {
      const m = event.data;
      if (m.type === 'progress') this.progress = { phase: m.phase, file: m.file, rows: m.rows, fraction: m.fraction };
      else if (m.type === 'done') {
        const kept = m.result.kept;
        if (kept) {
          // Only the kept files still used are carried into a check again (Replace or merge, a re-check).
          const used = new Set(kept.used);
          this.#kept = this.#kept.filter((_, i) => used.has(i));
          this.kept = this.#kept.map((f) => f.name);
          this.replaced = [...new Set([...this.replaced, ...kept.replaced])];
        }
        this.result = m.result;
        this.files = m.files;
        this.status = 'ready';
        this.progress = null;
        if (m.result.errors === 0) {
          expectPacked(m.files.dialogues, () =>
            worker.postMessage({ type: 'send-prepared' } satisfies SendPreparedRequest),
          );
          this.#packing = m.files.dialogues;
          // Once the diff is drawn, the worker makes that dataset ready to move (see PrepareMoveRequest).
          void afterNextPaint().then(() => worker.postMessage({ type: 'prepare-move' } satisfies PrepareMoveRequest));
        }
      } else if (m.type === 'prepared') {
        if (this.#packing) settlePacked(this.#packing, m.packed);
        this.#packing = null;
      } else if (m.type === 'built') {
        // Not sent to upload runs.
      } else {
        this.failure = m.message;
        this.status = 'failed';
        this.#guard(false);
        this.#stop();
      }
    };
    worker.onerror = (e) => {
      this.failure = `The files could not be read: ${e.message || 'the worker stopped'}.`;
      this.status = 'failed';
      this.#guard(false);
      this.#stop();
    };
    const request: IngestRequest = {
      type: 'ingest',
      files: this.#files,
      ...(this.#kept.length > 0 && { kept: this.#kept }),
      current: this.#current!.files,
      key: this.#current!.key,
      mode: this.mode,
      ...(this.#since && { since: this.#since }),
    };
    worker.postMessage(request);
  }
}
