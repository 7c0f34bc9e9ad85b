import type { DatasetState } from './dataset.svelte';
import { UploadSession } from './upload.svelte';

/**
 * The upload wired to the data shown: files picked or dropped are checked against it, and Apply
 * makes them the data shown, labelled with the files' names and the time.
 */
export class UploadFlow {
  session = new UploadSession();
  #data: DatasetState;
  #ready: Promise<unknown>;

  /** `ready`: the first data has loaded (files picked before then wait for it). */
  constructor(data: DatasetState, ready: Promise<unknown>) {
    this.#data = data;
    this.#ready = ready;
    // Another tab's apply shown here: an upload under review was compared with the data before it,
    // so it is checked again against the data now shown, and the notice says so.
    data.onfollow = () => {
      const names = this.session.picked.join(', ');
      if (data.files && this.session.recheck(data.files, String(data.generation))) {
        data.notice = `${data.notice ?? ''} Your upload (${names}) was checked again against it.`;
      }
    };
    // Each dataset shown is indexed by the upload worker as it arrives (if this page has one yet),
    // so the next upload is checked at once.
    $effect(() => {
      if (data.files) this.session.prepare(data.files, String(data.generation));
    });
  }

  /** Files picked or dropped before the data has loaded wait for it. */
  pick = async (files: File[]): Promise<void> => {
    await this.#ready;
    if (this.#data.files) this.session.start(files, this.#data.files, String(this.#data.generation));
  };

  apply = async (): Promise<void> => {
    const upload = this.session;
    if (!upload.files) return;
    const when = new Date().toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
    const label = `${upload.picked.join(', ')} (uploaded ${when}${upload.mode === 'merge' ? ', merged' : ''})`;
    const files = upload.files;
    upload.discard();
    await this.#data.apply(files, label);
  };
}
