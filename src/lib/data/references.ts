import type { ProblemLog } from './problems';
import { shorten } from './csv-table';
import { DATA_FILES } from './schema';

/**
 * Ids in dialogues.csv that no other file defines. These are warnings: the meeting still loads
 * (an unknown venue is left off the map, an unknown topic shows under its id). The same check
 * runs on the data shown and, in the worker, on an upload before it is applied.
 */
export class ReferenceCheck {
  readonly #venues: ReadonlySet<string>;
  readonly #topics: ReadonlySet<string>;
  readonly #sources: ReadonlySet<string>;

  constructor(venues: Iterable<string>, topics: Iterable<string>, sources: Iterable<string>) {
    this.#venues = new Set(venues);
    this.#topics = new Set(topics);
    this.#sources = new Set(sources);
  }

  /** One meeting's ids; `topics` as a list or as written (`;`-separated, tidied). */
  check(file: string, line: number, venueId: string, topics: string | readonly string[], sourceId: string, log: ProblemLog): void {
    const warn = (column: string, value: string, message: () => string) => {
      if (log.full) log.count('warning');
      else log.add({ file, line, column, value: shorten(value), message: message(), severity: 'warning' });
    };
    if (venueId !== '' && !this.#venues.has(venueId)) {
      warn('venue_id', venueId, () => `Unknown venue “${shorten(venueId)}”: no feature in ${DATA_FILES.venues} has this id. The meeting is not shown on the map.`);
    }
    const unknownTopic = (t: string) =>
      warn('topics', t, () => `Unknown topic “${shorten(t)}”: ${DATA_FILES.topics} does not define it. It is shown under its id.`);
    if (typeof topics === 'string') {
      for (let start = 0; start < topics.length; ) {
        let end = topics.indexOf(';', start);
        if (end === -1) end = topics.length;
        const t = topics.slice(start, end);
        if (!this.#topics.has(t)) unknownTopic(t);
        start = end + 1;
      }
    } else for (const t of topics) if (!this.#topics.has(t)) unknownTopic(t);
    if (sourceId === '') {
      warn('source_id', '', () => 'No source: every row should cite the article it comes from.');
    } else if (!this.#sources.has(sourceId)) {
      warn('source_id', sourceId, () => `Unknown source “${shorten(sourceId)}”: ${DATA_FILES.sources} does not list it.`);
    }
  }
}
