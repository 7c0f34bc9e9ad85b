/**
 * Files dropped anywhere on the page: `dragging` while files are held over it (the page shows
 * where to drop them), and the files handed on when dropped. Only while `enabled()`: not in the
 * read-only briefing, nor in a single view.
 */
export class FileDrop {
  dragging = $state(false);
  #enabled: () => boolean;
  #ondrop: (files: File[]) => void;

  constructor(enabled: () => boolean, ondrop: (files: File[]) => void) {
    this.#enabled = enabled;
    this.#ondrop = ondrop;
  }

  #takes = (e: DragEvent): boolean =>
    this.#enabled() && !!e.dataTransfer && [...e.dataTransfer.types].includes('Files');

  ondragover = (e: DragEvent): void => {
    if (!this.#takes(e)) return;
    e.preventDefault();
    this.dragging = true;
  };

  ondrop = (e: DragEvent): void => {
    if (!this.#takes(e)) return;
    e.preventDefault();
    this.dragging = false;
    const files = [...(e.dataTransfer?.files ?? [])];
    if (files.length) this.#ondrop(files);
  };

  /** Left the window (not just moved from one element to another). */
  ondragleave = (e: DragEvent): void => {
    if (e.relatedTarget === null) this.dragging = false;
  };
}
