import type { PackedDialogues } from './packed';

/** A text as its character codes: one byte each when every one fits, else two (see packed-transfer.ts). */
export type TextCodes = Uint8Array | Uint16Array;

/** PackedDialogues as sent to the page: `textCodes[k]`, when there, holds text column k (and `texts[k]` is ''). */
export type SentDialogues = PackedDialogues & { textCodes?: (TextCodes | null)[] };

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
