import type { DialogueValues } from './dialogue-reader';
import { parsePartialDate, type PartialDate } from './partial-date';
import type { Dialogue, Status } from './schema';

/**
 * Values that repeat from row to row, made once and shared: meetings on the same date share
 * one (read-only) PartialDate, and a partner's name, a track or a topic id is one string
 * however many rows name it. A million rows then keep a few objects each, not a dozen, which
 * saves memory and, above all, garbage-collection time. Bounded, as a file may hold any number
 * of distinct values.
 */
export class SharedValues {
  readonly #dates = new Map<string, PartialDate | null>();
  readonly #texts = new Map<string, string>();
  readonly #lists = new Map<string, readonly string[]>();

  date(text: string): PartialDate | null {
    let date = this.#dates.get(text);
    if (date === undefined) {
      if (this.#dates.size >= 100_000) this.#dates.clear();
      this.#dates.set(text, (date = parsePartialDate(text)));
    }
    return date;
  }

  /** A tidy `;`-separated list as an array, shared by every row with the same list. */
  list(text: string): readonly string[] {
    let list = this.#lists.get(text);
    if (list === undefined) {
      if (this.#lists.size >= 100_000) this.#lists.clear();
      this.#lists.set(text, (list = Object.freeze(text.split(';').map((s) => this.text(s)))));
    }
    return list;
  }

  text(s: string): string {
    const shared = this.#texts.get(s);
    if (shared !== undefined) return shared;
    if (this.#texts.size >= 100_000) this.#texts.clear();
    this.#texts.set(s, s);
    return s;
  }
}

const NO_TOPICS: readonly string[] = Object.freeze([]);

/** A meeting from a row's normalised values; `shared` makes repeated values one object. */
export function toDialogue(v: DialogueValues, line: number, shared: SharedValues): Dialogue {
  return {
    id: v[0]!,
    date: v[1] === '' ? null : shared.date(v[1]!),
    status: v[2] as Status,
    partner: shared.text(v[3]!),
    track: shared.text(v[4]!),
    round: v[5] === '' ? null : Number(v[5]),
    level: shared.text(v[6]!),
    venueId: v[7] === '' ? null : shared.text(v[7]!),
    topics: v[8] === '' ? NO_TOPICS : shared.list(v[8]!),
    leadPakistan: shared.text(v[9]!),
    leadPartner: shared.text(v[10]!),
    sourceId: shared.text(v[11]!),
    evidence: v[12]!,
    summary: v[13]!,
    line,
  };
}

/** A meeting's values in DIALOGUE_COLUMNS order, as written to dialogues.csv. */
export function dialogueValues(d: Dialogue): DialogueValues {
  return [
    d.id,
    d.date?.text ?? '',
    d.status,
    d.partner,
    d.track,
    d.round === null ? '' : String(d.round),
    d.level,
    d.venueId ?? '',
    d.topics.join(';'),
    d.leadPakistan,
    d.leadPartner,
    d.sourceId,
    d.evidence,
    d.summary,
  ];
}
