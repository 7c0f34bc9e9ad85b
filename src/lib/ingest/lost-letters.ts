import type { Problem } from '../data/problems';
import { shorten } from '../data/csv-table';
import { DIALOGUE_COLUMNS } from '../data/schema';

/**
 * Text lost to a file saved as plain CSV: Excel's "CSV (Comma delimited)" on an English Windows
 * writes "?" for every letter outside its code page (Windows-1252), so an Urdu name comes back as
 * "?????????". The file is then all ASCII, so no check of its encoding fires; only its values tell.
 * A value made only of "?" (with spaces, digits and punctuation) that replaces one with letters, or
 * a run of "??" where the data shown has letters outside Latin, is counted; the file gets one warning.
 */

/** A value with a "?" and no letter: what a plain CSV makes of a name in Urdu, Arabic or Chinese. */
const ONLY_MARKS = /^[^\p{L}]*\?[^\p{L}]*$/u;
/** Two "?" together, as a word of lost letters: a question ends in one. */
const RUN = /\?\?/;
/** A letter outside Latin (Arabic, Urdu, Chinese, Cyrillic…), which a Windows-1252 file cannot hold. */
const OTHER_LETTER = /(?![\p{Script=Latin}])\p{L}/u;
const LETTER = /\p{L}/u;

/** How to save a spreadsheet's CSV as UTF-8 (said by every check that finds text a plain CSV lost or mangled). */
export const SAVE_AS_CSV_UTF8 =
  'Save the file from the spreadsheet as “CSV UTF-8” (Excel: File › Save As › CSV UTF-8; LibreOffice: character set UTF-8)';

export class LostLetters {
  #count = 0;
  #rows = 0;
  #first: { line: number; column: string; value: string; was: string | null } | null = null;
  #shownHasOtherLetters: boolean | undefined;
  readonly #shownText: () => string;

  /** `shownText`: the data shown now, looked at (once) only when a new row has a run of "?". */
  constructor(shownText: () => string) {
    this.#shownText = shownText;
  }

  /** A row of the upload, with the values of the meeting it replaces (null: a new one). */
  row(line: number, values: readonly string[], was: readonly string[] | null): void {
    const before = this.#count;
    this.#scan(line, values, was);
    if (this.#count > before) this.#rows++;
  }

  #scan(line: number, values: readonly string[], was: readonly string[] | null): void {
    for (let k = 1; k < values.length; k++) {
      const value = values[k]!;
      if (!value.includes('?')) continue;
      const before = was?.[k] ?? null;
      if (before === value) continue;
      const lost =
        before !== null
          ? (ONLY_MARKS.test(value) && LETTER.test(before)) || (RUN.test(value) && OTHER_LETTER.test(before))
          : RUN.test(value) && (this.#shownHasOtherLetters ??= OTHER_LETTER.test(this.#shownText()));
      if (!lost) continue;
      this.#count++;
      this.#first ??= { line, column: DIALOGUE_COLUMNS[k]!, value, was: before };
    }
  }

  /** One warning for the file, at its first such value, counting them all; null when none. */
  problem(file: string): Problem | null {
    const first = this.#first;
    if (!first) return null;
    const [n, rows] = [this.#count, this.#rows];
    const what =
      first.was !== null
        ? `“${shorten(first.value)}” would replace “${shorten(first.was)}”`
        : `“${shorten(first.value)}” has “?” where letters would be`;
    return {
      file,
      line: first.line,
      column: first.column,
      value: shorten(first.value),
      message: `${what}${n > 1 ? ` (${n.toLocaleString('en')} values in ${rows.toLocaleString('en')} ${rows === 1 ? 'row' : 'rows'} of this file look so)` : ''}: the text looks lost by saving as plain CSV, which writes “?” for each letter its language setting cannot hold (Excel’s “CSV (Comma delimited)” on English Windows does so to Urdu, Arabic and Chinese). ${SAVE_AS_CSV_UTF8} and upload it again; the letters lost in this copy cannot be read back from it.`,
      severity: 'warning',
    };
  }
}
