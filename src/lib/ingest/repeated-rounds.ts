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
 * (`2025-07-17` and `2025-07-18`) are left alone: a round may meet on two days.
 *
 * Rows without a round number (a track whose article gives none, such as the United States'
 * Counterterrorism Dialogue) are one meeting twice when they have the same partner and track and
 * dates that could be the same day, as above: the same date, or one a part of the other (a planned
 * `2025` beside a held `2025-08-12` is said too: most likely the plan left in once it was held,
 * and if not, a month or day tells them apart). Not a date left empty beside one given (a track's
 * next meeting, announced without a date, beside those held), nor a planned and a held row on
 * other days (without a number, nothing says they are one meeting); two rows both without a date
 * are (nothing tells them apart).
 *
 * Nor are two whose ids read alike (`EU-2025-Migration-3` beside `eu-2025-migration-3`): their
 * warning names the ids.
 */

/** Rounds (and dates of meetings without one) remembered (an all-new file of millions is compared by its first ones). */
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
  /** Rows without a round number, by partner, track and date (see dateKeys): the first of each. */
  readonly #dated = new Map<string, Seen>();
  readonly #told: Problem[] = [];
  /** Repeats found past the first REPEATS_TOLD, of rounds and of meetings without one: each counted in one warning for the file. */
  #more = 0;
  #moreUnnumbered = 0;

  constructor(file: string) {
    this.#file = file;
  }

  /** Whether no row so far has been remembered: nothing to compare the meetings a merge keeps with. */
  get none(): boolean {
    return this.#first.size === 0 && this.#dated.size === 0;
  }

  /** The rounds said twice (the first few), then how many more there are. */
  get problems(): Problem[] {
    const counts: Problem[] = [];
    const count = (n: number, what: string, alike: string, shown: string) => {
      if (n > 0)
        counts.push({
          file: this.#file,
          message: `${n.toLocaleString('en')} more ${n === 1 ? `row is ${what}` : `rows are each ${what}`} another row is too (${alike}, on the same day as far as their dates say), beyond the ${REPEATS_TOLD} listed at their lines: applied as they are, the timeline shows those ${shown} twice.`,
          severity: 'warning',
        });
    };
    count(this.#more, 'a round', 'the same partner, track and round number', 'rounds');
    count(this.#moreUnnumbered, 'a meeting', 'the same partner and track, neither with a round number', 'meetings');
    return counts.length === 0 ? this.#told : [...counts, ...this.#told];
  }

  /** The upload's row at `line`: said when it repeats a round (or, without one, a meeting) of an earlier row. */
  row(line: number, v: DialogueValues): void {
    const key = keyOf(v);
    if (key === null) {
      const here: Seen = { id: v[ID]!, date: v[DATE]!, status: v[STATUS]!, line };
      const keys = dateKeys(v);
      const first = this.#sameDay(keys);
      // Every row's date is remembered: a later row may be of its day and not of the first's (2025-03, 2025, 2025-07-01).
      const { exact, within } = keys;
      if (!this.#dated.has(exact) && this.#dated.size < ROUNDS_KEPT) this.#dated.set(exact, here);
      for (const k of within) if (!this.#dated.has(k) && this.#dated.size < ROUNDS_KEPT) this.#dated.set(k, here);
      if (first !== undefined && !readAlike(first.id, here.id)) this.#tell(v, here, first, `line ${first.line}`);
      return;
    }
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
    const row = key === null ? this.#sameDay(dateKeys(v)) : this.#first.get(key);
    if (
      row === undefined ||
      (key !== null && !oneMeeting(row, { date: v[DATE]!, status: v[STATUS]! })) ||
      readAlike(row.id, v[ID]!)
    )
      return;
    const shown: Seen = { id: v[ID]!, date: v[DATE]!, status: v[STATUS]!, line: 0 };
    this.#tell(v, row, shown, 'a meeting shown now that merging keeps');
  }

  /**
   * The first row remembered, without a round number, of `v`'s partner and track on a date that
   * could be `v`'s day: the same date, a part of it (2025 of 2025-08-12), or within it. A few
   * lookups, not a look at every meeting of the track: a file of 200,000 such rows is read in
   * time that grows with it.
   */
  #sameDay({ exact, partOf, holds }: DateKeys): Seen | undefined {
    let first = this.#dated.get(exact);
    for (const k of partOf) first ??= this.#dated.get(k);
    return holds === null ? first : (first ?? this.#dated.get(holds));
  }

  /** Said at `here`'s line: it and `other` (`where`: its line, or that it is shown now) are `v`'s round (or, without one, meeting). */
  #tell(v: readonly string[], here: Seen, other: Seen, where: string): void {
    const round = v[ROUND]!;
    if (this.#told.length === REPEATS_TOLD) {
      if (round === '') this.#moreUnnumbered++;
      else this.#more++;
      return;
    }
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
    const both = `“${shorten(here.id)}” (line ${here.line}) and “${shorten(other.id)}” (${where})`;
    const track = `${shorten(v[PARTNER]!)}’s ${shorten(v[TRACK]!)}`;
    const one = `If they are one meeting, delete one of the rows${plannedAndHeld ? ` (a planned ${round === '' ? 'meeting' : 'round'} since held: keep the held one)` : ''}`;
    this.#told.push(
      round === ''
        ? {
            file: this.#file,
            line: here.line,
            column: 'date',
            value: shorten(here.date),
            message: `${both} are both meetings of ${track} without a round number${dates}: applied as they are, the timeline shows that meeting twice${why}. ${one}; if not, ${here.date === other.date ? '' : 'write their dates to the day, or '}give each its round number.`,
            severity: 'warning',
          }
        : {
            file: this.#file,
            line: here.line,
            column: 'round',
            value: round,
            message: `${both} are both round ${round} of ${track}${dates}: applied as they are, the timeline shows that round twice${why}. ${one}; if not, correct the round number.`,
            severity: 'warning',
          },
    );
  }
}

/** Ids that read alike (other case, say): said by their id, the round need not be said too (diff-dialogues.ts). */
const readAlike = (a: string, b: string) => idKey(a) === idKey(b);

/** The round a row names, as compared (partner, track, round number), or null without a round number. */
function keyOf(v: readonly string[]): string | null {
  const round = v[ROUND]!;
  return round === '' ? null : `${v[PARTNER]}\u0000${v[TRACK]}\u0000${round}`;
}

/**
 * The keys a row without a round number is remembered and looked up by, its partner and track
 * first: `exact`, its date (empty too: two rows without one are alike); `within`, each part of
 * its date (2025 and 2025-08 of 2025-08-12), under which it is the first row dated inside that
 * year or month; `partOf`, those parts' own dates (a row dated 2025 is of 2025-08-12's day);
 * `holds`, for a year or a month, the first row dated inside it.
 */
interface DateKeys {
  exact: string;
  partOf: string[];
  within: string[];
  holds: string | null;
}

function dateKeys(v: readonly string[]): DateKeys {
  const track = `${v[PARTNER]}\u0000${v[TRACK]}\u0000`;
  const date = v[DATE]!;
  // The reader has checked the date: YYYY, YYYY-MM or YYYY-MM-DD, or empty.
  const parts = date.length === 10 ? [date.slice(0, 4), date.slice(0, 7)] : date.length === 7 ? [date.slice(0, 4)] : [];
  return {
    exact: `${track}=${date}`,
    partOf: parts.map((p) => `${track}=${p}`),
    within: parts.map((p) => `${track}<${p}`),
    holds: date.length === 4 || date.length === 7 ? `${track}<${date}` : null,
  };
}
