import { csvRecords } from '../data/csv-parse';
import { normaliseColumnName, shorten } from '../data/csv-table';
import { DIALOGUE_COLUMNS, SOURCE_COLUMNS, TOPIC_COLUMNS, type DataFileKind } from '../data/schema';
import { VENUE_TABLE_ALIASES, VENUE_TABLE_COLUMNS } from '../data/venue-table';

/** Why a file was not taken, in words for the analyst; `note`: nothing is wrong (said in the file list, not listed as a problem). */
export type Rejection = { kind: null; message: string; note?: boolean };

/** Said of a Data Package's datapackage.json (ours is in every download) in the file list: not data, and not a mistake (no problem listed). */
export const PACKAGE_DESCRIPTION =
  'it describes the Data package (its files and their columns) and holds no data itself; the package’s CSV and GeoJSON files hold the data.';

/**
 * Which of our files this is, from its content (never its name): a GeoJSON FeatureCollection is
 * venues; a CSV is dialogues, topics, sources or venues (with lat and lon) by the columns its header names.
 */
export function detectKind(text: string): { kind: DataFileKind } | Rejection {
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (start === '') return { kind: null, message: 'The file is empty.' };
  if (text.startsWith('PK\u0003\u0004')) return { kind: null, message: notTextMessage('xlsx') };
  if (text.includes('\u0000')) return { kind: null, message: 'This is not a text file (it holds binary data).' };
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
  const first = csvRecords(start.slice(0, 64 * 1024)).next();
  const header: string[] = first.done ? [] : first.value.cells;
  const names = new Set(
    header.map((cell) => {
      const name = normaliseColumnName(cell);
      return VENUE_TABLE_ALIASES[name] ?? name;
    }),
  );
  const kind = closestKind(names);
  if (kind) return { kind };
  return {
    kind: null,
    message: `Not a file we know: the header names ${
      [...names]
        .slice(0, 6)
        .map((n) => shorten(n, 40))
        .join(', ') || 'nothing'
    }. Expected dialogues.csv (id, date, status, partner, …), topics.csv (id, label, theme), sources.csv (id, title, …), venues.geojson or a venues CSV (id, name, country, lat, lon).`,
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

/** Where text that is not UTF-8 first goes wrong: its line, the byte as its likely encoding reads it, and the words around it. */
export interface NotUtf8 {
  line: number;
  character: string;
  excerpt: string;
  /** Windows-1252 (Excel's plain "CSV"), or Mac Roman (Excel's "CSV (Macintosh)"). */
  encoding: 'windows-1252' | 'macintosh';
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
  const encoding = likelyMacRoman(all) ? 'macintosh' : 'windows-1252';
  const latin = new TextDecoder(encoding);
  const text = latin.decode(all.subarray(start, end));
  const column = latin.decode(all.subarray(start, at)).length;
  const from = Math.max(0, column - 20);
  const excerpt = `${from > 0 ? '…' : ''}${text.slice(from, column + 20).trim()}${column + 20 < text.length ? '…' : ''}`;
  return { line, character: latin.decode(all.subarray(at, at + 1)), excerpt, encoding };
}

/** Why a file that is not UTF-8 text is not used, and what to do. */
export function notTextMessage(workbook: 'xlsx' | 'xls' | 'zip' | Picture | undefined, where?: NotUtf8 | null): string {
  if (workbook === 'zip') return 'This zip archive holds no CSV or GeoJSON file to read.';
  if (workbook && workbook !== 'xlsx' && workbook !== 'xls')
    return `This is a ${workbook}, not a data file. Upload the data’s CSV files (dialogues.csv, topics.csv, sources.csv) or its venues.geojson.`;
  if (workbook) {
    return `This is a spreadsheet workbook (${workbook === 'xlsx' ? '.xlsx or .ods' : '.xls'}), not a CSV file. In the spreadsheet, save it as “CSV UTF-8” (Excel: File › Save As › CSV UTF-8; LibreOffice: Save As › Text CSV, character set UTF-8) and upload that.`;
  }
  const found = where
    ? ` Line ${where.line} is the first with a character in another encoding: “${where.character}” (as ${where.encoding === 'macintosh' ? 'Mac Roman, Excel’s “CSV (Macintosh)”' : 'Windows-1252, Excel’s plain “CSV”'}, writes it) in “${where.excerpt}”.`
    : '';
  return `This file is not UTF-8 text.${found} Save it from the spreadsheet as “CSV UTF-8” (Excel: File › Save As › CSV UTF-8; LibreOffice: character set UTF-8) and upload it again.`;
}

/**
 * Bytes → text, if they are UTF-8 (with or without a BOM), or UTF-16 with its BOM (Excel's
 * "Unicode Text", tab-separated); null otherwise.
 */
export function decodeUtf8(bytes: ArrayBuffer): string | null {
  const b = new Uint8Array(bytes, 0, Math.min(2, bytes.byteLength));
  const utf16 = b[0] === 0xff && b[1] === 0xfe ? 'utf-16le' : b[0] === 0xfe && b[1] === 0xff ? 'utf-16be' : null;
  try {
    return new TextDecoder(utf16 ?? 'utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}
