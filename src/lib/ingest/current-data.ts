import type { DatasetTexts } from '../data/dataset';
import { DialogueReader, type DialogueValues } from '../data/dialogue-reader';
import { DialoguePacker } from '../data/packed';
import { rowHash } from './row-hash';

/**
 * The data shown now, indexed for diffs: each meeting's id, fingerprint, line and place in the
 * text. Built once per dataset (when it is loaded), not once per upload.
 */
export class CurrentData {
  readonly texts: DatasetTexts;
  readonly reader: DialogueReader;
  readonly index = new Map<string, number>();
  /** The meetings' values, kept packed: diffs, merges and Apply read them without parsing again. */
  readonly packer = new DialoguePacker();
  starts = new Uint32Array(1024);
  ends = new Uint32Array(1024);
  lines = new Uint32Array(1024);
  hashes = new Uint32Array(2048);
  count = 0;

  constructor(texts: DatasetTexts) {
    this.texts = texts;
    this.reader = new DialogueReader(texts.dialogues);
    while (this.reader.read(Infinity, (line, v) => this.#add(line, v)));
  }

  #add(line: number, v: DialogueValues): void {
    const n = this.count;
    if (n === this.starts.length) {
      this.starts = grow(this.starts);
      this.ends = grow(this.ends);
      this.lines = grow(this.lines);
      this.hashes = grow(this.hashes);
    }
    const [a, b] = rowHash(v);
    this.packer.add(line, v);
    this.index.set(v[0]!, n);
    this.starts[n] = this.reader.rowStart;
    this.ends[n] = this.reader.rowEnd;
    this.lines[n] = line;
    this.hashes[2 * n] = a;
    this.hashes[2 * n + 1] = b;
    this.count = n + 1;
  }

  /** Meeting `i`'s normalised values (from the packed copy: no CSV read again). */
  values(i: number): DialogueValues {
    return this.packer.values(i);
  }
}

function grow(a: Uint32Array<ArrayBuffer>): Uint32Array<ArrayBuffer> {
  const b = new Uint32Array(a.length * 2);
  b.set(a);
  return b;
}
