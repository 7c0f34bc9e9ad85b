/**
 * Ids that look alike but differ in their characters: a non-breaking hyphen (U+2011) or an en
 * dash pasted from a word processor or a web page, a no-break or zero-width space, a full-width
 * letter. Such an id reads as the meeting shown now, but is a new one: the meeting shown is
 * removed and the row added, with no error. Said where it happens, with the characters named.
 */

/** Dashes, spaces and invisible characters that pass for "-", " " or nothing. */
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;
const SPACES = /[\u00A0\u2000-\u200A\u202F\u205F\u3000]/g;
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;

/** The id as it reads: compatibility forms folded (NFKC), dashes as "-", spaces as " ", invisible characters gone. */
export function readsAs(id: string): string {
  return id.normalize('NFKC').replace(DASHES, '-').replace(SPACES, ' ').replace(INVISIBLE, '').trim();
}

/** An id with a character that reads as another (its fold differs from it). */
export const mayLookAlike = (id: string): boolean => readsAs(id) !== id;

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
  const odd = [...new Set([...id].filter((c) => readsAs(c) !== c))];
  return odd
    .map((c) => `${names[c] ?? 'a character'} (U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`)
    .join(', ');
}
