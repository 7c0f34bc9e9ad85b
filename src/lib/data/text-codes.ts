import type { PackedDialogues } from './packed';

/** A text as its character codes: one byte each when every one fits, else two (see packed-transfer.ts). */
export type TextCodes = Uint8Array | Uint16Array;

/**
 * PackedDialogues as sent to the page: `textCodes[k]`, when there, holds text column k (and
 * `texts[k]` is ''); `tableTexts[k]`, when there, holds table k joined, with where each value
 * ends (and `tables[k]` is empty): a quarter of a million distinct topic lists cost the page one
 * long task to receive as strings, and a few milliseconds as one.
 */
export type SentDialogues = PackedDialogues & {
  textCodes?: (TextCodes | null)[];
  tableTexts?: (JoinedTable | null)[];
};

/** A table of strings as one string and the end of each value in it. */
export interface JoinedTable {
  text: string;
  ends: Uint32Array;
}

/** Tables longer than this are sent joined. */
export const JOIN_TABLES_FROM = 4096;

/** `table` as one string and where each value ends. */
export function joinTable(table: readonly string[]): JoinedTable {
  const ends = new Uint32Array(table.length);
  let end = 0;
  table.forEach((value, i) => (ends[i] = end += value.length));
  return { text: table.join(''), ends };
}

/** How many values table k of `d` has, joined or not. */
export function tableLength(d: SentDialogues, k: number): number {
  return d.tableTexts?.[k]?.ends.length ?? d.tables[k]!.length;
}

/** Value `code` of table k of `d`, joined or not. */
export function tableValue(d: SentDialogues, k: number, code: number): string {
  const joined = d.tableTexts?.[k];
  if (!joined) return d.tables[k]![code]!;
  return joined.text.slice(code === 0 ? 0 : joined.ends[code - 1], joined.ends[code]);
}

/** A text's character codes: one byte each when every one fits, else two. */
export function codesOf(text: string): TextCodes {
  let wide = false;
  for (let i = 0; i < text.length && !wide; i++) wide = text.charCodeAt(i) > 0xff;
  const codes = wide ? new Uint16Array(text.length) : new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) codes[i] = text.charCodeAt(i);
  return codes;
}

/** Characters per String.fromCharCode call (its arguments are limited in number). */
const CHUNK = 8192;

/** The text of codes[from, to). */
export function textOf(codes: TextCodes, from: number, to: number): string {
  let text = '';
  for (let k = from; k < to; k += CHUNK) {
    text += String.fromCharCode.apply(null, codes.subarray(k, Math.min(to, k + CHUNK)) as unknown as number[]);
  }
  return text;
}
