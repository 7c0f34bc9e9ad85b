import { transferables, type PackedDataset } from './packed';
import { codesOf, JOIN_TABLES_FROM, joinTable, type SentDialogues } from './text-codes';

/**
 * A packed dataset made ready to cross from the worker to the page. The long text columns
 * (evidence and summary: most of a file's bytes) go as typed arrays of their character codes,
 * moved rather than copied: a joined string of 80 MB would take the page one long task to
 * receive. The page reads a value from its codes only when a meeting is made (packed-meetings.ts).
 * The ids stay a string: the page searches them (a link names a meeting). A long table of
 * distinct values (topic lists, dates) goes as one string and its ends (text-codes.ts).
 */

/** A dataset to post and the buffers to move with it. */
export interface Movable {
  packed: PackedDataset;
  buffers: ArrayBuffer[];
}

/** The dataset ready to post (made when it is packed: Apply need not wait for it). */
export function forTransfer(p: PackedDataset): Movable {
  const d = p.dialogues;
  const textCodes = d.texts.map((text, k) => (k === 0 ? null : codesOf(text)));
  const tableTexts = d.tables.map((table) => (table.length > JOIN_TABLES_FROM ? joinTable(table) : null));
  const dialogues: SentDialogues = {
    ...d,
    texts: d.texts.map((t, k) => (textCodes[k] ? '' : t)),
    textCodes,
    tables: d.tables.map((t, k) => (tableTexts[k] ? [] : t)),
    tableTexts,
  };
  const packed = { ...p, dialogues };
  const codeBuffers = textCodes.flatMap((c) => (c ? [c.buffer as ArrayBuffer] : []));
  const tableBuffers = tableTexts.flatMap((t) => (t ? [t.ends.buffer as ArrayBuffer] : []));
  return { packed, buffers: [...transferables(packed), ...codeBuffers, ...tableBuffers] };
}
