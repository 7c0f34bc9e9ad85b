import type { DatasetTexts } from '../data/dataset';
import type { DialogueValues } from '../data/dialogue-reader';
import type { DialoguePacker } from '../data/packed';
import type { ProblemLog } from '../data/problems';
import { ReferenceCheck, type VocabularyFiles } from '../data/references';
import { parseVenues } from '../data/venues';
import { parseSources, parseTopics } from '../data/vocabulary';

/** The venues, topics and sources an upload's meetings are checked against (uploaded or kept). */
export type Vocabulary = {
  venues: ReturnType<typeof parseVenues>;
  topics: ReturnType<typeof parseTopics>;
  sources: ReturnType<typeof parseSources>;
  /** The uploaded files the ids come from, where they replace the data shown (named in warnings). */
  files?: Partial<VocabularyFiles>;
  /**
   * Ids on an uploaded file's row left out for its errors, with its line, where the texts checked
   * against no longer hold that row (a venues table is written out as GeoJSON without it): a meeting
   * citing one is told to fix that row, not that no venue has the id.
   */
  leftOutLines?: Partial<Record<'venues' | 'topics' | 'sources', ReadonlyMap<string, number>>>;
};

export function vocabulary(texts: DatasetTexts, files: Partial<VocabularyFiles> = {}): Vocabulary {
  return {
    venues: parseVenues(texts.venues),
    topics: parseTopics(texts.topics),
    sources: parseSources(texts.sources),
    files,
  };
}

/** Checks a row's venue, topic and source ids against the files it would be applied with. */
export type References = (file: string, line: number, v: DialogueValues) => void;

export function referenceCheck(vocab: Vocabulary): ReferenceCheck {
  return new ReferenceCheck(
    vocab.venues.rows.map((v) => v.id),
    vocab.topics.rows.map((t) => t.id),
    vocab.sources.rows.map((s) => s.id),
    vocab.files,
  );
}

export function references(vocab: Vocabulary, log: ProblemLog, check = referenceCheck(vocab)): References {
  return (file, line, v) => check.check(file, line, v[7]!, v[8]!, v[11]!, log);
}

const REFERENCE_COLUMNS = [
  [7, 'venue_id'],
  [8, 'topics'],
  [11, 'source_id'],
] as const;

/**
 * Whether the row just packed needs its references checked: each distinct venue, topic list
 * and source is checked once, by its code in the packer, instead of hashing every row's values
 * again. Rows with an id the vocabulary lacks are then checked (and reported) one by one.
 */
export class KnownReferences {
  readonly #packer: DialoguePacker;
  readonly #check: ReferenceCheck;
  /** Per column, per code: 1 known, 2 not (0: not looked at yet). */
  readonly #state = REFERENCE_COLUMNS.map(() => new Uint8Array(64));

  constructor(packer: DialoguePacker, check: ReferenceCheck) {
    this.#packer = packer;
    this.#check = check;
  }

  /** True when the last row packed (values `v`) refers only to known ids. */
  lastKnown(v: DialogueValues): boolean {
    for (let k = 0; k < REFERENCE_COLUMNS.length; k++) {
      const [column, name] = REFERENCE_COLUMNS[k]!;
      const code = this.#packer.lastCode(column);
      let states = this.#state[k]!;
      if (code >= states.length) {
        const more = new Uint8Array(Math.max(code + 1, states.length * 2));
        more.set(states);
        this.#state[k] = states = more;
      }
      if (states[code] === 0) states[code] = this.#check.known(name, v[column]!) ? 1 : 2;
      if (states[code] === 2) return false;
    }
    return true;
  }
}
