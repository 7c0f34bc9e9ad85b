import { distance } from 'fastest-levenshtein';
import type { DialoguePacker } from '../data/packed';
import type { Problem, ProblemLog } from '../data/problems';
import { shorten } from '../data/csv-table';
import { DATA_FILES } from '../data/schema';
import { arabicFolded, oddCharacters, otherLetters, withOddCharacters } from './lookalike-ids';
import type { Vocabulary } from './vocabulary';

/**
 * Names an upload spells differently from ones already in use — `european union` or `EU` for
 * European Union, `Counter-terrorism dialogue` for Counterterrorism Dialogue, `Islamabad` for the
 * venue id `islamabad` — which would otherwise become a second partner, track, venue or topic
 * without a word. Warnings that say which name is meant: the analyst decides. Run by the
 * upload's check in the worker only (the page's reading of the published data does not need it).
 */

/**
 * A name as compared: lower case, `&` as "and", letters and digits only, and the Arabic keyboard's
 * lookalike letters as Urdu's (ي as ی, ك as ک, ه as ہ: see arabicFolded).
 */
export const nameKey = (name: string): string =>
  arabicFolded(name)
    .toLowerCase()
    .replace(/&/g, 'and')
    .replace(/[^\p{L}\p{N}]+/gu, '');

const SMALL = new Set(['of', 'the', 'and', 'for', 'on', 'in']);

/** A name of several words as its initials ("European Union" → "eu"), or null. */
function initials(name: string): string | null {
  const words = name.split(/[\s-]+/).filter((w) => w !== '' && !SMALL.has(w.toLowerCase()));
  return words.length > 1 ? words.map((w) => w[0]!.toLowerCase()).join('') : null;
}

/** Whether two different spellings name the same thing: the same key, or one the other's initials. */
export function sameName(a: string, b: string): boolean {
  const ka = nameKey(a);
  const kb = nameKey(b);
  if (ka === '' || kb === '') return false;
  return ka === kb || initials(a) === kb || initials(b) === ka;
}

/** Variant spellings told per column. */
const VARIANTS_TOLD = 20;

const PARTNER = 3;
const COLUMNS = [
  [PARTNER, 'partner'],
  [4, 'track'],
] as const;

/** Names by their key and by their initials: each lookup one probe, however many names. */
class NameIndex {
  readonly #byKey = new Map<string, string>();
  readonly #byInitials = new Map<string, string>();
  add(name: string): void {
    const key = nameKey(name);
    if (key === '') return;
    if (!this.#byKey.has(key)) this.#byKey.set(key, name);
    const short = initials(name);
    if (short && !this.#byInitials.has(short)) this.#byInitials.set(short, name);
  }
  /** A name spelled differently that names the same thing, if there is one. */
  match(name: string): string | undefined {
    const key = nameKey(name);
    if (key === '') return undefined;
    const short = initials(name);
    const found = this.#byKey.get(key) ?? this.#byInitials.get(key) ?? (short ? this.#byKey.get(short) : undefined);
    return found === name ? undefined : found;
  }
}

/** Each value of a column with the values of column `by` on its rows (a track's partners). */
function valuesBy(packer: DialoguePacker, column: number, by: number): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (let i = 0; i < packer.n; i++) {
    const v = packer.values(i);
    let set = out.get(v[column]!);
    if (!set) out.set(v[column]!, (set = new Set()));
    set.add(v[by]!);
  }
  return out;
}

/**
 * Partners and tracks in the upload that are new but spell a name in use (in the data shown
 * now, or earlier in the upload itself): a warning each, at the first line that has it. A track
 * is compared with the tracks of its own partner only: the United Kingdom's "Counter-Terrorism
 * Dialogue" is not a variant of the United States' "Counterterrorism Dialogue".
 */
export function variantNames(file: string, current: DialoguePacker, upload: DialoguePacker): Problem[] {
  const problems: Problem[] = [];
  for (const [column, name] of COLUMNS) {
    // Partners are one group; tracks are grouped by partner, as its name reads (a partner typed
    // with an Arabic keyboard's ي has its tracks compared with those of the one with ی).
    const partnerNames = new Map<string, string>();
    const groupsOf = (packer: DialoguePacker): Map<string, Set<string>> => {
      if (column === PARTNER) return new Map(packer.distinct(column).map((v) => [v, new Set([''])]));
      const byKey = new Map<string, Set<string>>();
      for (const [track, partners] of valuesBy(packer, column, PARTNER))
        byKey.set(
          track,
          new Set(
            [...partners].map((p) => {
              const key = nameKey(p) || p;
              if (!partnerNames.has(key)) partnerNames.set(key, p);
              return key;
            }),
          ),
        );
      return byKey;
    };
    const shownNow = new Map<string, { index: NameIndex; names: Set<string> }>();
    for (const [value, groups] of groupsOf(current))
      for (const g of groups) {
        let entry = shownNow.get(g);
        if (!entry) shownNow.set(g, (entry = { index: new NameIndex(), names: new Set() }));
        entry.index.add(value);
        entry.names.add(value);
      }
    const earlier = new Map<string, NameIndex>();
    let told = 0;
    for (const [value, groups] of groupsOf(upload)) {
      if (value === '') continue;
      for (const g of groups) {
        const now = shownNow.get(g);
        if (now?.names.has(value)) continue;
        let before = earlier.get(g);
        if (!before) earlier.set(g, (before = new NameIndex()));
        const inUse = now?.index.match(value);
        const meant = inUse ?? before.match(value);
        before.add(value);
        if (meant === undefined) continue;
        // A file of thousands of variants (each line found by a scan of the rows) is told of the first few.
        if (++told > VARIANTS_TOLD) break;
        const where = inUse !== undefined ? 'the data shown now has' : 'an earlier row of this file has';
        const whose = column === PARTNER ? '' : ` of ${shorten(partnerNames.get(g) ?? g)}`;
        // A no-break space pasted from the web: the two names look the same, so the character is named.
        problems.push({
          file,
          line: upload.firstLine(column, value),
          column: name,
          value: shorten(value),
          message: `“${shorten(value)}”${withOddCharacters(value)}${otherLetters(value, meant)} would be a new ${name}${whose}, but ${where} “${shorten(meant)}”: if they are the same ${name}, write it as “${shorten(meant)}”, or the charts show them as two.`,
          severity: 'warning',
        });
        break;
      }
      if (told > VARIANTS_TOLD) break;
    }
  }
  return problems;
}

const NOUNS = { venues: 'venue', topics: 'topic', sources: 'source' } as const;

/**
 * Ids new in an uploaded venues, topics or sources file that spell one in use otherwise, by
 * `nameKey` (case, punctuation; a character that reads as another; not initials): `Migration`
 * or `migration_` beside `migration`, in the data shown now or on an earlier row of the file. Ids
 * must match exactly, so the two would be two topics. A warning each (the first few), where the new
 * id is (`at`: its line, or in GeoJSON its feature), naming the id meant.
 */
export function variantIds(
  kind: keyof typeof NOUNS,
  file: string,
  shown: readonly string[],
  upload: readonly string[],
  at: ReadonlyMap<string, { line: number } | { feature: number }>,
): Problem[] {
  const key = (id: string) => nameKey(id.normalize('NFKC'));
  const inUse = new Map<string, string>();
  for (const id of shown) if (key(id) !== '' && !inUse.has(key(id))) inUse.set(key(id), id);
  const earlier = new Map<string, string>();
  const problems: Problem[] = [];
  const noun = NOUNS[kind];
  for (const id of upload) {
    const k = key(id);
    if (k === '') continue;
    const place = at.get(id);
    const meant = place ? (inUse.get(k) ?? earlier.get(k)) : undefined;
    if (!earlier.has(k)) earlier.set(k, id);
    if (!place || meant === undefined || meant === id) continue;
    const where = inUse.has(k)
      ? 'the data shown now has'
      : `an earlier ${'feature' in place ? 'feature' : 'row'} of this file has`;
    problems.push({
      file,
      ...place,
      column: 'id',
      value: shorten(id),
      message: `“${shorten(id)}”${withOddCharacters(id)}${otherLetters(id, meant)} would be a new ${noun}, but ${where} “${shorten(meant)}”: ids must match exactly, so if they are the same ${noun}, write it as “${shorten(meant)}”, or meetings citing the one are not counted with the other.`,
      severity: 'warning',
    });
    if (problems.length === VARIANTS_TOLD) break;
  }
  return problems;
}

/** The column of dialogues.csv that cites each kind, and the word its unknown-id warning starts with. */
const CITED = [
  ['venue_id', 'venues', 'venue'],
  ['topics', 'topics', 'topic'],
  ['source_id', 'sources', 'source'],
] as const;

/** An id with the name a person knows it by (a venue's or topic's name, a source's title). */
type Named = { id: string; name: string };

/** Unknown ids' warnings withIdHints has told what to write (an id meant, topics to separate). */
const HINTED = new WeakSet<Problem>();

/** An unknown id's warning in a log: the column it is cited in, and its kind. */
const citedBy = (p: Problem) =>
  CITED.find(([column, , word]) => p.column === column && p.message.startsWith(`Unknown ${word}`));

/** Lines an id written the same way is on before it reads as chosen, not as a slip of the hand. */
const CHOSEN_LINES = 5;

/**
 * The unknown ids of a log that are plausibly a typing slip away from a known one, with the id
 * meant, by column. A slip is a value typed wrong once or twice beside an id in use, so a guess is
 * offered only where
 * - the edit leaves most of the id standing (nearId: a third of the shorter one's characters at
 *   most, so `c1` is never a slip of `s1`: that would change half of it);
 * - the value is on fewer than CHOSEN_LINES lines: an id written the same way on many lines
 *   (`c1` on 22) is one the analyst chose, for something new;
 * - no other unknown value of the column is a slip of the same id: `c1` and `u1`, or `uk-ct` and
 *   `cn-ct`, both beside `us-ct`, are a numbering of new things, not two ways to mistype one.
 */
function slipsIn(log: ProblemLog, lists: Record<(typeof CITED)[number][0], readonly Named[]>) {
  const lines = new Map<string, Map<string, number>>();
  for (const p of log.list) {
    const cited = citedBy(p);
    if (!cited || !p.value) continue;
    let counts = lines.get(cited[0]);
    if (!counts) lines.set(cited[0], (counts = new Map()));
    counts.set(p.value, (counts.get(p.value) ?? 0) + 1);
  }
  const slips = new Map<string, Map<string, Named>>();
  for (const [column, counts] of lines) {
    const list = lists[column as keyof typeof lists];
    const guesses = new Map<string, Named>();
    const guessedFor = new Map<string, number>();
    for (const value of counts.keys()) {
      // A name spelled otherwise (`Islamabad`, `S1`) is no slip: said whatever its count.
      if (list.some((e) => sameName(e.id, value) || sameName(e.name, value))) continue;
      const near = nearId(list, value);
      if (!near) continue;
      guessedFor.set(near.id, (guessedFor.get(near.id) ?? 0) + 1);
      if (counts.get(value)! < CHOSEN_LINES) guesses.set(value, near);
    }
    for (const [value, near] of guesses) if (guessedFor.get(near.id)! > 1) guesses.delete(value);
    slips.set(column, guesses);
  }
  return slips;
}

/**
 * A log's warnings of unknown venue, topic and source ids, each with the id meant when the value
 * spells one differently or is a venue's or topic's name or a source's title ("Islamabad" for
 * `islamabad`, `S1` for `s1`), or is a plausible typing slip of one (slipsIn). The same log, its
 * problems rewritten in place.
 */
export function withIdHints(log: ProblemLog, vocab: Vocabulary): ProblemLog {
  const lists: Record<(typeof CITED)[number][0], readonly Named[]> = {
    venue_id: vocab.venues.rows.map((v) => ({ id: v.id, name: v.name })),
    topics: vocab.topics.rows.map((t) => ({ id: t.id, name: t.label })),
    source_id: vocab.sources.rows.map((s) => ({ id: s.id, name: s.title })),
  };
  const slips = slipsIn(log, lists);
  log.list.forEach((p, i) => {
    const cited = citedBy(p);
    if (!cited || !p.value) return;
    const [column, kind] = cited;
    // The id is in the file, on a row with errors (left out): that row is the thing to fix.
    const line = vocab.leftOutLines?.[kind]?.get(p.value);
    const at = line ?? vocab[kind].leftOut?.get(p.value);
    if (at !== undefined) {
      const where = kind === 'venues' && line === undefined ? 'its entry' : `its row (line ${at})`;
      log.list[i] = {
        ...p,
        message: `“${shorten(p.value)}” is in ${vocab.files?.[kind] ?? DATA_FILES[kind]}, but ${where} there has errors, so it is left out: fix that and this warning goes.`,
      };
      return;
    }
    const list = lists[column];
    const value = p.value;
    if (column === 'topics' && /[,|]/.test(value)) {
      // Topics run together with commas (or bars), as a spreadsheet list is often typed.
      const parts = value.split(/[,|]/).map((t) => t.trim());
      const ids = parts.map((t) => meantBy(list, t)?.id);
      if (ids.every((id) => id !== undefined)) {
        log.list[i] = { ...p, message: `${p.message} Topics are separated by “;”: write ${ids.join(';')}.` };
        HINTED.add(log.list[i]!);
        return;
      }
    }
    const meant = meantBy(list, value) ?? slips.get(column)?.get(value);
    if (!meant) return;
    const named = meant.name && meant.name !== meant.id ? ` (${cut(meant.name)})` : '';
    // A character that reads as another (a non-breaking hyphen) is named: the two look the same.
    const odd = oddCharacters(value);
    log.list[i] = {
      ...p,
      message: `${p.message} Did you mean “${meant.id}”${named}?${odd ? ` This one has ${odd}.` : ''} Ids must match exactly.`,
    };
    HINTED.add(log.list[i]!);
  });
  return log;
}

/** Ids named in one line before the rest are counted. */
const IDS_NAMED = 5;

/**
 * For each of venues, topics and sources that came with no file of its own in the upload
 * (`missing`), one line, in `file` as a whole, naming the ids the meetings cite that the file
 * shown now lacks and that withIdHints (run first) found no id meant for (a misspelling is
 * told "Did you mean" on its line): the meetings are checked against the file shown now, and what is new in
 * them wants its own file uploaded beside. "c1, u1 are not in the sources.csv shown now: upload
 * your sources.csv with this file."
 */
export function notUploaded(log: ProblemLog, file: string, missing: readonly (keyof typeof NOUNS)[]): Problem[] {
  const problems: Problem[] = [];
  for (const [column, kind] of CITED) {
    if (!missing.includes(kind)) continue;
    const ids = new Set<string>();
    for (const p of log.list) if (p.value && !HINTED.has(p) && citedBy(p)?.[0] === column) ids.add(p.value);
    if (ids.size === 0) continue;
    const named = [...ids].slice(0, IDS_NAMED).map((id) => shorten(id));
    const more = ids.size - named.length;
    const list = more > 0 ? `${named.join(', ')} and ${more.toLocaleString('en')} more` : named.join(', ');
    const name = DATA_FILES[kind];
    problems.push({
      file,
      column,
      message: `${list} ${ids.size === 1 ? 'is' : 'are'} not in the ${name} shown now: upload your ${name} with this file.`,
      severity: 'warning',
    });
  }
  return problems;
}

/**
 * The id a value means, if one: an id or name it spells otherwise (`sameName`: case, punctuation,
 * initials).
 */
function meantBy(list: readonly Named[], value: string): Named | undefined {
  return list.find((e) => sameName(e.id, value) || sameName(e.name, value));
}

/** A name as said beside an id: a source's long title cut short. */
const cut = (name: string) => (name.length > 60 ? `${name.slice(0, 59).trimEnd()}…` : name);

/** A text's digits: ids that differ in them (`s2`, `s1`) are two things numbered, not one mistyped. */
const digits = (text: string) => text.replace(/\D+/g, '');

/**
 * The one id a value is a typing slip away from (`ankra` for `ankara`, `defense-industry` for
 * `defence-industry`): characters added, dropped or changed, at most a third of the shorter of the
 * two ids' length and at most two (none in a 2-character id, one up to 5 characters), and no other
 * id as near. Not an id whose digits differ (`s2` is another source than `s1`, not a slip).
 * Undefined when none is, or two are.
 */
function nearId<T extends { id: string }>(list: readonly T[], value: string): T | undefined {
  let best: T | undefined;
  let bestDistance = Infinity;
  let tied = false;
  for (const e of list) {
    const d = distance(e.id.toLowerCase(), value.toLowerCase());
    if (d < bestDistance) [best, bestDistance, tied] = [e, d, false];
    else if (d === bestDistance) tied = true;
  }
  if (!best || tied) return undefined;
  const most = Math.min(2, Math.floor(Math.min(best.id.length, value.length) / 3));
  return bestDistance <= most && digits(best.id) === digits(value) ? best : undefined;
}
