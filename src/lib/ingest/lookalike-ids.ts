/**
 * Ids that look alike but differ in their characters: a non-breaking hyphen (U+2011) or an en
 * dash pasted from a word processor or a web page, a no-break or zero-width space, a full-width
 * letter; or the same letters in other case (`EU-2026-political`). Such an id reads as the meeting
 * shown now, but is a new one: the meeting shown is removed and the row added, with no error. Said
 * where it happens, with the characters named; and beside a partner or track, or an unknown venue,
 * topic or source id, that reads as one in use (variants.ts), the characters are named too.
 */

/** Dashes, spaces and invisible characters that pass for "-", " " or nothing. */
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;
const SPACES = /[\u00A0\u2000-\u200A\u202F\u205F\u3000]/g;
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;

/** Text as it reads: compatibility forms folded (NFKC), dashes as "-", spaces as " ", invisible characters gone. */
const plain = (text: string): string =>
  text.normalize('NFKC').replace(DASHES, '-').replace(SPACES, ' ').replace(INVISIBLE, '');

/** The id as it reads: its characters as they read (see `plain`), trimmed. */
export function readsAs(id: string): string {
  return plain(id).trim();
}

/** Text of printable ASCII only, which reads as it is (most ids: looked at without normalising). */
const PRINTABLE_ASCII = /^[\x21-\x7e]*$/;

/**
 * An id as a person reads it, to find one that looks like another: as it reads, in lower case
 * (`EU-2026-political` for `eu-2026-political`: a spreadsheet capitalised it, or a name was typed).
 */
export const idKey = (id: string): string => (PRINTABLE_ASCII.test(id) ? id : readsAs(id)).toLowerCase();

/** " (with a non-breaking hyphen (U+2011))", for a value beside the one it reads as: what the eye does not see. */
export function withOddCharacters(value: string): string {
  const odd = plain(value) === value ? '' : oddCharacters(value);
  return odd === '' ? '' : ` (with ${odd})`;
}

/** The characters of `id` that are not what they look like: "a non-breaking hyphen (U+2011)". */
export function oddCharacters(id: string): string {
  const names: Record<string, string> = {
    '\u2010': 'a Unicode hyphen',
    '\u2011': 'a non-breaking hyphen',
    '\u2012': 'a figure dash',
    '\u2013': 'an en dash',
    '\u2014': 'an em dash',
    '\u2212': 'a minus sign',
    '\u00A0': 'a no-break space',
    '\u202F': 'a narrow no-break space',
    '\u00AD': 'a soft hyphen',
    '\u200B': 'a zero-width space',
    '\uFEFF': 'a zero-width no-break space',
  };
  // Each character alone, not trimmed: a plain space is what it looks like.
  const odd = [...new Set([...id].filter((c) => plain(c) !== c))];
  return odd
    .map((c) => `${names[c] ?? 'a character'} (U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`)
    .join(', ');
}
