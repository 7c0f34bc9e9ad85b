import type { ProblemLog } from './problems';
import { shorten } from './csv-table';
import { DATA_FILES } from './schema';

/** The file names of the venues, topics and sources ids are checked against. */
export type VocabularyFiles = { venues: string; topics: string; sources: string };

/**
 * Ids in dialogues.csv that no other file defines. These are warnings: the meeting still loads
 * (an unknown venue is left off the map, an unknown topic shows under its id). The same check
 * runs on the data shown and, in the worker, on an upload before it is applied.
 */
export class ReferenceCheck {
  readonly #venues: ReadonlySet<string>;
  readonly #topics: ReadonlySet<string>;
  readonly #sources: ReadonlySet<string>;
  /** Topic lists as written whose every topic is known: most rows repeat one, checked once. */
  readonly #knownLists = new Set<string>();
  /** The files the ids come from, as the warnings name them: an upload's own names (a venues CSV, “topics (2).csv”). */
  readonly #files: VocabularyFiles;

  constructor(venues: Iterable<string>, topics: Iterable<string>, sources: Iterable<string>, files: Partial<VocabularyFiles> = {}) {
    this.#files = { venues: files.venues ?? DATA_FILES.venues, topics: files.topics ?? DATA_FILES.topics, sources: files.sources ?? DATA_FILES.sources };
    this.#venues = new Set(venues);
    this.#topics = new Set(topics);
    this.#sources = new Set(sources);
  }

  /** One meeting's ids; `topics` as a list or as written (`;`-separated, tidied). Runs once per row: makes nothing when all is known. */
  check(file: string, line: number, venueId: string, topics: string | readonly string[], sourceId: string, log: ProblemLog): void {
    if (venueId !== '' && !this.#venues.has(venueId)) {
      warn(log, file, line, 'venue_id', venueId, () => `Unknown venue “${shorten(venueId)}”: no venue in ${this.#files.venues} has this id, so no meeting there is on the map.`);
    }
    if (typeof topics === 'string') {
      if (topics !== '' && !this.#knownLists.has(topics)) this.#checkList(file, line, topics, log);
    } else for (const t of topics) if (!this.#topics.has(t)) unknownTopic(log, file, line, t, this.#files.topics);
    if (sourceId === '') {
      warn(log, file, line, 'source_id', '', () => 'No source: every row should cite the article it comes from.');
    } else if (!this.#sources.has(sourceId)) {
      warn(log, file, line, 'source_id', sourceId, () => `Unknown source “${shorten(sourceId)}”: ${this.#files.sources} does not list it.`);
    }
  }

  /** Whether a row with this value (`topics` as written) would get no warning here. */
  known(column: 'venue_id' | 'topics' | 'source_id', value: string): boolean {
    if (column === 'venue_id') return value === '' || this.#venues.has(value);
    if (column === 'source_id') return value !== '' && this.#sources.has(value);
    for (let start = 0; start < value.length; ) {
      let end = value.indexOf(';', start);
      if (end === -1) end = value.length;
      if (!this.#topics.has(value.slice(start, end))) return false;
      start = end + 1;
    }
    return true;
  }

  /** A topic list as written, topic by topic; remembered when every one is known. */
  #checkList(file: string, line: number, topics: string, log: ProblemLog): void {
    let known = true;
    for (let start = 0; start < topics.length; ) {
      let end = topics.indexOf(';', start);
      if (end === -1) end = topics.length;
      const t = topics.slice(start, end);
      if (!this.#topics.has(t)) {
        unknownTopic(log, file, line, t, this.#files.topics);
        known = false;
      }
      start = end + 1;
    }
    if (known && this.#knownLists.size < 100_000) this.#knownLists.add(topics);
  }
}

function warn(log: ProblemLog, file: string, line: number, column: string, value: string, message: () => string): void {
  if (log.full) log.count('warning');
  else log.add({ file, line, column, value: shorten(value), message: message(), severity: 'warning' });
}

const unknownTopic = (log: ProblemLog, file: string, line: number, t: string, topics: string) =>
  warn(log, file, line, 'topics', t, () => `Unknown topic “${shorten(t)}”: ${topics} does not define it. It is shown under its id.`);
