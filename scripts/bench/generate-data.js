// Synthetic datasets for benchmarks: deterministic (seeded), shaped like the real files.
import Papa from 'papaparse';

/** A small seeded PRNG (mulberry32), so every run benchmarks the same bytes. */
export function random(seed = 42) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HEADER = [
  'id',
  'date',
  'status',
  'partner',
  'track',
  'round',
  'level',
  'venue_id',
  'topics',
  'lead_pakistan',
  'lead_partner',
  'source_id',
  'evidence',
  'summary',
];

/**
 * `newline`, `delimiter` and `quotes` shape dialogues.csv as other tools write it (LF from
 * pandas or R, CR from old Macs, semicolons from a European Excel, every field quoted);
 * `idPrefix` makes ids that no other dataset (default `m`) has; `editEvery` changes the summary
 * of every n-th meeting and `keepEvery` keeps only every n-th (the rest are otherwise the same
 * meetings as with the same seed).
 * @param {{ meetings: number, venues?: number, partners?: number, topics?: number, seed?: number,
 *   newline?: '\r\n' | '\n' | '\r', delimiter?: string, quotes?: boolean, idPrefix?: string,
 *   editEvery?: number, keepEvery?: number }} o
 * @returns {{ dialogues: string, venues: string, topics: string, sources: string }}
 */
export function generateDataset({
  meetings,
  venues = 200,
  partners = 12,
  topics = 40,
  seed = 42,
  newline = '\r\n',
  delimiter = ',',
  quotes = false,
  idPrefix = 'm',
  editEvery = 0,
  keepEvery = 1,
}) {
  const rnd = random(seed);
  /** @param {number} n */
  const pick = (n) => Math.floor(rnd() * n);
  const partnerNames = Array.from(
    { length: partners },
    (_, i) => `Partner ${String.fromCharCode(65 + (i % 26))}${i >= 26 ? i : ''}`,
  );
  const tracks = ['Strategic Dialogue', 'Political Dialogue', 'Counterterrorism Dialogue', 'Migration Dialogue'];
  const rows = new Array(meetings);
  for (let i = 0; i < meetings; i++) {
    const year = 2000 + pick(27);
    const month = 1 + pick(12);
    const day = 1 + pick(28);
    const precision = rnd();
    const date =
      precision < 0.7
        ? `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
        : precision < 0.9
          ? `${year}-${String(month).padStart(2, '0')}`
          : `${year}`;
    const held = year < 2026 || rnd() < 0.5;
    const topicList = Array.from(new Set(Array.from({ length: 1 + pick(4) }, () => `t${pick(topics)}`))).join(';');
    rows[i] = [
      `${idPrefix}${i}`,
      held || rnd() < 0.8 ? date : '',
      held ? 'held' : 'planned',
      partnerNames[pick(partners)],
      tracks[pick(tracks.length)],
      String(1 + pick(20)),
      'Secretary',
      `v${pick(venues)}`,
      topicList,
      'Lead P',
      'Lead X',
      's1',
      'a quote from the article',
      editEvery && i % editEvery === 0 ? 'An edited summary' : 'A summary of the meeting, with a comma, and "quotes".',
    ];
  }
  const kept = keepEvery > 1 ? rows.filter((_, i) => i % keepEvery === 0) : rows;
  const features = Array.from({ length: venues }, (_, i) => ({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [-170 + rnd() * 340, -60 + rnd() * 130] },
    properties: { id: `v${i}`, name: `Venue ${i}`, country: 'Somewhere' },
  }));
  return {
    dialogues: Papa.unparse({ fields: HEADER, data: kept }, { newline, delimiter, quotes }),
    venues: JSON.stringify({ type: 'FeatureCollection', features }),
    topics: Papa.unparse({
      fields: ['id', 'label', 'theme'],
      data: Array.from({ length: topics }, (_, i) => [`t${i}`, `Topic ${i}`, 'security']),
    }),
    sources: 'id,title,publisher,published\ns1,Synthetic source,,\n',
  };
}
