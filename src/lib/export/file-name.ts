import { NO_FILTERS, type Filters } from '../data/filters';
import type { SlidePreset } from '../state/slide-preset';

/**
 * The filters in a file name (`united-states-held-from-2024-01`), so that exports of one view in
 * different filters do not overwrite or pile up as "(1)", "(2)" in Downloads; `ایران`, `中国`
 * are kept in their own letters. Empty with no filters. At most 67 characters: past that, the lists
 * are said shorter (`counter-terrorism-and-2-more`, then `3-topics`), the status and period never,
 * and a short fingerprint of the whole follows, so filters said alike still get names of their own.
 */
export function filterSlug(filters: Filters): string {
  const tail = slug(
    [
      filters.status === 'all' ? '' : filters.status,
      filters.from ? `from ${filters.from}` : '',
      filters.to ? `to ${filters.to}` : '',
    ].join(' '),
  );
  // Each list's ways of being said, each shorter than the one before: every name; the first and
  // how many more; how many.
  const lists = (['partners', 'topics', 'venues'] as const).map((kind) => {
    const names = filters[kind];
    const ways = [slug(names.join(' '))];
    if (names.length > 1) {
      for (const way of [slug(`${names[0]} and ${names.length - 1} more`), `${names.length}-${kind}`])
        if (size(way) < size(ways.at(-1)!)) ways.push(way);
    }
    return ways;
  });
  const whole = joined(...lists.map((ways) => ways[0]!), tail);
  if (size(whole) <= 67) return whole;
  // The fewest lists said shorter (and of those the longest name) that fits in 60 with the fingerprint.
  let best = '';
  let shortened = Infinity;
  lists[0]!.forEach((p, i) =>
    lists[1]!.forEach((t, j) =>
      lists[2]!.forEach((v, k) => {
        const name = joined(p, t, v, tail);
        if (size(name) <= 60 && (i + j + k < shortened || (i + j + k === shortened && size(name) > size(best)))) {
          best = name;
          shortened = i + j + k;
        }
      }),
    ),
  );
  // Nothing fits (a very long name, or every list and a period to the day): the lists said shortest
  // that fit, a single name cut at a word to the room left, a count never.
  if (!best) {
    for (const ways of lists) {
      const part = ways.at(-1)!;
      const room = 60 - size(joined(best, tail)) - (best || tail ? 1 : 0);
      if (size(part) <= room) best = joined(best, part);
      else if (ways.length === 1) best = joined(best, cut(part, room));
    }
    best = joined(best, tail);
  }
  return joined(
    cut(best, 60),
    fingerprint(
      JSON.stringify([filters.partners, filters.topics, filters.venues, filters.status, filters.from, filters.to]),
    ),
  );
}

/**
 * Text as a file name's part: Latin accents are dropped (`cote-d-ivoire`); other scripts' letters and
 * digits are kept as they are (`ایران`, `中国`), composed again (NFC) so that Korean syllables stay
 * whole. Anything else (slashes, `:*?"<>|`, controls, emoji, bidi marks) becomes "-": safe on Windows
 * and macOS.
 */
const slug = (text: string): string =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^[-\p{M}]+|-$/gu, '');

/** Counted in characters, not UTF-16 units: a letter outside the BMP is never cut in half. */
const size = (text: string): number => Array.from(text).length;

const joined = (...parts: string[]): string => parts.filter(Boolean).join('-');

/** The text in at most `n` characters, cut at a word where one ends in its last two thirds. */
function cut(text: string, n: number): string {
  const chars = Array.from(text);
  if (chars.length <= n) return text;
  if (n <= 0) return '';
  const head = chars.slice(0, n + 1).join('');
  const end = head.lastIndexOf('-') > n / 3 ? head.lastIndexOf('-') : chars.slice(0, n).join('').length;
  return head.slice(0, end).replace(/\p{M}+$|-+$/gu, '');
}

/** Six hex digits of FNV-1a over the text: a name's tell-apart, not a checksum. */
function fingerprint(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return ((h >>> 0) & 0xffffff).toString(16).padStart(6, '0');
}

/**
 * `dialogue-atlas-topics-16x9.svg`; filtered, `dialogue-atlas-topics-united-states-16x9.svg`; and
 * what else tells two exports of a view apart: `-dark`, `-transparent` (not in a deck), `-2x` (PNG).
 */
export const exportName = (view: string, preset: SlidePreset, ext: string, filters: Filters = NO_FILTERS): string =>
  [
    'dialogue-atlas',
    view,
    filterSlug(filters),
    preset.ratio.replace(':', 'x'),
    preset.theme === 'dark' ? 'dark' : '',
    preset.background === 'transparent' && ext !== 'pptx' ? 'transparent' : '',
    preset.scale === 2 && ext === 'png' ? '2x' : '',
  ]
    .filter(Boolean)
    .join('-') + `.${ext}`;

/**
 * The offline briefing's file: `dialogue-atlas-briefing-2026-12-07.html`; filtered, named by its
 * filters as the other exports are (`dialogue-atlas-briefing-united-states-from-2024-2026-12-07.html`),
 * so two briefings of one day in different filters do not overwrite each other. `created`: ISO time.
 */
export const briefingName = (filters: Filters, created: string): string =>
  ['dialogue-atlas-briefing', filterSlug(filters), created.slice(0, 10)].filter(Boolean).join('-') + '.html';

/** The viewer's calendar day where they are, for a file name: `2026-12-07` (not the day in UTC). */
export const localDay = (t: Date): string =>
  [t.getFullYear(), t.getMonth() + 1, t.getDate()].map((n, i) => String(n).padStart(i ? 2 : 4, '0')).join('-');

/**
 * This moment as the viewer's clock and calendar say it, with their offset from UTC:
 * `2026-12-07T01:30:00+05:00`. A briefing's date, name and title are its first ten characters, the
 * day where it was made; an ISO string in UTC (`toISOString`) gave the day before in Islamabad
 * until 05:00. Any reader of the stamp still gets the same instant.
 */
export function localStamp(t: Date): string {
  const two = (n: number) => String(Math.trunc(n)).padStart(2, '0');
  const offset = -t.getTimezoneOffset();
  const sign = offset < 0 ? '-' : '+';
  const clock = [t.getHours(), t.getMinutes(), t.getSeconds()].map(two).join(':');
  return `${localDay(t)}T${clock}${sign}${two(Math.abs(offset) / 60)}:${two(Math.abs(offset) % 60)}`;
}

/**
 * The slide deck's file: `dialogue-atlas-slides-16x9-2026-12-07.pptx`; filtered,
 * `dialogue-atlas-slides-united-states-16x9-dark-2026-12-07.pptx`: named as the other exports are, and
 * dated the viewer's day of download, as the data package is, so a deck says which day's data it shows
 * and decks of different days do not overwrite each other.
 */
export const deckName = (preset: SlidePreset, filters: Filters, made: Date): string =>
  `${exportName('slides', preset, 'pptx', filters).replace(/\.pptx$/, '')}-${localDay(made)}.pptx`;

/**
 * The data package's file: `dialogue-atlas-data-2026-12-07.zip`, dated the viewer's day of
 * download, so packages of different days neither overwrite each other nor pile up as "(1)".
 */
export const packageName = (downloaded: Date): string => `dialogue-atlas-data-${localDay(downloaded)}.zip`;
