import { csvRecords } from '../data/csv-parse';
import { normaliseColumnName, shorten } from '../data/csv-table';
import type { DataFileKind } from '../data/schema';

/** Why a file was not taken, in words for the analyst. */
export type Rejection = { kind: null; message: string };

/**
 * Which of our files this is, from its content (never its name): a GeoJSON FeatureCollection is
 * venues; a CSV is dialogues, topics or sources by the columns its header names.
 */
export function detectKind(text: string): { kind: DataFileKind } | Rejection {
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (start === '') return { kind: null, message: 'The file is empty.' };
  if (text.includes('\u0000')) return { kind: null, message: 'This is not a text file (it holds binary data).' };
  if (start.startsWith('{') || start.startsWith('[')) {
    return /"FeatureCollection"/.test(start.slice(0, 4096)) || /"type"\s*:\s*"Feature/.test(start.slice(0, 65536))
      ? { kind: 'venues' }
      : { kind: null, message: 'This JSON is not a GeoJSON FeatureCollection of venues.' };
  }
  const first = csvRecords(start.slice(0, 64 * 1024)).next();
  const header: string[] = first.done ? [] : first.value.cells;
  const names = new Set(header.map(normaliseColumnName));
  if (names.has('id') && names.has('status') && (names.has('date') || names.has('partner')))
    return { kind: 'dialogues' };
  if (names.has('id') && names.has('label')) return { kind: 'topics' };
  if (names.has('id') && names.has('title')) return { kind: 'sources' };
  return {
    kind: null,
    message: `Not a file we know: the header names ${
      [...names]
        .slice(0, 6)
        .map((n) => shorten(n, 40))
        .join(', ') || 'nothing'
    }. Expected dialogues.csv (id, date, status, partner, …), topics.csv (id, label, theme), sources.csv (id, title, …) or venues.geojson.`,
  };
}

/** Bytes → text, if they are UTF-8 (with or without a BOM); null otherwise. */
export function decodeUtf8(bytes: ArrayBuffer): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}
