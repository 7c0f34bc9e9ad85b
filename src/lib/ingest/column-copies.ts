import { csvRecords, sniffDialect, stripBom } from '../data/csv-parse';
import { normaliseColumnName, shorten } from '../data/csv-table';
import type { Problem } from '../data/problems';
import { andList } from '../data/and-list';

/**
 * A column named twice in a CSV header (a spreadsheet's column copied beside the first, an
 * export joined to itself). The readers (csv-table.ts's checkHeader, also the published data's
 * first view) read the first copy and say only that; here, in the upload's checks, each copy's
 * values are read too, so the warning says which holds what: that the first is empty in every
 * row while the second has values, or on which line they first differ and with what.
 *
 * When the first copy is empty in every row and a later one is not, the upload reads the later
 * one: the empty copy holds nothing, so reading it could only blank the column (an upload's diff
 * then took every summary away). The text is then rewritten with that empty copy's name blanked,
 * so that the files stored and read again (on reload, by the first view's reader, which reads the
 * first copy) read it as the upload did; downloads are written from the meetings shown and hold
 * the column once. Copies that both hold values are not chosen between: the first is read, as
 * everywhere else, and the warning names the first line where they differ.
 */

/** A name the header gives more than one column. */
export interface ColumnCopies {
  /** The name as the readers match it (normalised, aliases applied). */
  name: string;
  /** The header's text for it, as written in its first copy (what the readers' warning names). */
  shown: string;
  /** Each copy's column, from 0, in the file's order (the first COPIES_LIMIT). */
  at: number[];
  /** How many columns have the name (more than `at` holds in a hostile header). */
  count: number;
  /** How many rows have a value (not empty, not blank) in each copy. */
  values: number[];
  /** Rows read (rows that load by their shape: as many cells as the header, quotes whole). */
  rows: number;
  /** The copy read (an index into `at`): the first, unless it is empty in every row and a later one is not. */
  read: number;
  /** For each copy, how it compares with the copy read, row by row. */
  differs: (Difference | null)[];
}

/** Where a copy first differs from the copy read: its line, both values (in the columns' order), and how many lines differ. */
export interface Difference {
  line: number;
  /** The value in the earlier of the two columns, then in the later. */
  values: [string, string];
  lines: number;
}

/** How much of the file's start holds its header, for this check (as for the header's other checks in upload-checks.ts). */
const HEAD = 64 * 1024;
/** Names repeated that are looked at, as the header's warnings name them one by one (csv-table.ts's REPEAT_LIMIT). */
const NAMES_LIMIT = 20;
/** Copies of one name compared: a header repeating one name hundreds of times is a hostile file, not a slip. */
const COPIES_LIMIT = 6;

/**
 * The names a CSV header repeats (the first NAMES_LIMIT of them), each copy's values counted and
 * compared with the copy read, over the whole file. Only a header with a repeat is read further.
 * With `readLater` false (files checked as they will be published, where the site reads the first
 * copy), the first is always the copy read.
 */
export function columnCopies(
  text: string,
  aliases: Readonly<Record<string, string>> = {},
  readLater = true,
): ColumnCopies[] {
  const dialect = sniffDialect(text);
  // The header from the file's start: one longer (a hostile file of a million columns) keeps the readers' warnings.
  const head = text.slice(0, HEAD);
  const first = csvRecords(head, dialect).next();
  if (first.done || (head.length < text.length && first.value.end >= stripBom(head).length)) return [];
  const cells = first.value.cells;
  const names = cells.map((cell) => {
    const name = normaliseColumnName(cell);
    return aliases[name] ?? name;
  });
  const byName = new Map<string, { at: number[]; count: number }>();
  names.forEach((name, i) => {
    if (name === '') return;
    const copies = byName.get(name);
    if (!copies) byName.set(name, { at: [i], count: 1 });
    else if (copies.count++ < COPIES_LIMIT) copies.at.push(i);
  });
  const repeated = [...byName].filter(([, c]) => c.count > 1).slice(0, NAMES_LIMIT);
  if (repeated.length === 0) return [];
  const found: ColumnCopies[] = repeated.map(([name, { at, count }]) => ({
    name,
    shown: shorten(cells[at[0]!]!.trim()),
    at,
    count,
    values: at.map(() => 0),
    rows: 0,
    read: 0,
    differs: at.map(() => null),
  }));
  // Each pair of copies' first difference, found in one pass; the copy read is known only at the end.
  const pairs = found.map((c) => c.at.map(() => c.at.map((): Difference | null => null)));
  const records = csvRecords(text, dialect);
  records.next();
  for (const record of records) {
    if (record.quote !== null || record.cells.length !== cells.length) continue;
    const row = record.cells;
    if (row.every((cell) => cell.trim() === '')) continue;
    found.forEach((c, n) => {
      c.rows++;
      const values = c.at.map((i) => row[i]!.trim());
      values.forEach((v, k) => {
        if (v !== '') c.values[k]!++;
        for (let l = k + 1; l < values.length; l++) {
          if (values[l] === v) continue;
          const seen = pairs[n]![k]![l];
          if (seen) seen.lines++;
          else pairs[n]![k]![l] = { line: record.line, values: [v, values[l]!], lines: 1 };
        }
      });
    });
  }
  for (const [n, c] of found.entries()) {
    const withValues = c.values.findIndex((v) => v > 0);
    if (readLater && withValues > 0) c.read = withValues;
    c.differs = c.at.map((_, k) => (k === c.read ? null : pairs[n]![Math.min(k, c.read)]![Math.max(k, c.read)]!));
  }
  return found;
}

/**
 * The text with the name of each copy passed over for a later one blanked in its header, so that
 * every reader, the first view's included, reads the copy the upload read (see the module's note).
 * The rest of the text is left byte for byte: each row keeps its cells, each problem its line.
 */
export function readingLaterCopies(text: string, copies: readonly ColumnCopies[]): string {
  const blank = new Set(copies.flatMap((c) => c.at.slice(0, c.read)));
  if (blank.size === 0) return text;
  const dialect = sniffDialect(text);
  const header = csvRecords(text, dialect).next().value;
  if (!header) return text;
  const body = stripBom(text);
  const bom = text.length - body.length === 1 ? text[0]! : '';
  // The header's cells' places: a delimiter outside quotes ends one.
  const spans: [number, number][] = [];
  let from = header.start;
  let inQuotes = false;
  const end = header.end;
  for (let i = header.start; i <= end; i++) {
    const c = i < end ? body[i] : '\n';
    if (c === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (c === dialect.delimiter || c === '\n' || c === '\r' || i === end)) {
      spans.push([from, i]);
      from = i + 1;
      if (c !== dialect.delimiter) break;
    }
  }
  if (spans.length !== header.cells.length) return text;
  let out = body;
  for (const i of [...blank].sort((a, b) => b - a)) out = out.slice(0, spans[i]![0]) + out.slice(spans[i]![1]);
  return bom + out;
}

const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth'];
const count = (n: number, noun: string) => `${n.toLocaleString('en')} ${noun}${n === 1 ? '' : 's'}`;
const quoted = (v: string) => (v === '' ? 'an empty cell' : `“${shorten(v, 60)}”`);

/** "columns 14 and 15", "columns 2, 9 and 15": columns as a spreadsheet counts them, from 1; "2, 9, … and 4,998 more" past those held. */
function columnList(at: readonly number[], count: number): string {
  const n = at.map((i) => (i + 1).toLocaleString('en'));
  if (count > n.length) return `columns ${n.join(', ')} and ${(count - n.length).toLocaleString('en')} more`;
  return `columns ${andList(n)}`;
}

/** The warning for one repeated name: which copy is read, and what each other copy holds beside it. */
export function columnCopiesMessage(c: ColumnCopies): string {
  const k = c.at.length;
  const ord = (i: number) => ORDINALS[i] ?? `copy ${i + 1}`;
  const times = c.count === 2 ? 'twice' : `${c.count.toLocaleString('en')} times`;
  const head = `The column “${c.shown}” appears ${times} in the header (${columnList(c.at, c.count)})`;
  const others = k === 2 ? 'the other' : 'the others';
  if (c.rows === 0) return `${head}; only the first is read.`;
  if (c.values.every((v) => v === 0)) return `${head}, empty in every row: only the first is read. Delete ${others}.`;
  const r = c.read;
  const clauses: string[] = [];
  let advice: string;
  if (r > 0) {
    // The copies before the one read are empty in every row.
    const firsts = ORDINALS.slice(0, r);
    const before = r === 1 ? 'the first is' : `the ${andList(firsts)} are`;
    clauses.push(
      `${before} empty in every row and the ${ord(r)} has ${count(c.values[r]!, 'value')}, so the ${ord(r)} is read (and kept when the data is applied or downloaded)`,
    );
  } else if (c.values[0] === 0) {
    // Checked as published: the site reads the first copy, empty, while a later one has values.
    const full = c.values.map((v, i) => [v, i] as const).filter(([v]) => v > 0);
    clauses.push(
      `only the first is read, and it is empty in every row while ${full.map(([v, i]) => `the ${ord(i)} has ${count(v, 'value')}`).join(' and ')}: as it is, every row’s ${c.name} is read as empty`,
    );
  } else clauses.push('only the first is read');
  let differ = false;
  c.at.forEach((_, i) => {
    if (i <= r || (r === 0 && c.values[0] === 0)) return;
    const d = c.differs[i];
    if (c.values[i] === 0) clauses.push(`the ${ord(i)} is empty in every row`);
    else if (!d) clauses.push(`the ${ord(i)} holds the same values`);
    else {
      differ = true;
      const who = k === 2 ? 'they differ' : `the ${ord(i)} differs from the ${ord(r)}`;
      const where = d.lines === 1 ? `on line ${d.line}` : `on ${count(d.lines, 'line')}, first on line ${d.line}`;
      clauses.push(`${who} ${where}: ${quoted(d.values[0])} and ${quoted(d.values[1])}`);
    }
  });
  const empty = c.values.filter((v) => v === 0).length;
  if (differ) advice = `Keep the one that is right and delete ${others}.`;
  else if (empty === k - 1) advice = `Delete the empty ${empty === 1 ? 'one' : 'ones'}.`;
  else advice = k === 2 ? 'Delete either.' : 'Keep one and delete the others.';
  return `${head}; ${clauses.join(', and ')}. ${advice}`;
}

/** The readers' warning for a repeated column, as csv-table.ts's checkHeader words it. */
const isRepeatWarning = (p: Problem) =>
  p.line === 1 && /^The column “.*” appears twice in the header; only the first is read\.$/s.test(p.message);

/**
 * A file's problems with the readers' warnings for its repeated columns ("appears twice; only the
 * first is read", one per extra copy) given as one warning per name, saying what each copy holds
 * (see columnCopiesMessage). A name past those looked at keeps the readers' warnings.
 */
export function withColumnCopies(
  problems: readonly Problem[],
  file: string,
  copies: readonly ColumnCopies[] | undefined,
  aliases: Readonly<Record<string, string>> = {},
): Problem[] {
  if (!copies || copies.length === 0) return problems as Problem[];
  const named = new Set(copies.map((c) => c.name));
  const nameOf = (column: string) => {
    const name = normaliseColumnName(column);
    return aliases[name] ?? name;
  };
  const kept = problems.filter((p) => !(p.file === file && isRepeatWarning(p) && named.has(nameOf(p.column ?? ''))));
  const told = copies.map((c): Problem => ({
    file,
    line: 1,
    column: c.shown,
    value: c.shown,
    message: columnCopiesMessage(c),
    severity: 'warning',
  }));
  return [...told, ...kept];
}
