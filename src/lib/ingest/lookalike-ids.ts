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

/** Runs of dashes, underscores and spaces: in an id, they all read as one separator. */
export const SEPARATORS = /[\s_-]+/g;

/**
 * An id as a person reads it, to find one that looks like another: as it reads, in lower case
 * (`EU-2026-political` for `eu-2026-political`: a spreadsheet capitalised it, or a name was typed),
 * its dashes, underscores and spaces as one ("eu_2026 political").
 */
export const idKey = (id: string): string =>
  (PRINTABLE_ASCII.test(id) ? id : readsAs(id)).toLowerCase().replace(SEPARATORS, '-');

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
    '\u200C': 'a zero-width non-joiner',
    '\uFEFF': 'a zero-width no-break space',
  };
  // Each character alone, not trimmed: a plain space is what it looks like.
  const odd = [...new Set([...id].filter((c) => plain(c) !== c))];
  return odd.map((c) => `${names[c] ?? 'a character'} (${codePoint(c)})`).join(', ');
}

/**
 * Arabic-script letters that look alike but are different letters: what an Arabic keyboard types
 * for the Urdu and Persian ones (yeh ي and alef maksura ى for ی, kaf ك for ک, heh ه for ہ). Not
 * rewritten (each is a letter of its own); folded only to find a name that looks like another.
 */
const ARABIC_KEYBOARD: Readonly<Record<string, string>> = {
  '\u064A': '\u06CC',
  '\u0649': '\u06CC',
  '\u0643': '\u06A9',
  '\u0647': '\u06C1',
};
const ARABIC_KEYBOARD_LETTERS = /[\u064A\u0649\u0643\u0647]/g;

/** Text with the Arabic keyboard's letters as their Urdu and Persian lookalikes (see ARABIC_KEYBOARD). */
export const arabicFolded = (text: string): string => text.replace(ARABIC_KEYBOARD_LETTERS, (c) => ARABIC_KEYBOARD[c]!);

const LETTER_NAMES: Readonly<Record<string, string>> = {
  '\u064A': 'Arabic yeh',
  '\u0649': 'alef maksura',
  '\u06CC': 'Farsi yeh',
  '\u0643': 'Arabic kaf',
  '\u06A9': 'keheh',
  '\u0647': 'Arabic heh',
  '\u06C1': 'heh goal',
};
const letter = (c: string) => `${c} (${codePoint(c)}, ${LETTER_NAMES[c]})`;

/**
 * The lookalike Arabic-script letters `value` has where `meant` has the other one of the pair:
 * " (with ي (U+064A, Arabic yeh) where the other has ی (U+06CC, …): letters that look alike, …)", or "".
 */
export function otherLetters(value: string, meant: string): string {
  const pairs: string[] = [];
  for (const c of new Set(value)) {
    if (LETTER_NAMES[c] === undefined || meant.includes(c)) continue;
    const other = [...new Set(meant)].find(
      (m) => m !== c && LETTER_NAMES[m] !== undefined && arabicFolded(m) === arabicFolded(c),
    );
    if (other) pairs.push(`${letter(c)} where the other has ${letter(other)}`);
  }
  return pairs.length === 0
    ? ''
    : ` (with ${pairs.join(', and ')}: letters that look alike, as an Arabic keyboard and an Urdu or Persian one type them)`;
}

/** A character's code point as Unicode writes it: "U+064A". */
function codePoint(c: string): string {
  return `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}
