import { CSV_CHUNK, CsvRecords, sniffDialect, stripBom, type CsvDialect, type CsvRecord, type LineLayout } from './csv-parse';
import { brokenRows, checkHeader, nfc, rowProblem, shorten, type CsvHeader } from './csv-table';
import { restoreFormula } from './formula';
import { datePrecision } from './partial-date';
import {
  dayOfMidnight,
  midnightNote,
  MISSING_CELLS,
  missingNote,
  yearAsDateMessage,
  yearAsSpreadsheetDate,
  type PartialDateLines,
} from './tool-written-cells';
import type { Problem } from './problems';
import { DATA_FILES, DIALOGUE_COLUMNS, STATUSES, type Status } from './schema';
import { templateExample } from './template';
import { normaliseList } from './topic-list';

export const REQUIRED_DIALOGUE_COLUMNS = ['id', 'date', 'status', 'partner', 'track', 'venue_id', 'topics', 'source_id'] as const;

/** A row's values in DIALOGUE_COLUMNS order, normalised as the app reads them (trimmed, topics tidied). */
export type DialogueValues = string[];

/** Remembers each id read, for the duplicate check. */
export interface IdRegister {
  /** Notes that `id` is on `line`; if it was seen before, returns the line it was first on. */
  register(id: string, line: number): number | undefined;
}

/** Ids by the line they were first on. */
export class IdLines implements IdRegister {
  readonly #first = new Map<string, number>();
  register(id: string, line: number): number | undefined {
    const first = this.#first.get(id);
    if (first === undefined) this.#first.set(id, line);
    return first;
  }
}

/**
 * Reads dialogues.csv record by record (PapaParse, a chunk at a time: see csv-parse.ts): checks
 * each row, and makes the meeting when asked. A row with an error (no id, a duplicate id, an
 * impossible date, an unknown status, a held meeting with no date) is reported and left out;
 * the rest load. Used whole by parseDialogues, in slices on the main thread, and without
 * building objects by the upload's worker. The text may come as one string or as pieces of
 * any size (a large file decoded as a stream); `text` needs the one string.
 */
export class DialogueReader {
  readonly file: string;
  readonly problems: Problem[];
  readonly usable: boolean;
  readonly delimiter: string;
  readonly dialect: CsvDialect;
  readonly #header: CsvHeader;
  readonly #records: CsvRecords;
  readonly #columns: (number | undefined)[];
  readonly #ids: IdRegister;
  /** The text (BOM dropped) when given whole, else '' ; and the pieces still to read. */
  readonly #text: string;
  readonly #pieces: readonly string[];
  /** Given as one string: read from slices of it (see CsvRecords.next). */
  readonly #whole: boolean;
  #piece = 0;
  #at = 0;
  readonly #length: number;
  #queue: CsvRecord[] = [];
  #next = 0;
  #ended = false;
  /** The current row's values in DIALOGUE_COLUMNS order. */
  readonly values: DialogueValues = new Array<string>(DIALOGUE_COLUMNS.length).fill('');
  /** Where the current row starts and ends (line end included) in the text. */
  rowStart = 0;
  rowEnd = 0;
  /** Data records read so far (blank lines not counted), those with errors included. */
  records = 0;
  /** The first dates known only to a year or a month: an upload's advice on reformatting dates names them. */
  readonly partialDates: PartialDateLines = {};

  constructor(text: string | readonly string[], file: string = DATA_FILES.dialogues, ids: IdRegister = new IdLines()) {
    this.#ids = ids;
    this.file = file;
    if (typeof text === 'string') {
      this.#text = stripBom(text);
      this.#pieces = [this.#text];
    } else {
      this.#text = text.length === 1 ? stripBom(text[0]!) : '';
      this.#pieces = text;
    }
    this.#whole = this.#pieces.length === 1;
    this.#length = this.#pieces.reduce((n, p) => n + p.length, 0);
    this.dialect = sniffDialect(this.#pieces[0] ?? '');
    this.delimiter = this.dialect.delimiter;
    this.#records = new CsvRecords(this.dialect);
    const first = this.#record();
    this.#header = checkHeader(first ? first.cells : [], file, REQUIRED_DIALOGUE_COLUMNS, {}, DIALOGUE_COLUMNS);
    this.problems = this.#header.problems;
    this.usable = this.#header.usable;
    this.#columns = DIALOGUE_COLUMNS.map((c) => this.#header.index.get(c));
  }

  /** The next record, reading another chunk when those read are used up; null at the end. */
  #record(): CsvRecord | null {
    while (this.#next === this.#queue.length) {
      if (this.#ended) return null;
      this.#next = 0;
      if (this.#whole) {
        this.#queue = this.#records.next(this.#text);
        this.#ended = this.#queue.length === 0;
        continue;
      }
      const piece = this.#pieces[this.#piece];
      if (piece === undefined) {
        this.#queue = this.#records.end();
        this.#ended = true;
        continue;
      }
      const chunk = piece.slice(this.#at, this.#at + CSV_CHUNK);
      this.#at += CSV_CHUNK;
      if (this.#at >= piece.length) {
        this.#piece++;
        this.#at = 0;
      }
      this.#queue = this.#records.push(chunk);
    }
    return this.#queue[this.#next++]!;
  }

  /** The header as read (names normalised), in file order. */
  get header(): readonly string[] {
    return this.#header.header;
  }

  /** Where the file's lines and a spreadsheet's rows part, so far (see LineLayout). */
  get layout(): LineLayout {
    return { spans: this.#records.spans, sepLine: this.dialect.sepLine === true };
  }

  /** The whole text (BOM dropped), when the reader was given it as one string. */
  get text(): string {
    return this.#text;
  }

  /** How far through the text, 0–1. */
  get progress(): number {
    return this.#length === 0 ? 1 : Math.min(1, this.#records.offset / this.#length);
  }

  /** The file's data records, estimated from those read so far and how far through it they end (a little over). */
  estimatedRecords(): number {
    return this.rowEnd === 0 ? 0 : Math.ceil((this.records * 1.05 * this.#length) / this.rowEnd) + 16;
  }

  /**
   * Reads up to `max` records. For each good row `onRow` gets its line and (in `this.values`)
   * its normalised values; with `everyRow`, rows with errors too (`ok` false). `onBroken` gets
   * the id on each row left out for its shape (broken quotes, a wrong count of cells), each
   * line of rows a broken quote ran together read alone. Returns false once the text is done.
   */
  read(
    max: number,
    onRow: (line: number, values: DialogueValues, ok: boolean) => void,
    everyRow = false,
    onBroken?: (line: number, id: string) => void,
  ): boolean {
    if (!this.usable) return false;
    const header = this.#header.header;
    for (let n = 0; n < max; n++) {
      const record = this.#record();
      if (record === null) return false;
      const { cells, line } = record;
      this.rowStart = record.start;
      this.rowEnd = record.end;
      const problem = rowProblem(
        this.file,
        line,
        cells,
        header,
        record.quote,
        record.lines,
        this.delimiter,
        record.quoteCell,
      );
      if (problem === 'blank') continue;
      this.records++;
      if (problem) {
        this.problems.push(problem);
        this.#broken(record, onBroken);
        continue;
      }
      const ok = this.#check(line, cells);
      if (ok || everyRow) onRow(line, this.values, ok);
    }
    return true;
  }

  /** The rows a record left out for its shape was meant to be (see brokenRows), counted and each given its id. */
  #broken(record: CsvRecord, onBroken?: (line: number, id: string) => void): void {
    // Read in pieces, the text is not at hand to read the lines alone: the record stands as one row.
    const rows = this.#text === '' ? [record] : brokenRows(this.#text, record, this.dialect, this.file, this.problems);
    this.records += rows.length - 1;
    const idColumn = this.#columns[0]!;
    for (const row of rows) {
      const id = tidy(row.cells[idColumn] ?? '');
      if (id !== '') onBroken?.(row.line, id);
    }
  }

  /** Fills `values` from the cells and checks them; reports problems; true when the row loads. Runs once per row: kept lean. */
  #check(line: number, cells: string[]): boolean {
    const v = this.values;
    const columns = this.#columns;
    for (let i = 0; i < v.length; i++) {
      const c = columns[i];
      const value = c === undefined ? '' : restoreFormula(nfc(tidy(cells[c] ?? '')));
      if (MISSING_CELLS.has(value)) {
        v[i] = '';
        this.#noteOnce(value, line, DIALOGUE_COLUMNS[i]!, value, missingNote(value));
      } else v[i] = value;
    }
    let ok = true;
    const id = v[0]!;
    if (id === '') ok = this.#fail(line, 'id', id, 'Every meeting needs an id (any unique text, e.g. eu-2025-07-17).');
    else {
      const first = this.#ids.register(id, line);
      if (first !== undefined) ok = this.#fail(line, 'id', id, `Duplicate id: “${shorten(id)}” is already used on line ${first}. Ids must be unique.`);
    }
    const statusText = v[2]!;
    const status = statusText === 'held' || statusText === 'planned' ? statusText : statusText.toLowerCase();
    if (!isStatus(status))
      ok = this.#fail(line, 'status', statusText, `${statusText ? `Unknown status “${shorten(statusText)}”` : 'No status'}: expected “held” or “planned”.`);
    else v[2] = status;
    let date = v[1]!;
    const day = date.length > 10 ? dayOfMidnight(date) : null;
    if (day) {
      this.#noteOnce('midnight', line, 'date', date, midnightNote(day));
      v[1] = date = day;
    }
    const precision = date === '' ? null : datePrecision(date);
    if (date !== '' && precision === null) {
      // An upload's check adds what to write instead (ingest/spreadsheet-dates.ts).
      ok = this.#fail(line, 'date', date, `“${shorten(date)}” is not a real date: expected YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2025-07-17).`);
    } else if (precision === 'day') {
      const year = yearAsSpreadsheetDate(date);
      // A warning, not an error: 1905 may be meant (the row loads), but for these dialogues it is far likelier a year a spreadsheet reformatted.
      if (year !== null) this.problems.push({ file: this.file, line, column: 'date', value: date, message: yearAsDateMessage(date, year), severity: 'warning' });
    } else if (precision !== null) {
      this.partialDates[precision] ??= { line, value: date };
    } else if (date === '' && status === 'held') {
      ok = this.#fail(line, 'date', date, 'A held meeting needs a date (YYYY, YYYY-MM or YYYY-MM-DD); only a planned meeting may leave it empty.');
    }
    if (v[3] === '') ok = this.#fail(line, 'partner', '', 'Every meeting needs a partner (e.g. European Union).');
    if (v[4] === '') ok = this.#fail(line, 'track', '', 'Every meeting needs a track (e.g. Strategic Dialogue).');
    const round = v[5]!;
    if (round !== '') {
      // pandas writes a whole-number column with gaps as floats: 10.0 is round 10.
      const n = Number(round);
      if (n >= 1 && Number.isInteger(n) && /^\d+(\.0*)?$/.test(round)) v[5] = String(n);
      else ok = this.#fail(line, 'round', round, `“${shorten(round)}” is not a round number: expected a whole number from 1 (e.g. 7), or leave it empty.`);
    }
    v[8] = normaliseList(v[8]!);
    const example = templateExample(v);
    if (example?.severity === 'error') ok = this.#fail(line, example.column, example.value, example.message);
    else if (example) this.problems.push({ file: this.file, line, ...example });
    return ok;
  }

  readonly #noted = new Set<string>();

  /** A warning the file gets once, at the first row it applies to: a way of writing that is read and so fixes every row alike. */
  #noteOnce(kind: string, line: number, column: string, value: string, message: string): void {
    if (this.#noted.has(kind)) return;
    this.#noted.add(kind);
    this.problems.push({ file: this.file, line, column, value: shorten(value), message, severity: 'warning' });
  }

  /** Records an error in the row (a long value cut to a readable length); always false, for `ok = this.#fail(…)`. */
  #fail(line: number, column: string, value: string, message: string): false {
    this.problems.push({ file: this.file, line, column, value: shorten(value), message, severity: 'error' });
    return false;
  }
}

/** Trims only when an end is white space: most cells are tidy, and then no new string is made. */
function tidy(s: string): string {
  return s.length > 0 && (edge(s.charCodeAt(0)) || edge(s.charCodeAt(s.length - 1))) ? s.trim() : s;
}
/** White space trim() takes off, as found at a cell's edge: ASCII, or a no-break space (Excel, the web). */
const edge = (c: number) => c <= 32 || c === 160;

export const isStatus = (s: string): s is Status => (STATUSES as readonly string[]).includes(s);
