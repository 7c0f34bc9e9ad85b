/**
 * A partner's name as it reads inside a sentence ("Led for the United States by"): with "the" where
 * English puts it before the name, for any name a file may bring, not only the bundled three.
 * "The" goes before a name that is
 * - a union, federation or grouping, or a plural ("United States", "European Union", "United Arab
 *   Emirates", "Netherlands", "Philippines", "Solomon Islands", "Russian Federation");
 * - a state named as a republic or kingdom ("Czech Republic", "Islamic Republic of Iran", "United
 *   Kingdom", "Kingdom of Saudi Arabia") or "State of …", "People’s …", "Holy See";
 * - a short abbreviation spelt out letter by letter ("US", "UK", "EU", "UAE"), not one read as a
 *   word ("NATO", "ASEAN");
 * and not before one that has it already ("the Gambia") or any other name ("Afghanistan", "China").
 */
const THE =
  /^(?:united|european|republic|kingdom|state of|people[’']s|holy see)\b|\b(?:republic|kingdom|federation|union|states|emirates|islands|netherlands|philippines|maldives|bahamas|comoros|seychelles|nations|league|council|commission|organi[sz]ation)\b/i;
const LETTERS = /^[A-Z]{2,3}$/;

export function partnerInSentence(name: string): string {
  const trimmed = name.trim();
  if (/^the\s/i.test(trimmed)) return trimmed;
  return THE.test(trimmed) || LETTERS.test(trimmed) ? `the ${trimmed}` : trimmed;
}
