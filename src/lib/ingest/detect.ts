import { csvRecords } from '../data/csv-parse';
import { mayMean, normaliseColumnName, shorten } from '../data/csv-table';
import { REQUIRED_DIALOGUE_COLUMNS } from '../data/dialogue-reader';
import { DATA_FILES, DIALOGUE_COLUMNS, SOURCE_COLUMNS, TOPIC_COLUMNS, type DataFileKind } from '../data/schema';
import {
  REQUIRED_SOURCE_COLUMNS,
  REQUIRED_TOPIC_COLUMNS,
  REQUIRED_VENUE_TABLE_COLUMNS,
} from '../data/required-columns';
import { VENUE_TABLE_ALIASES, VENUE_TABLE_COLUMNS } from '../data/venue-table';
import { oneSlipApart } from './typing-slips';
import { andList as listed } from '../data/and-list';
import { README_TITLE, TEMPLATES_README_TITLE } from '../data/package-readme-name';
import { PACKAGE_DESCRIPTION, README_DESCRIPTION, TEMPLATES_README_DESCRIPTION } from './not-data';

export { PACKAGE_DESCRIPTION, README_DESCRIPTION } from './not-data';

/**
 * Why a file was not taken, in words for the analyst; `note`: nothing is wrong (said in the file
 * list, not listed as a problem); `line`: the line the reason is on (the header a file is not
 * known by, a stray NUL, a web page's start).
 */
export type Rejection = { kind: null; message: string; note?: boolean; line?: number };

/** The line breaks in `text`, as an editor counts lines (CRLF, LF or a lone CR each one). */
const lineBreaks = (text: string) => text.match(/\r\n|\r|\n/g)?.length ?? 0;

/**
 * Which of our files this is, from its content (never its name): a GeoJSON FeatureCollection is
 * venues; a CSV is dialogues, topics, sources or venues (with lat and lon) by the columns its header names.
 */
export function detectKind(text: string): { kind: DataFileKind } | Rejection {
  const body = text.replace(/^\uFEFF/, '');
  const start = body.trimStart();
  if (start === '') return { kind: null, message: 'The file is empty.' };
  // Our package's README.txt (first line README_TITLE), uploaded with the package or its unzipped folder.
  if (body.startsWith(README_TITLE) && /^\r?\n/.test(body.slice(README_TITLE.length)))
    return { kind: null, message: README_DESCRIPTION, note: true };
  // The templates' README.txt, uploaded with the templates' CSV files (or in their zip).
  if (body.startsWith(TEMPLATES_README_TITLE) && /^\r?\n/.test(body.slice(TEMPLATES_README_TITLE.length)))
    return { kind: null, message: TEMPLATES_README_DESCRIPTION, note: true };
  if (text.startsWith('PK\u0003\u0004')) return { kind: null, message: notTextMessage('xlsx') };
  /** The line `start` begins on: blank lines before it are counted, as the readers count them. */
  const skipped = lineBreaks(body.slice(0, body.length - start.length));
  if (text.includes('\u0000')) return nulRejection(body);
  const page = webPage(start, skipped + 1);
  if (page) return page;
  if (start.startsWith('{') || start.startsWith('[')) {
    if (/"resources"\s*:/.test(start) && !/"FeatureCollection"/.test(start.slice(0, 4096))) {
      return { kind: null, message: PACKAGE_DESCRIPTION, note: true };
    }
    // A collection may lack its "type" (and its features theirs): its "features" array still says what it is.
    return /"FeatureCollection"/.test(start.slice(0, 4096)) ||
      /"type"\s*:\s*"Feature/.test(start.slice(0, 65536)) ||
      /^\{[^]*?"features"\s*:\s*\[/.test(start.slice(0, 4096))
      ? { kind: 'venues' }
      : { kind: null, message: 'This JSON is not a GeoJSON FeatureCollection of venues.' };
  }
  const head = start.slice(0, 64 * 1024);
  const first = csvRecords(head).next();
  const header: string[] = first.done ? [] : first.value.cells;
  const names = new Set(
    header.map((cell) => {
      const name = normaliseColumnName(cell);
      return VENUE_TABLE_ALIASES[name] ?? name;
    }),
  );
  const kind = closestKind(names);
  if (kind) return { kind };
  const line = (first.done ? 1 : first.value.line) + skipped;
  // A header longer than what was read (a file of one line of millions of cells) has more than these.
  const cut = !first.done && first.value.end >= head.length && start.length > head.length;
  return { kind: null, line, message: unknownHeader(header, line, cut) };
}

/** Header cells quoted in a message: at most this many, each at most HEADER_CELL characters. */
const HEADER_CELLS = 6;
const HEADER_CELL = 40;

/**
 * Why a CSV is not one of ours, in the header's own words (as the spreadsheet shows them, not as
 * they are matched), on its line; when it looks like one of our files (it names a column only
 * that file has, or columns around theirs), which, and what to rename.
 */
function unknownHeader(cells: readonly string[], line: number, cut: boolean): string {
  const named = cells.map((c) => c.trim()).filter((c) => c !== '');
  const quoted = named.slice(0, HEADER_CELLS).map((c) => `“${shorten(c, HEADER_CELL)}”`);
  const more = cut
    ? ' and more'
    : named.length > HEADER_CELLS
      ? ` and ${(named.length - HEADER_CELLS).toLocaleString('en')} more`
      : '';
  const what =
    named.length === 0
      ? `its header, line ${line}, names no column`
      : `its header, line ${line}, names ${quoted.join(', ')}${more}`;
  const like = lookalike(named);
  if (like) return `Not a file we know: ${what}. ${like}`;
  return `Not a file we know: ${what}. Expected dialogues.csv (id, date, status, partner, …), topics.csv (id, label, theme), sources.csv (id, title, …), venues.geojson or a venues CSV (id, name, country, lat, lon).`;
}

/** Each table's columns, the ones it cannot be read without, and how a message names it. */
const LOOKALIKES = [
  ['dialogues', DIALOGUE_COLUMNS, REQUIRED_DIALOGUE_COLUMNS, DATA_FILES.dialogues],
  ['topics', TOPIC_COLUMNS, REQUIRED_TOPIC_COLUMNS, DATA_FILES.topics],
  ['sources', SOURCE_COLUMNS, REQUIRED_SOURCE_COLUMNS, DATA_FILES.sources],
  ['venues', VENUE_TABLE_COLUMNS, REQUIRED_VENUE_TABLE_COLUMNS, 'a venues table'],
] as const;

/** Columns only one of our files has, and which name it by themselves ("Status" is dialogues.csv's; "Name" could be anything's). */
const TELLING = new Set([
  'status',
  'partner',
  'venue_id',
  'topics',
  'source_id',
  'lead_pakistan',
  'lead_partner',
  'theme',
  'publisher',
  'published',
  'lat',
  'lon',
]);

/**
 * The file a header not known looks like, said with what to rename (a column named around one of
 * ours, as mayMean finds it: "Meeting ID" for id) and which required columns it still lacks; ''
 * when it looks like none. It must name two of that file's columns (exactly or nearly), or one
 * that tells it by itself (TELLING).
 */
function lookalike(cells: readonly string[]): string {
  const read = (cell: string) => {
    const name = normaliseColumnName(cell);
    return VENUE_TABLE_ALIASES[name] ?? name;
  };
  let best: { score: number; text: string } | null = null;
  for (const [, all, required, label] of LOOKALIKES) {
    const columns: readonly string[] = all;
    const ours = new Set<string>(columns);
    const exact = columns.filter((c) => cells.some((cell) => read(cell) === c));
    const renames: [string, string][] = [];
    for (const c of columns) {
      if (exact.includes(c)) continue;
      const cell = cells.find(
        (cell) => !ours.has(read(cell)) && !renames.some(([r]) => r === cell) && mayMean(cell, c, oneSlipApart),
      );
      if (cell !== undefined) renames.push([cell, c]);
    }
    const score = exact.length + renames.length;
    if (score < 2 && !exact.some((c) => TELLING.has(c))) continue;
    if (best && best.score >= score) continue;
    const absent = (c: string) => !exact.includes(c) && !renames.some(([, k]) => k === c);
    // The columns it cannot be read without; with those all there, the others it lacks.
    const needed = required.filter(absent);
    const lacking = needed.length ? needed : columns.filter(absent);
    const rename = renames.map(([cell, c]) => `“${shorten(cell.trim(), HEADER_CELL)}” to ${c}`);
    const parts = [
      ...(rename.length ? [`rename ${listed(rename)}`] : []),
      ...(lacking.length ? [`add ${lacking.length === 1 ? 'the column' : 'the columns'} ${listed(lacking)}`] : []),
    ];
    const names = exact.length ? ` (it names ${listed(exact)})` : '';
    best = { score, text: `It looks like ${label}${names}: ${parts.join(', and ')}.` };
  }
  return best?.text ?? '';
}

/**
 * A web page saved from the browser, or a sharing link's page downloaded, in place of the data
 * (its title says whose): said as one, with how to download the file itself.
 */
function webPage(start: string, line: number): Rejection | null {
  const head = start.slice(0, 64 * 1024);
  const html =
    /^<(!doctype\s+html|html|head|body|meta|title)[\s>]/i.test(head) ||
    (/^<(\?xml|!--)/.test(head) && /<html[\s>]/i.test(head.slice(0, 2048)));
  if (!html) return null;
  const title = /<title[^>]*>([^<]*)<\/title>/i
    .exec(head)?.[1]
    ?.replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e]!)
    .replace(/\s+/g, ' ')
    .trim();
  return {
    kind: null,
    line,
    message: `This is a web page (HTML), not a CSV file${title ? `: its title is “${shorten(title, 80)}”` : ''}. A page saved from the browser, or a sharing link’s page, holds the page and not the data. Download the file itself (Google Sheets: File › Download › Comma-separated values (.csv); Excel for the web: File › Export › Download as CSV) and upload that.`,
  };
}

/** NUL characters past this share of a text make it binary data, not text with a stray one. */
const STRAY_NUL_SHARE = 0.01;

/**
 * Text with a NUL (a zero byte) in it: a few in otherwise readable text (a damaged copy, a tool's
 * export) are said where they are, to be deleted; many are binary data.
 */
function nulRejection(body: string): Rejection {
  const at: number[] = [];
  for (let i = body.indexOf('\u0000'); i >= 0; i = body.indexOf('\u0000', i + 1)) {
    at.push(i);
    if (at.length > body.length * STRAY_NUL_SHARE) {
      return { kind: null, message: 'This is not a text file (it holds binary data).' };
    }
  }
  const first = at[0]!;
  const before = body.slice(0, first);
  const line = lineBreaks(before) + 1;
  const lineStart = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) + 1;
  const rest = body.slice(first + 1);
  const lineEnd = first + 1 + (/[\r\n]/.exec(rest)?.index ?? rest.length);
  const column = Array.from(body.slice(lineStart, first)).length + 1;
  const from = Math.max(lineStart, first - 20);
  const to = Math.min(lineEnd, first + 21);
  const excerpt = `${from > lineStart ? '…' : ''}${body.slice(from, to).replaceAll('\u0000', '␀')}${to < lineEnd ? '…' : ''}`;
  // Each one's line, counted on from the one before.
  const lines = [line];
  for (let k = 1, n = line; k < at.length; k++) {
    n += lineBreaks(body.slice(at[k - 1], at[k]));
    if (n !== lines[lines.length - 1]) lines.push(n);
  }
  const on =
    lines.length === 1
      ? 'this line'
      : lines.length > 5
        ? `lines ${lines.slice(0, 5).join(', ')}, …`
        : `lines ${listed(lines.map(String))}`;
  const others =
    at.length > 1 ? ` It is the first of ${at.length.toLocaleString('en')} such characters (on ${on}).` : '';
  return {
    kind: null,
    line,
    message: `Line ${line} holds an invisible character, NUL (a zero byte), at character ${column}: “${excerpt}” (␀ marks it). Text has no such character; a damaged copy or a tool’s export leaves one.${others} Delete ${at.length > 1 ? 'them' : 'it'} (a text editor such as VS Code or Notepad++ shows it as NUL) and upload the file again.`,
  };
}

const TABLES = [
  ['dialogues', DIALOGUE_COLUMNS],
  ['topics', TOPIC_COLUMNS],
  ['sources', SOURCE_COLUMNS],
  // Venues as a table (venue-table.ts): it must name a coordinate (a missing one is then said).
  ['venues', VENUE_TABLE_COLUMNS],
] as const;

/**
 * The table whose columns the header names most of (as a share of that table's columns), if
 * it names enough of them — three, or two of topics.csv's three. A file missing a column or two
 * is still known, so the check can say which column is missing rather than that the file is
 * not ours.
 */
function closestKind(names: ReadonlySet<string>): DataFileKind | null {
  let best: DataFileKind | null = null;
  let bestShare = 0;
  for (const [kind, columns] of TABLES) {
    if (kind === 'venues' && !(names.has('lat') || names.has('lon'))) continue;
    const named = columns.filter((c) => names.has(c)).length;
    const share = named / columns.length;
    if (named >= Math.min(3, columns.length - 1) && share > bestShare) {
      best = kind;
      bestShare = share;
    }
  }
  return best;
}

/**
 * A spreadsheet workbook rather than text, from its first bytes: a ZIP archive (.xlsx, .ods) or
 * an OLE compound file (.xls). Said as such, with what to save instead.
 */
export function workbookKind(bytes: ArrayBuffer): 'xlsx' | 'xls' | undefined {
  const b = new Uint8Array(bytes, 0, Math.min(4, bytes.byteLength));
  if (b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04) return 'xlsx';
  if (b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0) return 'xls';
  return undefined;
}

/** Names up to this many of a damaged zip's files. */
const ZIP_NAMES = 8;

/**
 * The names of the files a zip holds, read from each one's own header (a damaged zip, cut short,
 * has lost the list of contents at its end, but the files before the cut still name themselves):
 * the first few, in order. What is not a readable name (bytes of compressed data that happen to
 * look like a header) is passed over.
 */
export function zipNames(bytes: ArrayBuffer): string[] {
  const b = new Uint8Array(bytes);
  const names: string[] = [];
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for (let i = 0; i + 30 <= b.length && names.length < ZIP_NAMES; i++) {
    if (b[i] !== 0x50 || b[i + 1] !== 0x4b || b[i + 2] !== 0x03 || b[i + 3] !== 0x04) continue;
    const length = b[i + 26]! | (b[i + 27]! << 8);
    if (length === 0 || length > 512 || i + 30 + length > b.length) continue;
    try {
      const name = decoder.decode(b.subarray(i + 30, i + 30 + length));
      const control = [...name].some((c) => c.charCodeAt(0) < 0x20);
      if (!control && !names.includes(name)) names.push(name);
    } catch {
      // not a name
    }
  }
  return names;
}

/** A part of a workbook (or another office document) rather than a data file: the zip is one. */
export const isWorkbookPart = (name: string): boolean =>
  name === '[Content_Types].xml' ||
  name === 'mimetype' ||
  name === 'content.xml' ||
  /^(xl|_rels|docProps|META-INF)\//.test(name);

/** A picture or document picked by mistake (a chart exported from here, say): not read as text in another encoding. */
export type Picture = 'PNG image' | 'JPEG image' | 'GIF image' | 'WebP image' | 'PDF document';

/** A picture or PDF, from its first bytes (their signatures); undefined for anything else. */
export function pictureKind(bytes: ArrayBuffer): Picture | undefined {
  const b = new Uint8Array(bytes, 0, Math.min(12, bytes.byteLength));
  const starts = (...sig: number[]) => sig.every((v, i) => b[i] === v);
  if (starts(0x89, 0x50, 0x4e, 0x47)) return 'PNG image';
  if (starts(0xff, 0xd8, 0xff)) return 'JPEG image';
  if (starts(0x47, 0x49, 0x46, 0x38)) return 'GIF image';
  if (starts(0x52, 0x49, 0x46, 0x46) && b[8] === 0x57 && b[9] === 0x45 && b[10] === 0x42 && b[11] === 0x50)
    return 'WebP image';
  if (starts(0x25, 0x50, 0x44, 0x46)) return 'PDF document';
  return undefined;
}

/** Bytes looked at for control characters. */
const BINARY_SAMPLE = 64 * 1024;

/**
 * Bytes that are not text in any encoding (random data, a program, a damaged copy): text, in
 * whatever encoding a spreadsheet or editor saves it, has no control characters but tab, line
 * ends and form feed, where such bytes make a twelfth of random ones. A few (a stray NUL) are said
 * as such; from 2% of the first 64 KB on, the file is not text, and advice on saving it in another
 * encoding would send its owner looking in the wrong place.
 */
export function binaryKind(bytes: ArrayBuffer): 'not text' | undefined {
  const b = new Uint8Array(bytes, 0, Math.min(BINARY_SAMPLE, bytes.byteLength));
  let controls = 0;
  for (let i = 0; i < b.length; i++) {
    const x = b[i]!;
    if (x < 0x20 && x !== 0x09 && x !== 0x0a && x !== 0x0c && x !== 0x0d) controls++;
  }
  return controls >= 4 && controls >= b.length * 0.02 ? 'not text' : undefined;
}

/** What a file that is not UTF-8 is when known by its bytes alone: a workbook, a picture, or not text at all. */
export const notTextKind = (bytes: ArrayBuffer): NotText | undefined =>
  workbookKind(bytes) ?? pictureKind(bytes) ?? binaryKind(bytes);

/** Where text that is not UTF-8 first goes wrong: its line, the byte as its likely encoding reads it, and the words around it. */
export interface NotUtf8 {
  line: number;
  character: string;
  excerpt: string;
  /**
   * The encoding its bytes read best in (see likelyEncoding): Windows-1252 (Excel's plain "CSV"),
   * Mac Roman (Excel's "CSV (Macintosh)"), a Windows code page of another script (Excel's plain
   * "CSV" on Windows set to Urdu or Arabic writes Windows-1256), a Chinese, Japanese or Korean one;
   * null when none reads as words, and the file is said to be not UTF-8 without naming one.
   */
  encoding: Encoding | null;
  /** JSON (a GeoJSON), not a CSV: saved from a GIS tool or an editor, not a spreadsheet. */
  json: boolean;
}

/** The encodings told apart, each as a GeoJSON's message and a CSV's message name it (a CSV's with the Excel save that writes it). */
const ENCODINGS = {
  'windows-1252': ['Windows-1252', 'Windows-1252, Excel’s plain “CSV”,'],
  macintosh: ['Mac Roman', 'Mac Roman, Excel’s “CSV (Macintosh)”,'],
  'windows-1256': ['Arabic Windows-1256', 'Arabic Windows-1256, Excel’s plain “CSV” on Windows set to Urdu or Arabic,'],
  'windows-1251': ['Cyrillic Windows-1251', 'Cyrillic Windows-1251, Excel’s plain “CSV” on Windows set to Russian,'],
  'windows-1253': ['Greek Windows-1253', 'Greek Windows-1253, Excel’s plain “CSV” on Windows set to Greek,'],
  'windows-1255': ['Hebrew Windows-1255', 'Hebrew Windows-1255, Excel’s plain “CSV” on Windows set to Hebrew,'],
  gbk: ['Chinese GBK', 'Chinese GBK, Excel’s plain “CSV” on Windows set to Chinese,'],
  big5: [
    'Traditional Chinese Big5',
    'Traditional Chinese Big5, Excel’s plain “CSV” on Windows set to Traditional Chinese,',
  ],
  shift_jis: ['Japanese Shift_JIS', 'Japanese Shift_JIS, Excel’s plain “CSV” on Windows set to Japanese,'],
  'euc-kr': ['Korean EUC-KR', 'Korean EUC-KR, Excel’s plain “CSV” on Windows set to Korean,'],
} as const;

export type Encoding = keyof typeof ENCODINGS;

/** Encodings of one byte a character for scripts other than Latin; then those of two (read only when every byte fits). */
const OTHER_SCRIPTS = ['windows-1256', 'windows-1251', 'windows-1253', 'windows-1255'] as const;
const WIDE = ['gbk', 'big5', 'shift_jis', 'euc-kr'] as const;

/** Scripts a word is written in: one of them, not two (CJK's Han, kana and Hangul are one). */
const SCRIPTS = [
  /\p{Script=Latin}/u,
  /\p{Script=Arabic}/u,
  /\p{Script=Cyrillic}/u,
  /\p{Script=Greek}/u,
  /\p{Script=Hebrew}/u,
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u,
];
/** What no text holds: control characters (bytes an encoding leaves undefined), private use, half-width kana. */
// eslint-disable-next-line no-control-regex -- control characters are what is looked for
const JUNK = /[\0-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\p{Co}\p{Cn}\uFFFD\uFF61-\uFF9F]/u;
const PUNCTUATION = /(?<=[ -~\s]|^)(?![ -~\s])[\p{Pd}\p{Pi}\p{Pf}\p{Po}\p{Sc}](?=[ -~\s]|$)/gu;
// eslint-disable-next-line no-control-regex -- so a word read with one is not good
const WORD = /[\p{L}\p{M}\0-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\p{Co}\p{Cn}\uFFFD]+/gu;

/** Windows-1252's 0x80–0x9F: Node 20's decoder (the command line's check) reads them as Latin-1's control characters. */
const CP1252_HIGH = '€\x81‚ƒ„…†‡ˆ‰Š‹Œ\x8dŽ\x8f\x90‘’“”•–—˜™š›œ\x9džŸ';

/** Bytes as `encoding` reads them (`fatal`: null when they do not fit it). */
function readAs(encoding: string, bytes: Uint8Array, fatal = false, stream = false): string | null {
  try {
    const text = new TextDecoder(encoding, { fatal }).decode(bytes, { stream });
    return encoding === 'windows-1252'
      ? text.replace(/[\x80-\x9f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!)
      : text;
  } catch {
    return null;
  }
}

/**
 * How well text reads as words: +1 for each word with a letter beyond ASCII that is written in
 * one script, not opening with a mark, with no capital after a small letter (Arabic read as
 * Windows-1252 is "ÇáÑíÇÖ"), and, in Latin, with as many ASCII letters as others once it has three
 * ("Café", not "ÑÓÊ"); −1 for any other; +1 for each mark of punctuation beyond ASCII between
 * ASCII characters (a dash, a curly quote).
 */
function wordScore(text: string): number {
  let score = 0;
  for (const [word] of text.matchAll(WORD)) {
    if (!/[^ -~\s]/.test(word)) continue;
    const letters = [...word].filter((c) => !/\p{M}/u.test(c));
    const scripts = SCRIPTS.filter((script) => letters.some((c) => script.test(c)));
    const ascii = letters.filter((c) => c < '\x80').length;
    const good =
      !JUNK.test(word) &&
      scripts.length === 1 &&
      !/^\p{M}|\p{Ll}\p{Lu}/u.test(word) &&
      (scripts[0] !== SCRIPTS[0] || letters.length < 3 || letters.length - ascii <= ascii);
    score += good ? 1 : -1;
  }
  // Punctuation between ASCII ("Pakistan–EU", "don’t", “quoted”): what a file of English text has.
  return score + (text.match(PUNCTUATION)?.length ?? 0);
}

/**
 * The encoding a file that is not UTF-8 reads best in, from its first megabyte: the one whose
 * reading makes the most plausible words (wordScore), Latin first on a tie (French "é" is the same
 * byte in Windows-1252 and 1256); a two-byte one only when every byte fits it. Null when none
 * reads as more good words than bad ones: then no encoding is named.
 */
export function likelyEncoding(bytes: Uint8Array): Encoding | null {
  const sample = bytes.subarray(0, 1 << 20);
  // Mac Roman's bytes suggested are read as Windows-1252 too, and Mac Roman wins a tie: an en dash
  // between letters ("China–Pakistan", 0x96) is Mac Roman's "ñ" as well, and read so ("ChinañPakistan")
  // it scored below Arabic Windows-1256, which reads 0x96 as a dash too.
  const latin: Encoding[] = likelyMacRoman(sample) ? ['macintosh', 'windows-1252'] : ['windows-1252'];
  let best: Encoding | null = null;
  let most = 0;
  for (const encoding of [...latin, ...OTHER_SCRIPTS, ...WIDE] as Encoding[]) {
    // A cut at the end of the sample is no fault.
    const text = readAs(encoding, sample, (WIDE as readonly string[]).includes(encoding), sample.length < bytes.length);
    if (text === null) continue;
    const score = wordScore(text);
    if (score > most) [best, most] = [encoding, score];
  }
  return best;
}

/**
 * Mac Roman rather than Windows-1252: its accented letters are bytes 0x80–0x9F, which Windows-1252
 * gives to punctuation and rare letters ("Secrétaire" written by Excel's "CSV (Macintosh)" read
 * as "SŽcretaire"). So a byte there between two ASCII letters (not 0x92, Windows' apostrophe, as
 * in "don’t") that outnumber Windows' own accents (0xC0–0xFF) say it is Mac Roman.
 */
function likelyMacRoman(all: Uint8Array): boolean {
  const letter = (b: number | undefined) => b !== undefined && ((b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a));
  let mac = 0;
  let windows = 0;
  for (let i = 0; i < Math.min(all.length, 1 << 20); i++) {
    const b = all[i]!;
    if (b >= 0xc0) windows++;
    else if (b >= 0x80 && b <= 0x9f && b !== 0x92 && letter(all[i - 1]) && letter(all[i + 1])) mac++;
  }
  return mac > windows;
}

/**
 * The first byte of `bytes` that is not UTF-8, as an editor would find it. The longest prefix
 * that decodes is found by halving (a decoder says only that, not where); an ending cut inside
 * a character is not a fault. The byte is shown as Excel's plain "CSV" (Windows-1252) or its "CSV
 * (Macintosh)" (Mac Roman) writes it, whichever the file's other bytes suggest.
 */
export function firstNotUtf8(bytes: ArrayBuffer): NotUtf8 | null {
  const all = new Uint8Array(bytes);
  /** Whether the first `n` bytes decode (`stream`: a character cut short at the end is no fault). */
  const decodes = (n: number, stream = true) => {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(all.subarray(0, n), { stream });
      return true;
    } catch {
      return false;
    }
  };
  if (decodes(all.length)) return null;
  let [ok, bad] = [0, all.length];
  while (bad - ok > 1) {
    const mid = (ok + bad) >>> 1;
    if (decodes(mid)) ok = mid;
    else bad = mid;
  }
  // The byte that broke it, or the start of the character it was cutting short ("Caf\xe9 " fails at the space).
  let at = bad - 1;
  if (!decodes(at, false)) while (at > 0 && (all[at - 1]! & 0xc0) === 0x80) at--;
  if (!decodes(at, false)) at--;
  let line = 1;
  let start = 0;
  for (let i = 0; i < at; i++) {
    const b = all[i];
    if (b === 0x0a || (b === 0x0d && all[i + 1] !== 0x0a)) [line, start] = [line + 1, i + 1];
  }
  let end = at;
  while (end < all.length && all[end] !== 0x0a && all[end] !== 0x0d) end++;
  const encoding = likelyEncoding(all);
  // Unnamed: read as UTF-8, what cannot be read shown as "�".
  const text = readAs(encoding ?? 'utf-8', all.subarray(start, end))!;
  const column = readAs(encoding ?? 'utf-8', all.subarray(start, at))!.length;
  const from = Math.max(0, column - 20);
  const excerpt = `${from > 0 ? '…' : ''}${text.slice(from, column + 20).trim()}${column + 20 < text.length ? '…' : ''}`;
  // Its first character past a BOM and white space: JSON opens with { or [.
  let first = all[0] === 0xef && all[1] === 0xbb && all[2] === 0xbf ? 3 : 0;
  while (first < all.length && [0x20, 0x09, 0x0a, 0x0d].includes(all[first]!)) first++;
  const json = all[first] === 0x7b || all[first] === 0x5b;
  const character = String.fromCodePoint(text.codePointAt(column) ?? 0xfffd);
  return { line, character, excerpt, encoding, json };
}

/** What a file that is not text is, when known: a workbook, a zip of no data files, a damaged zip, a picture. */
export type NotText = 'xlsx' | 'xls' | 'zip' | 'damaged-zip' | 'not text' | Picture;

/**
 * Why a file that is not UTF-8 text is not used, and what to do. `entries`: a damaged zip's
 * files, as far as they can be named.
 */
export function notTextMessage(
  workbook: NotText | undefined,
  where?: NotUtf8 | null,
  entries: readonly string[] = [],
): string {
  if (workbook === 'zip') return 'This zip archive holds no CSV or GeoJSON file to read.';
  if (workbook === 'damaged-zip') {
    const named = entries.slice(0, 4).map((n) => `“${shorten(n, 60)}”`);
    const holds = named.length ? ` It begins with ${listed(named)}${entries.length > 4 ? ', …' : ''}.` : '';
    return `This zip file is damaged or incomplete (a download cut short, or a copy not finished): its list of contents cannot be read, so none of its files can.${holds} Download the package again and upload that, or unzip a good copy and upload its CSV and GeoJSON files.`;
  }
  if (workbook === 'not text')
    return 'This file is not text: its bytes are not a CSV or GeoJSON in any encoding (many are control characters, zero bytes among them, which no spreadsheet or editor writes in text). Was another file picked by mistake, or is this copy damaged? Upload the data’s CSV files (dialogues.csv, topics.csv, sources.csv) or its venues.geojson.';
  if (workbook && workbook !== 'xlsx' && workbook !== 'xls')
    return `This is a ${workbook}, not a data file. Upload the data’s CSV files (dialogues.csv, topics.csv, sources.csv) or its venues.geojson.`;
  if (workbook) {
    return `This is a spreadsheet workbook (${workbook === 'xlsx' ? '.xlsx or .ods' : '.xls'}), not a CSV file. In the spreadsheet, save it as “CSV UTF-8” (Excel: File › Save As › CSV UTF-8; LibreOffice: Save As › Text CSV, character set UTF-8) and upload that.`;
  }
  // GeoJSON comes from a GIS tool or an editor, not a spreadsheet: Excel's names for encodings mean nothing there.
  const json = where?.json === true;
  const found = !where
    ? ''
    : where.encoding
      ? ` Line ${where.line} is the first with a character in another encoding: “${where.character}” (as ${ENCODINGS[where.encoding][json ? 0 : 1]} writes it) in “${where.excerpt}”.`
      : ` Line ${where.line} is the first with a character in another encoding, which cannot be told from the file (shown here as “�”): “${where.excerpt}”.`;
  if (json)
    return `This file is not UTF-8 text.${found} GeoJSON is read as UTF-8: save or export it as UTF-8 (QGIS: Export › Save Features As…, Encoding UTF-8; a text editor such as VS Code or Notepad++: Save with Encoding › UTF-8) and upload it again.`;
  return `This file is not UTF-8 text.${found} Save it from the spreadsheet as “CSV UTF-8” (Excel: File › Save As › CSV UTF-8; LibreOffice: character set UTF-8) and upload it again.`;
}

/**
 * Bytes → text, if they are UTF-8 (with or without a BOM), or UTF-16 (Excel's "Unicode Text",
 * tab-separated) with its BOM or, found by its zero bytes, without; null otherwise.
 */
export function decodeUtf8(bytes: ArrayBuffer): string | null {
  const b = new Uint8Array(bytes, 0, Math.min(2, bytes.byteLength));
  const bom = b[0] === 0xff && b[1] === 0xfe ? 'utf-16le' : b[0] === 0xfe && b[1] === 0xff ? 'utf-16be' : null;
  if (bom) return decodeAs(bom, bytes);
  // Without a BOM, UTF-16 only when it reads as text that way: else as UTF-8, which says what is wrong.
  const guessed = utf16WithoutBom(bytes);
  const text = guessed ? decodeAs(guessed, bytes) : null;
  return text !== null && readsAsText(text) ? text : decodeAs('utf-8', bytes);
}

/**
 * Whether bytes read as UTF-16 make text: no control character but tab and line ends (a NUL, a
 * picture's bytes taken in pairs), and mostly characters of Latin script: a CSV's delimiters,
 * digits and ids, and a GeoJSON's keys, are so whatever the script of its values.
 */
function readsAsText(text: string): boolean {
  const head = text.slice(0, 4096);
  let latin = 0;
  for (let i = 0; i < head.length; i++) {
    const c = head.charCodeAt(i);
    const lineEnd = c === 0x09 || c === 0x0a || c === 0x0d;
    if ((c < 0x20 && !lineEnd) || c === 0xfffd) return false;
    if (lineEnd || (c >= 0x20 && c <= 0x24f)) latin++;
  }
  return latin >= head.length / 2;
}

function decodeAs(encoding: string, bytes: ArrayBuffer): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Bytes looked at for UTF-16's zero bytes. */
const UTF16_SAMPLE = 64 * 1024;

/**
 * UTF-16 without its BOM (written by a script, or a BOM lost on a copy), from where its zero bytes
 * are: every character of Latin text (a CSV's commas, digits and ids) has one, on the same side
 * of each pair of bytes; UTF-8 text has none. Little-endian has them at odd positions, big-endian
 * at even ones. Undefined for anything else.
 */
function utf16WithoutBom(bytes: ArrayBuffer): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(bytes.byteLength, UTF16_SAMPLE) & ~1;
  if (n < 4) return undefined;
  const b = new Uint8Array(bytes, 0, n);
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) even++;
    if (b[i + 1] === 0) odd++;
  }
  const pairs = n / 2;
  if (odd >= pairs * 0.3 && even <= pairs * 0.02) return 'utf-16le';
  if (even >= pairs * 0.3 && odd <= pairs * 0.02) return 'utf-16be';
  return undefined;
}
