import type { DialogueValues } from '../data/dialogue-reader';
import type { Problem } from '../data/problems';
import { shorten } from '../data/csv-table';
import { idKey } from './lookalike-ids';

/**
 * Meetings that are one round twice: the same partner, track and round number, at dates that
 * could be the same day (equal, one a part of the other, as `2025` of `2025-07-17`, or either
 * not yet known), or one planned and one held whatever their dates (a round planned for 2025
 * and held in February 2026). Most often a row copied under a new id, or a planned round left in beside the
 * row of it held: applied, the timeline draws the round twice, its track's usual interval counts
 * 0 months, and the planned copy reads as overdue. Two rows of one round on different days
 * (`2025-07-17` and `2025-07-18`) are left alone: a round may meet on two days. Rows without a
 * round number are not compared (a track whose article gives none, such as the United States'
 * Counterterrorism Dialogue, has several such meetings). Nor are two whose ids read alike
 * (`EU-2025-Migration-3` beside `eu-2025-migration-3`): their warning names the ids.
 */

/** Rounds remembered (an all-new file of millions is compared by its first ones). */
const ROUNDS_KEPT = 100_000;
/** Repeated rounds told, at most. */
const REPEATS_TOLD = 20;

const [ID, DATE, STATUS, PARTNER, TRACK, ROUND] = [0, 1, 2, 3, 4, 5] as const;

/** A meeting a later row is compared with: the upload's row (its line), or one shown now that a merge keeps. */
type Seen = { id: string; date: string; status: string; line: number };

/** Whether two dates could name the same day: equal, one the other's year or month, or either empty. */
const sameDay = (a: string, b: string) => a === '' || b === '' || a.startsWith(b) || b.startsWith(a);
/** Whether two rows of one round number are one meeting: on the same day, or one planned and one held, whenever (plans slip). */
const oneMeeting = (a: { date: string; status: string }, b: { date: string; status: string }) =>
  sameDay(a.date, b.date) || (a.status !== b.status && [a.status, b.status].sort().join() === 'held,planned');

export class RepeatedRounds {
  readonly #file: string;
  readonly #first = new Map<string, Seen>();
  readonly #told: Problem[] = [];
  /** Repeats found past the first REPEATS_TOLD: counted in one warning for the file. */
  #more = 0;

  constructor(file: string) {
    this.#file = file;
  }

  /** Whether no row so far has a round number: nothing to compare the meetings a merge keeps with. */
  get none(): boolean {
    return this.#first.size === 0;
  }

  /** The rounds said twice (the first few), then how many more there are. */
  get problems(): Problem[] {
    if (this.#more === 0) return this.#told;
    const more = this.#more.toLocaleString('en');
    return [
      {
        file: this.#file,
        message: `${more} more ${this.#more === 1 ? 'row is a round another row is' : 'rows are each a round another row is'} too (the same partner, track and round number, on the same day as far as their dates say), beyond the ${REPEATS_TOLD} listed at their lines: applied as they are, the timeline shows those rounds twice.`,
        severity: 'warning',
      },
      ...this.#told,
    ];
  }

  /** The upload's row at `line`: said when it repeats a round of an earlier row. */
  row(line: number, v: DialogueValues): void {
    const key = keyOf(v);
    if (key === null) return;
    const first = this.#first.get(key);
    if (first === undefined) {
      if (this.#first.size < ROUNDS_KEPT)
        this.#first.set(key, { id: v[ID]!, date: v[DATE]!, status: v[STATUS]!, line });
    } else if (oneMeeting(first, { date: v[DATE]!, status: v[STATUS]! }) && !readAlike(first.id, v[ID]!))
      this.#tell(v, { id: v[ID]!, date: v[DATE]!, status: v[STATUS]!, line }, first, `line ${first.line}`);
  }

  /**
   * A meeting shown now that a merge keeps (the upload has no row with its id): said at the
   * upload's row of its round, if there is one.
   */
  kept(v: DialogueValues): void {
    const key = keyOf(v);
    const row = key === null ? undefined : this.#first.get(key);
    if (row === undefined || !oneMeeting(row, { date: v[DATE]!, status: v[STATUS]! }) || readAlike(row.id, v[ID]!))
      return;
    const shown: Seen = { id: v[ID]!, date: v[DATE]!, status: v[STATUS]!, line: 0 };
    this.#tell(v, row, shown, 'a meeting shown now that merging keeps');
  }

  /** Said at `here`'s line: it and `other` (`where`: its line, or that it is shown now) are `v`'s round. */
  #tell(v: readonly string[], here: Seen, other: Seen, where: string): void {
    if (this.#told.length === REPEATS_TOLD) {
      this.#more++;
      return;
    }
    const round = v[ROUND]!;
    const dates =
      here.date === other.date
        ? here.date === ''
          ? ', neither with a date yet'
          : `, on the same date (${here.date})`
        : ` (${here.date || 'no date'}; ${other.date || 'no date'})`;
    const statuses = new Set([here.status, other.status]);
    const plannedAndHeld = statuses.has('planned') && statuses.has('held');
    const why = plannedAndHeld
      ? ', the planned one as still to come'
      : here.status === 'held' && other.status === 'held' && here.date === other.date
        ? ', and its track’s usual interval counts 0 months between them'
        : '';
    this.#told.push({
      file: this.#file,
      line: here.line,
      column: 'round',
      value: round,
      message: `“${shorten(here.id)}” (line ${here.line}) and “${shorten(other.id)}” (${where}) are both round ${round} of ${shorten(v[PARTNER]!)}’s ${shorten(v[TRACK]!)}${dates}: applied as they are, the timeline shows that round twice${why}. If they are one meeting, delete one of the rows${plannedAndHeld ? ' (a planned round since held: keep the held one)' : ''}; if not, correct the round number.`,
      severity: 'warning',
    });
  }
}

/** Ids that read alike (other case, say): said by their id, the round need not be said too (diff-dialogues.ts). */
const readAlike = (a: string, b: string) => idKey(a) === idKey(b);

/** The round a row names, as compared (partner, track, round number), or null without a round number. */
function keyOf(v: readonly string[]): string | null {
  const round = v[ROUND]!;
  return round === '' ? null : `${v[PARTNER]}\u0000${v[TRACK]}\u0000${round}`;
}
