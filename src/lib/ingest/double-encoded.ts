import { someOf } from '../data/and-list';
import { csvRecords, sniffDialect } from '../data/csv-parse';
import { normaliseColumnName, shorten } from '../data/csv-table';
import type { Problem } from '../data/problems';
import { SAVE_AS_CSV_UTF8 } from './lost-letters';

/**
 * Text read twice over: a UTF-8 file opened as Windows-1252 (Excel on Windows opens a CSV without
 * a BOM so) and saved again as UTF-8 turns each accented letter or dash into two or three:
 * “China–Pakistan” into “Chinaâ€“Pakistan”, “Ürümqi” into “ÃœrÃ¼mqi”. The file is valid UTF-8, so
 * no check of its encoding fires; only its values tell. One warning per file.
 */

/** Windows-1252's characters for the bytes 0x80–0x9F, by byte (Latin-1's C1 controls where it has none). */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';
/** A UTF-8 continuation byte (0x80–0xBF) as Windows-1252 or Latin-1 shows it. */
const TAIL = `[${CP1252_HIGH}\\u00A0-\\u00BF]`;
/**
 * A UTF-8 sequence so read: the first byte of two (Â–ß, 0xC2–0xDF), three (à–ï) or four (ð) and
 * as many continuation bytes after it. Real text hardly has these pairs: “Ã©”, “â€“”, “Ø§”.
 */
const SEQUENCE = new RegExp(`[\\u00C2-\\u00DF]${TAIL}|[\\u00E0-\\u00EF]${TAIL}{2}|\\u00F0${TAIL}{3}`);

const SEQUENCES = new RegExp(SEQUENCE.source, 'g');
/** The leads of the commonest such sequences: an accented Latin letter (Ã), a no-break space or sign (Â), punctuation (â€). */
const TYPICAL = /^(?:[\u00C2\u00C3]|\u00E2\u20AC)/;

/**
 * A value that reads as text read twice over: one of the typical sequences, or two that read back
 * as UTF-8. One other alone is left: real text has those (“sécurité »” with a no-break space,
 * “CAFÉ”” in quotes, „Groß“).
 */
function looksDoubled(cell: string): boolean {
  const found = (cell.match(SEQUENCES) ?? []).filter((s) => undoubled(s) !== null);
  return found.length >= 2 || found.some((s) => TYPICAL.test(s));
}

/** The value as it was before it was read as Windows-1252, or null when it does not read back as UTF-8. */
export function undoubled(value: string): string | null {
  const bytes = new Uint8Array(value.length);
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    const high = CP1252_HIGH.indexOf(value[i]!);
    if (high >= 0) bytes[i] = 0x80 + high;
    else if (c < 0x100) bytes[i] = c;
    else return null;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** The warning for a CSV file whose values look read as Windows-1252 and saved again; null when none does. */
export function doubleEncoded(text: string, file: string): Problem | null {
  // Most files have none: one look at the whole text, then its records only when one is there.
  if (!SEQUENCE.test(text)) return null;
  let header: string[] | null = null;
  let first: { line: number; column: string; value: string } | null = null;
  let count = 0;
  const lines: number[] = [];
  for (const record of csvRecords(text, sniffDialect(text))) {
    if (!header) {
      header = record.cells.map((c) => normaliseColumnName(c));
      continue;
    }
    record.cells.forEach((cell, i) => {
      if (!looksDoubled(cell)) return;
      count++;
      first ??= { line: record.line, column: header![i] || `column ${i + 1}`, value: cell.trim() };
      if (lines[lines.length - 1] !== record.line) lines.push(record.line);
    });
  }
  if (!first) return null;
  const { line, column, value } = first as { line: number; column: string; value: string };
  const was = undoubled(value);
  const shown = someOf(lines.map(String), 5);
  return {
    file,
    line,
    column,
    value: shorten(value),
    message:
      `“${shorten(value)}” looks like UTF-8 text read as Windows-1252 and saved again${was !== null && was !== value ? ` (it was “${shorten(was)}”)` : ''}` +
      `${count > 1 ? `: ${count.toLocaleString('en')} values look so, on ${lines.length === 1 ? 'line' : 'lines'} ${shown}` : ''}. ` +
      'Excel on Windows opens a CSV so when it has no BOM (the app’s downloads have one). Correct the text, or start again from a new download; then ' +
      `${SAVE_AS_CSV_UTF8.charAt(0).toLowerCase()}${SAVE_AS_CSV_UTF8.slice(1)} and upload it again.`,
    severity: 'warning',
  };
}
