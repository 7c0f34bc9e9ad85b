import { untrack } from 'svelte';
import type { DatasetState } from './dataset.svelte';
import type { UploadSession } from './upload.svelte';
import { DATA_FILES } from '../data/schema';

/** The data's files: dialogues, venues, topics, sources. */
const KIND_COUNT = Object.keys(DATA_FILES).length;

/**
 * The upload wired to the data shown: files picked or dropped are checked against it, and Apply
 * makes them the data shown, labelled with the files' names and the time.
 */
export class UploadFlow {
  /** The upload under way, once its code has loaded (`load`): it is not part of the first view's. */
  session = $state.raw<UploadSession | null>(null);
  #loading: Promise<UploadSession> | null = null;
  #data: DatasetState;
  #ready: Promise<unknown>;

  /** `ready`: the first data has loaded (files picked before then wait for it). */
  constructor(data: DatasetState, ready: Promise<unknown>) {
    this.#data = data;
    this.#ready = ready;
    // Another tab's apply shown here: an upload under review was compared with the data before it,
    // so it is checked again against the data now shown, and the notice says so.
    data.onfollow = () => {
      const session = this.session;
      if (session?.underReview) {
        data.notice = `${data.notice ?? ''} Your upload (${session.names.join(', ')}) was checked again against it.`;
      }
    };
    // Told before the data changes, so the one check again (below) counts what applying the upload
    // would take back of the other tab's change, and Apply asks first.
    data.onfollowing = (before, label) => this.session?.changedElsewhere(before, label);
    // Each dataset shown (an apply, Undo, Redo or Reset, here or in another tab) is what an upload
    // under review is checked against again; else the upload worker (if this page has one yet)
    // indexes it as it arrives, so the next upload is checked at once.
    $effect(() => {
      const [files, key, session] = [data.files, String(data.generation), this.session];
      if (!files || !session) return;
      untrack(() => {
        if (!session.recheck(files, key, data.label)) session.prepare(files, key);
      });
    });
  }

  /**
   * The upload's code, loaded once (beside the data panel's, or when files are first picked). When
   * it cannot be fetched the data panel says so in its place (it awaits this too), with Reload.
   */
  load(): Promise<UploadSession> {
    return (this.#loading ??= import('./upload.svelte').then(
      ({ UploadSession }) => (this.session = new UploadSession()),
    ));
  }

  /** Files picked or dropped before the data has loaded wait for it. */
  pick = async (files: File[]): Promise<void> => {
    const [session] = await Promise.all([this.load(), this.#ready]);
    if (this.#data.files) session.start(files, this.#data.files, String(this.#data.generation));
  };

  apply = async (): Promise<void> => {
    const upload = this.session;
    if (!upload?.files) return;
    // To the second: two applies in one minute are told apart on Undo and in other tabs' notices.
    const when = new Date().toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'medium' });
    // Files uploaded one at a time: the label says the data is not the named file alone.
    const uploaded = new Set(upload.result?.files.map((f) => f.kind).filter((k) => k !== null));
    const rest = uploaded.size < KIND_COUNT ? '; the other files as before' : '';
    const label = `${upload.names.join(', ')} (uploaded ${when}${upload.mode === 'merge' ? ', merged' : ''}${rest})`;
    const files = upload.files;
    upload.discard();
    await this.#data.apply(files, label);
  };
}
