import type { ScaleTime } from 'd3-scale';
import { midpoint, type PartialDate } from '../data/partial-date';
import { markCentre, type MarkShape } from './cadence-geometry';
import { captionPlace, captionWidth } from './text';

/**
 * A track's expected next meeting as the timeline draws it: the diamond's centre, its word, and where
 * the word goes (beside it, or above it where it would pass the timeline's edge: see captionPlace),
 * with the word's left end, which the lane's interval labels must stay clear of. `clear`: the "today"
 * line's x, which the word stays clear of where it fits after it.
 */
export function expectedCaption(
  date: PartialDate,
  overdue: boolean,
  x: ScaleTime<number, number>,
  cy: number,
  textEnd: number,
  roomAbove: boolean,
  clear?: number,
) {
  const ex = x(midpoint(date));
  const word = overdue ? 'overdue' : 'expected';
  // Above rather than left where it would pass the edge: on a narrow timeline the word on the left
  // would lie over the track's last meeting.
  const caption = captionClear(word, ex - 7, ex + 7, cy, textEnd, roomAbove, clear);
  return { ex, word, caption, left: leftEnd(word, caption) };
}

/** A placed caption's left end (Infinity where there is none), which the lane's interval labels must stay clear of. */
function leftEnd(word: string, caption: ReturnType<typeof captionPlace>): number {
  return !caption ? Infinity : caption.anchor === 'end' ? caption.x - captionWidth(word) : caption.x;
}

/** How far past its mark's edge a word may start, after the "today" line: farther off, it reads as another mark's. */
export const NEAR_MARK = 12;

/**
 * Where the word beside a timeline mark goes (captionPlace), and where the "today"
 * line (`clear`, its x) would cross it beside the mark (a small embed's short years), after the line
 * instead, where it fits there and starts within NEAR_MARK px of the mark: the word's halo cut the
 * line, but the line still ran through it. Where the line is farther on (a phone's timeline of twelve
 * years: a round overdue since 2023 had its word past 2027's line, 60–100 px off), or the word does not
 * fit after it, the word goes above the mark, centred on it where it ends before the line, else ending 2 px before it,
 * where the lane has room above. A packed lane has none: there a word that would be far off is left to
 * the mark's name (its title and the line under the timeline say "overdue"), and one that does not fit
 * after the line stays beside the mark, its halo cutting the line. The width is estimated a few px short of
 * the bold word: 4 px more are kept. Here, not in captionPlace: only the timeline's own (lazily
 * loaded) code needs it.
 */
export function captionClear(
  word: string,
  from: number,
  to: number,
  cy: number,
  end: number,
  roomAbove: boolean,
  clear?: number,
) {
  const caption = captionPlace(word, from, to, cy, end, roomAbove);
  if (
    clear === undefined ||
    !caption ||
    caption.anchor ||
    clear <= caption.x - 2 ||
    clear >= caption.x + captionWidth(word) + 4
  )
    return caption;
  const after = captionPlace(word, clear + 2, clear + 2, cy, end, false);
  if (after && after.x - to <= NEAR_MARK) return after;
  // Above, centred on its mark, and ending before the line: ending with the mark's right edge, the
  // word ran left over the lane's earlier rounds (a phone's), and read as theirs.
  if (roomAbove)
    return {
      x: Math.min((from + to) / 2 + captionWidth(word) / 2, clear - 2),
      y: cy - 13,
      anchor: 'end' as const,
    };
  // A packed lane (a small embed): a word that would be far off is left to the mark's name.
  return after ? null : caption;
}

/** A mark's half width: a day's dot, or half a month's or year's span. */
const halfOf = (shape: MarkShape): number => (shape.kind === 'span' ? shape.width / 2 : 6.5);

/**
 * The word beside a meeting's mark ("overdue"), the mark's `shape` among the lane's `others` (its other marks): where
 * captionClear puts it, the room beside the mark ending at `end` (the timeline's edge) or 4 px before
 * the lane's next mark, whichever comes first. A round planned after the overdue one was drawn on the
 * word ("overdu◯" at 1280 px, "◯erdue" on a phone); with no room before it, the word goes above the
 * mark, or where the lane has none above (a small embed), it is left to the mark's name. Also the
 * word's left end, which the lane's interval labels must stay clear of.
 */
export function markCaption(
  word: string,
  shape: MarkShape,
  others: readonly MarkShape[],
  cy: number,
  end: number,
  roomAbove: boolean,
  clear?: number,
) {
  const centre = markCentre(shape);
  const half = halfOf(shape);
  let room = end;
  for (const other of others) {
    const at = markCentre(other);
    if (at > centre) room = Math.min(room, at - halfOf(other) - 4);
  }
  const caption = captionClear(word, centre - half, centre + half, cy, room, roomAbove, clear);
  return { caption, left: leftEnd(word, caption) };
}
