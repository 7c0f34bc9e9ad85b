import Papa from 'papaparse';

/**
 * CSV records read by PapaParse, fed text a piece at a time (a large file is never one parse,
 * and need not be one string). What PapaParse does not give is added here: each record's line
 * in the file (header = line 1, blank lines counted; a quoted field with line breaks counts its
 * lines, so the next record's line is the one an editor shows), its place in the text from PapaParse's cursor, and a
 * bounded cost when a record never ends (an unclosed quote in a large file): the text waited
 * for doubles each time, so it is re-read a few times at most.
 */
export type QuoteProblem = 'unclosed' | 'stray';

export type Newline = '\n' | '\r\n' | '\r';

export interface CsvDialect {
  delimiter: string;
  newline: Newline;
  /** The file starts with Excel's `sep=;` line, which names the delimiter: it is not a record. */
  sepLine?: boolean;
}

/**
 * Where a file's lines and a spreadsheet's rows part: records over several lines (a value with
 * line breaks is one row), as pairs of first line and lines; and a `sep=` line, which Excel hides.
 */
export interface LineLayout {
  spans: readonly number[];
  sepLine: boolean;
}

export interface CsvRecord {
  cells: string[];
  /** The line the record starts on (header = 1; a quoted field's line breaks count). */
  line: number;
  /** Where the record starts and ends (its line end included) in the whole text, BOM dropped. */
  start: number;
  end: number;
  /** Lines of the file the record spans (1, or more when a quoted field holds line breaks). */
  lines: number;
  quote: QuoteProblem | null;
  /** With a stray quote: the cell it is in, from 0 (its field opened with a quote and has another inside). */
  quoteCell?: number;
}

/** Text parsed at a time: large enough that PapaParse's cost per call is nothing, small enough to slice. */
export const CSV_CHUNK = 64 * 1024;

/** How much of a file's start decides its delimiter and line end. */
const HEAD = 64 * 1024;

const DELIMITERS = [',', ';', '\t'] as const;

export const stripBom = (text: string): string => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);

/**
 * The delimiter the header row uses most (comma, semicolon or tab; comma on a tie) and the
 * line end PapaParse finds, from the file's first 64 KB. The header decides the delimiter
 * because it has the fewest quoted fields to mislead a count.
 */
export function sniffDialect(text: string): CsvDialect {
  const head = stripBom(text.slice(0, HEAD));
  const newline = (Papa.parse<string[]>(head, { preview: 1, delimiter: ',' }).meta.linebreak || '\n') as Newline;
  // `sep=;` (written for Excel, which reads it as the delimiter) says it outright.
  const sep = /^sep=([,;\t])(?:\r\n|\n|\r)/.exec(head);
  if (sep) return { delimiter: sep[1]!, newline, sepLine: true };
  let delimiter: string = ',';
  let most = 0;
  for (const d of DELIMITERS) {
    // A delimiter under which the header's quotes break is not the file's.
    const header = Papa.parse<string[]>(head, { preview: 1, delimiter: d, newline: splitAt(newline) });
    const cells = header.errors.length > 0 ? 0 : (header.data[0]?.length ?? 0);
    if (cells > most) {
      most = cells;
      delimiter = d;
    }
  }
  return { delimiter, newline };
}

/**
 * The line end PapaParse splits records at. A file of CRLF lines is split at LF, its CRs then
 * dropped from each record's last cell (`lastCells`): a file's line ends are often mixed — our
 * own CRLF download with a row added in an editor that writes LF, or an LF file with a row
 * pasted from Excel — and split at CRLF such a row would run into the next one, or read as a
 * quote never closed. Only a file of CR lines (old Mac Excel) is split at CR.
 */
export const splitAt = (newline: Newline): '\n' | '\r' => (newline === '\r' ? '\r' : '\n');

/**
 * A record's cells with the CR of a CRLF line end taken off its last, unquoted cell (text ends
 * at `end`). A quoted cell keeps a CR inside its quotes.
 */
function lastCells(cells: string[], text: string, end: number): string[] {
  const last = cells.length - 1;
  const cell = cells[last]!;
  if (
    cell.charCodeAt(cell.length - 1) === 13 &&
    text.charCodeAt(end - 1) === 10 &&
    text.charCodeAt(end - 2) === 13 &&
    text.charCodeAt(end - 3) !== 34
  ) {
    cells[last] = cell.slice(0, -1);
  }
  return cells;
}

/**
 * Records from text pushed in pieces of any size. `push` and `end` return the records now
 * complete; offsets and lines run on across pieces.
 */
export class CsvRecords {
  readonly delimiter: string;
  readonly newline: Newline;
  readonly #parser: Papa.Parser;
  readonly #splitsAtLf: boolean;
  /** A `sep=` line still to pass over (see CsvDialect.sepLine). */
  #sepLine: boolean;
  /** Text not yet read into whole records, and its offset in the whole text. */
  #pending = '';
  #base = 0;
  #bomChecked = false;
  /** Text to gather before parsing again; doubles while no record completes. */
  #need = CSV_CHUNK;
  /** The next record's line. */
  #line = 1;
  #out: CsvRecord[] = [];
  /** Where the last record ended in the text being parsed. */
  #from = 0;
  /** The text being parsed, and where its next quote is at or after #from (Infinity: none). */
  #input = '';
  #nextQuote = -1;
  /** Records over more than one line, as pairs: first line, lines (see spreadsheetRow). */
  readonly spans: number[] = [];
  /** Where the next LF and CR are at or after #from (Infinity: none), for the same purpose. */
  #nextLf = -1;
  #nextCr = -1;

  constructor(dialect: CsvDialect) {
    this.delimiter = dialect.delimiter;
    this.newline = dialect.newline;
    this.#splitsAtLf = splitAt(dialect.newline) === '\n';
    this.#sepLine = dialect.sepLine ?? false;
    this.#parser = new Papa.Parser({
      delimiter: dialect.delimiter,
      newline: splitAt(dialect.newline),
      quoteChar: '"',
      // The bare Parser's step gets `data` as a list of the one row.
      step: (r: Papa.ParseResult<string[]>) => this.#record(r),
    });
  }

  /** Where the text read into records so far ends. */
  get offset(): number {
    return this.#base;
  }

  /** Adds text; returns the records it completes. */
  push(text: string): CsvRecord[] {
    if (!this.#bomChecked && text !== '') {
      text = stripBom(text);
      this.#bomChecked = true;
    }
    this.#pending += text;
    if (this.#pending.length >= this.#need) this.#parse(this.#pending, false);
    return this.#take();
  }

  /** The end of the text: the last records, ended or not. */
  end(): CsvRecord[] {
    if (this.#pending !== '') this.#parse(this.#pending, true);
    return this.#take();
  }

  /**
   * With the whole text at hand (BOM dropped), instead of `push`: the next records, from a
   * slice of it starting where the last record ended. No piece is copied or joined to the
   * rest of a record cut at a chunk's end, so reading makes no garbage of the file's size.
   * Empty once the text is done.
   */
  next(text: string): CsvRecord[] {
    while (this.#out.length === 0 && this.#base < text.length) {
      const last = this.#base + this.#need >= text.length;
      this.#parse(text.slice(this.#base, last ? text.length : this.#base + this.#need), last);
      this.#pending = '';
    }
    return this.#take();
  }

  #take(): CsvRecord[] {
    const out = this.#out;
    this.#out = [];
    return out;
  }

  #parse(input: string, last: boolean): void {
    this.#from = 0;
    this.#input = input;
    this.#nextQuote = -1;
    this.#nextLf = -1;
    this.#nextCr = -1;
    const result = this.#parser.parse(input, this.#base, !last) as Papa.ParseResult<string[]>;
    const used = last ? input.length : result.meta.cursor - this.#base;
    // No whole record yet (a long quoted field): wait for twice as much before trying again.
    this.#need = used === 0 ? input.length * 2 : CSV_CHUNK;
    this.#pending = used === 0 ? input : input.slice(used);
    this.#base += used;
  }

  #record(r: Papa.ParseResult<string[]>): void {
    const start = this.#from;
    const end = r.meta.cursor - this.#base;
    this.#from = end;
    let quote: QuoteProblem | null = null;
    let quoteCell: number | undefined;
    for (const e of r.errors) {
      if (e.code === 'MissingQuotes') quote = 'unclosed';
      else if (e.code === 'InvalidQuotes' && quote === null) {
        quote = 'stray';
        // PapaParse gives the place just after the field's opening quote.
        if (e.index !== undefined) quoteCell = cellsBefore(this.#input, start, e.index - 1, this.delimiter);
      }
    }
    // A quoted field with line breaks takes that many more lines of the file: the next record's
    // line is the line an editor (and `file:line:column`) shows. Only a record with a quote and
    // a line break before its own line end can hold one; the next quote's and line break's
    // places are looked up natively once per occurrence, so the cost stays linear and most
    // records are not scanned at all.
    const line = this.#line;
    let lines = 1 + (this.#mayBreak(start, end) ? innerBreaks(this.#input, start, end) : 0);
    this.#line += lines;
    if (lines > 1) this.spans.push(line, lines);
    // A quote never closed runs to the end of the file: its blank last lines are not rows it took in.
    if (quote === 'unclosed' && lines > 1) lines = 1 + innerBreaks(this.#input, start, trimLineEnds(this.#input, start, end));
    if (this.#sepLine) {
      this.#sepLine = false;
      return;
    }
    const cells = r.data[0] ?? [''];
    // Only a record ending CR LF can have a CR to drop.
    if (this.#splitsAtLf && this.#input.charCodeAt(end - 2) === 13) lastCells(cells, this.#input, end);
    if (this.#hasCr(start, end)) lineFeeds(cells);
    this.#out.push({ cells, line, start: start + this.#base, end: end + this.#base, lines, quote, quoteCell });
  }

  /** Whether text[start, end) holds a CR other than its own line end's (looked up once per CR). */
  #hasCr(start: number, end: number): boolean {
    if (this.#nextCr < start) this.#nextCr = indexFrom(this.#input, '\r', start);
    const cr = this.#nextCr;
    return cr < end - 1 && !(cr === end - 2 && this.#input.charCodeAt(end - 1) === 10);
  }

  /** Whether text[start, end) may hold a line break other than the one that ends it. */
  #mayBreak(start: number, end: number): boolean {
    const input = this.#input;
    if (this.#nextQuote < start) this.#nextQuote = indexFrom(input, '"', start);
    if (this.#nextQuote >= end) return false;
    if (this.#nextLf < start) this.#nextLf = indexFrom(input, '\n', start);
    if (this.#nextCr < start) this.#nextCr = indexFrom(input, '\r', start);
    const first = Math.min(this.#nextLf, this.#nextCr);
    if (first >= end - 1) return false;
    return !(first === end - 2 && input.charCodeAt(first) === 13 && input.charCodeAt(first + 1) === 10);
  }
}

/**
 * How many cells a record starting at `start` has before `at` (the start of one of its fields):
 * its delimiters outside quotes. PapaParse reports a stray quote by place only, not by cell; this
 * reads the record as PapaParse does, a quote opening or closing a quoted stretch ("" twice over).
 */
function cellsBefore(text: string, start: number, at: number, delimiter: string): number {
  let cells = 0;
  let quoted = false;
  for (let i = start; i < at; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && text.startsWith(delimiter, i)) cells++;
  }
  return cells;
}

/** Where text[start, end) ends without the line ends (and blank lines) at its end. */
function trimLineEnds(text: string, start: number, end: number): number {
  while (end > start && (text.charCodeAt(end - 1) === 10 || text.charCodeAt(end - 1) === 13)) end--;
  return end;
}

/** Where `c` next is in `text` from `from`; Infinity when nowhere. */
function indexFrom(text: string, c: string, from: number): number {
  const i = text.indexOf(c, from);
  return i < 0 ? Infinity : i;
}

/** Line breaks (CRLF, LF or CR, each one) within text[start, end), not counting one that ends it. */
function innerBreaks(text: string, start: number, end: number): number {
  let breaks = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 13) {
      breaks++;
      if (text.charCodeAt(i + 1) === 10 && i + 1 < end) i++;
    } else if (c === 10) breaks++;
  }
  const last = text.charCodeAt(end - 1);
  return last === 10 || last === 13 ? breaks - 1 : breaks;
}

/**
 * A cell's line breaks as LF, however the file wrote them (CRLF from Windows, CR from old Mac
 * Excel): the same text, as downloads write it (csv-write.ts), so a cell read from a CR file is not
 * a change from the same cell read from an LF one.
 */
function lineFeeds(cells: string[]): string[] {
  for (let i = 0; i < cells.length; i++) if (cells[i]!.includes('\r')) cells[i] = cells[i]!.replace(/\r\n?/g, '\n');
  return cells;
}

/** Every record of a whole text, read a chunk at a time. */
export function* csvRecords(text: string, dialect: CsvDialect = sniffDialect(text)): Generator<CsvRecord> {
  const records = new CsvRecords(dialect);
  const body = stripBom(text);
  for (let out = records.next(body); out.length > 0; out = records.next(body)) yield* out;
}

const parsers = new Map<string, Papa.Parser>();

/** One bare parser per dialect, reused: a merge reads every row again this way. */
function bareParser(dialect: CsvDialect): Papa.Parser {
  const newline = splitAt(dialect.newline);
  const key = dialect.delimiter + newline;
  let parser = parsers.get(key);
  if (!parser) parsers.set(key, (parser = new Papa.Parser({ delimiter: dialect.delimiter, newline, quoteChar: '"' })));
  return parser;
}

/** The cells of the one record at `start`–`end` of `text` (offsets from a CsvRecord). */
export function recordAt(text: string, start: number, end: number, dialect: CsvDialect): string[] {
  const result = bareParser(dialect).parse(text.slice(start, end), 0, false) as Papa.ParseResult<string[]>;
  const cells = result.data[0] ?? [''];
  return lineFeeds(splitAt(dialect.newline) === '\n' ? lastCells(cells, text, end) : cells);
}

/**
 * The cells of each line of the record at `start`–`end`, each line read alone: what the rows
 * a broken quote ran together would have been (to name the meeting on each), up to `max` lines.
 */
export function linesOfRecord(text: string, start: number, end: number, dialect: CsvDialect, max: number): string[][] {
  const parser = bareParser(dialect);
  const out: string[][] = [];
  for (const line of text.slice(start, end).split(/\r\n|\n|\r/, max)) {
    const result = parser.parse(line, 0, false) as Papa.ParseResult<string[]>;
    out.push(result.data[0] ?? ['']);
  }
  return out;
}
