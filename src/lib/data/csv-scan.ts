/**
 * A CSV tokenizer for large files: it walks the text with indexOf rather than char by char and
 * reuses one array for a record's cells, so a million rows cost little beyond the strings kept.
 * RFC 4180 quoting ("" inside quotes, delimiters and newlines in quoted fields), CRLF or LF.
 */
const QUOTE = 34;
const LF = 10;
const CR = 13;

export type QuoteProblem = 'unclosed' | 'stray';

export class CsvScanner {
  readonly text: string;
  readonly delimiter: string;
  /** Where the next record starts. */
  pos = 0;
  /** Records read so far, blank ones included: the next record's spreadsheet line is `records + 1`. */
  records = 0;
  /** Set when the record just read had broken quotes. */
  quoteProblem: QuoteProblem | null = null;
  #delim: number;
  #nextNewline = -1;

  constructor(text: string, delimiter: string) {
    this.text = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    this.delimiter = delimiter;
    this.#delim = delimiter.charCodeAt(0);
  }

  get done(): boolean {
    return this.pos >= this.text.length;
  }

  /** Reads the next record into `cells` (cleared first). Returns false at the end of the text. */
  next(cells: string[]): boolean {
    const text = this.text;
    const len = text.length;
    if (this.pos >= len) return false;
    cells.length = 0;
    this.quoteProblem = null;
    this.records++;
    let pos = this.pos;
    for (;;) {
      let value: string;
      if (text.charCodeAt(pos) === QUOTE) {
        // A quoted field: up to the next quote that is not doubled. Sliced once, and `""` made
        // `"` in one pass: one flat string, not a chain of pieces (a million rows keep them all).
        const start = pos + 1;
        let doubled = false;
        let end: number;
        for (let from = start; ; ) {
          const q = text.indexOf('"', from);
          if (q === -1) {
            end = pos = len;
            this.quoteProblem = 'unclosed';
            break;
          }
          if (text.charCodeAt(q + 1) === QUOTE) {
            doubled = true;
            from = q + 2;
            continue;
          }
          end = q;
          pos = q + 1;
          break;
        }
        value = doubled ? text.slice(start, end).replaceAll('""', '"') : text.slice(start, end);
        // Text after the closing quote (a"b"c): kept, but the quotes were malformed.
        const c = text.charCodeAt(pos);
        if (pos < len && c !== this.#delim && c !== LF && c !== CR) {
          const end = this.#fieldEnd(pos);
          value += text.slice(pos, end);
          pos = end;
          this.quoteProblem ??= 'stray';
        }
      } else {
        const end = this.#fieldEnd(pos);
        value = text.slice(pos, text.charCodeAt(end - 1) === CR && end > pos && end === this.#nextNewline ? end - 1 : end);
        pos = end;
      }
      cells.push(value);
      const c = text.charCodeAt(pos);
      if (c === this.#delim) {
        pos++;
        continue;
      }
      if (c === CR && text.charCodeAt(pos + 1) === LF) pos += 2;
      else if (c === LF || c === CR) pos++;
      break;
    }
    this.pos = pos;
    return true;
  }

  /** The end of an unquoted field starting at `pos`: the next delimiter or line end. */
  #fieldEnd(pos: number): number {
    const text = this.text;
    if (this.#nextNewline < pos) {
      const nl = text.indexOf('\n', pos);
      this.#nextNewline = nl === -1 ? text.length : nl;
    }
    const d = text.indexOf(this.delimiter, pos);
    const end = d === -1 || d > this.#nextNewline ? this.#nextNewline : d;
    // A lone CR (old Mac line ends) also ends a line.
    const cr = text.indexOf('\r', pos);
    return cr !== -1 && cr < end && text.charCodeAt(cr + 1) !== LF ? cr : end;
  }
}

const DELIMITERS = [',', ';', '\t'] as const;

/**
 * The delimiter the header line uses most: comma, semicolon or tab (comma on a tie).
 * The header decides because it has the fewest quoted fields to mislead a count.
 */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  const end = Math.min(text.length, 64 * 1024);
  for (let i = 0; i < end; i++) {
    const ch = text[i]!;
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best: string = ',';
  for (const d of DELIMITERS) if (counts.get(d)! > counts.get(best)!) best = d;
  return best;
}

/**
 * Cuts CSV that arrives in pieces into runs of whole records, so each run can be read on its
 * own and a large file is never one string. It follows quoting exactly as CsvScanner does (a
 * quote opens a field only at the field's start; `""` inside is a quote), and cuts only after a
 * line feed outside quotes. A file whose quotes never close is simply not cut.
 */
export class RecordSplitter {
  readonly #delim: number;
  /** Text not handed out yet; it starts at a record's start. */
  #pending = '';
  /** How far `#pending` has been followed, and whether that point is inside quotes. */
  #scanned = 0;
  #quoted = false;
  /** Just after the last line feed in `#pending` that ends a record. */
  #cut = 0;

  constructor(delimiter: string) {
    this.#delim = delimiter.charCodeAt(0);
  }

  /** Adds text; returns the whole records now complete ('' if none), keeping the rest. */
  push(text: string): string {
    const t = (this.#pending += text);
    let pos = this.#scanned;
    let quoted = this.#quoted;
    while (pos < t.length) {
      if (quoted) {
        const q = t.indexOf('"', pos);
        if (q === -1) pos = t.length;
        // A quote at the end: doubled or closing, the next piece will tell.
        else if (q + 1 === t.length) break;
        else if (t.charCodeAt(q + 1) === QUOTE) pos = q + 2;
        else {
          quoted = false;
          pos = q + 1;
        }
        continue;
      }
      const nl = t.indexOf('\n', pos);
      const lineEnd = nl === -1 ? t.length : nl;
      let q = t.indexOf('"', pos);
      while (q !== -1 && q < lineEnd && !this.#atFieldStart(t, q)) q = t.indexOf('"', q + 1);
      if (q !== -1 && q < lineEnd) {
        quoted = true;
        pos = q + 1;
      } else if (nl === -1) pos = t.length;
      else pos = this.#cut = nl + 1;
    }
    this.#quoted = quoted;
    const done = t.slice(0, this.#cut);
    this.#pending = t.slice(this.#cut);
    this.#scanned = pos - this.#cut;
    this.#cut = 0;
    return done;
  }

  /** What is left at the end of the file. */
  end(): string {
    const rest = this.#pending;
    this.#pending = '';
    this.#scanned = 0;
    this.#quoted = false;
    return rest;
  }

  #atFieldStart(t: string, q: number): boolean {
    if (q === 0) return true;
    const c = t.charCodeAt(q - 1);
    return c === this.#delim || c === LF || c === CR;
  }
}
