import { Zip, ZipDeflate, strToU8 } from 'fflate';
import { csvMoreRows, csvText, UTF8_BOM } from '../data/csv-write';
import { dialogueValues } from '../data/dialogue-values';
import { packageJson } from '../data/package-schema';
import { PackedMeetings } from '../data/packed-meetings';
import { DATA_FILES, DIALOGUE_COLUMNS, type Dataset, type DataFileKind, type Dialogue } from '../data/schema';
import type { SentDialogues } from '../data/text-codes';
import { README_NAME } from '../data/package-readme-name';
import { datasetFileText, downloadStart, fileType, rowCounts } from './data-package';
import { packageReadme, type PackageAbout } from './package-readme';

/**
 * The data files written for a download in a worker (data-files.worker.ts): the same text as
 * data-package.ts writes on the page, byte for byte (test/unit/download-worker.test.ts), but
 * dialogues.csv a slice of rows at a time, as the pieces of a Blob, saying how far it is after each.
 */

/** What the worker is sent: the meetings as the page's packed columns (copied, not moved: the page goes on reading them). */
export type FileSource = Omit<Dataset, 'dialogues'> & { dialogues: SentDialogues | readonly Dialogue[] };

/** Rows per piece: a few megabytes of text, and a progress report after each. */
export const PIECE_ROWS = 10_000;

/**
 * dialogues.csv as pieces of PIECE_ROWS rows; joined, what dialoguesCsv writes. The meetings are
 * made from the packed columns a piece at a time, by a store per piece, so the ones made are let
 * go with it (a store keeps every meeting it makes: a million would not fit).
 */
export function* dialoguesPieces(
  dialogues: SentDialogues | readonly Dialogue[],
  onProgress: (fraction: number) => void = () => {},
  rows = PIECE_ROWS,
): Generator<string, void, void> {
  const made = Array.isArray(dialogues);
  const n = made ? dialogues.length : (dialogues as SentDialogues).n;
  if (n === 0) yield csvText(DIALOGUE_COLUMNS, []);
  for (let from = 0; from < n; from += rows) {
    const store = made ? null : new PackedMeetings(dialogues as SentDialogues);
    const values = [];
    for (let i = from; i < Math.min(n, from + rows); i++)
      values.push(dialogueValues(store ? store.get(i) : (dialogues as readonly Dialogue[])[i]!));
    yield from === 0 ? csvText(DIALOGUE_COLUMNS, values) : csvMoreRows(values);
    onProgress(Math.min(n, from + rows) / n);
  }
}

/** One file as downloaded, as pieces: a CSV's BOM, then dialogues.csv a slice at a time, the others (a few thousand rows at most) whole. */
export function* filePieces(
  source: FileSource,
  kind: DataFileKind,
  onProgress?: (fraction: number) => void,
): Generator<string, void, void> {
  const start = downloadStart(kind);
  if (start) yield start;
  if (kind === 'dialogues') yield* dialoguesPieces(source.dialogues, onProgress);
  else yield datasetFileText({ ...source, dialogues: [] }, kind);
}

/** One file, ready to download. */
export function fileBlob(source: FileSource, kind: DataFileKind, onProgress?: (fraction: number) => void): Blob {
  return new Blob([...filePieces(source, kind, onProgress)], { type: fileType(kind) });
}

/**
 * The data package (see dataPackageZip: the same files, in the same order), each file compressed
 * a piece at a time as it is written: the whole file's text is never held at once.
 */
export function packageBlob(source: FileSource, about: PackageAbout, onProgress?: (fraction: number) => void): Blob {
  const parts: Uint8Array<ArrayBuffer>[] = [];
  const failures: Error[] = [];
  const zip = new Zip((error, data) => {
    if (error) failures.push(error);
    else parts.push(data as Uint8Array<ArrayBuffer>);
  });
  const add = (name: string, pieces: Iterable<string>) => {
    const file = new ZipDeflate(name, { level: 6 });
    zip.add(file);
    for (const piece of pieces) file.push(strToU8(piece));
    file.push(new Uint8Array(0), true);
  };
  const dialogues = Array.isArray(source.dialogues) ? source.dialogues.length : (source.dialogues as SentDialogues).n;
  add(README_NAME, [
    UTF8_BOM,
    packageReadme(rowCounts({ ...source, dialogues: { length: dialogues } }), source.sources, about),
  ]);
  add('datapackage.json', [packageJson()]);
  for (const kind of Object.keys(DATA_FILES) as DataFileKind[])
    add(DATA_FILES[kind], filePieces(source, kind, kind === 'dialogues' ? onProgress : undefined));
  zip.end();
  if (failures.length) throw failures[0];
  return new Blob(parts, { type: 'application/zip' });
}
