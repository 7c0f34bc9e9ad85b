import type { ScaleTime } from 'd3-scale';
import { midpoint, type PartialDate } from '../data/partial-date';
import { approxTextWidth, captionPlace } from './text';

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
  const left = !caption
    ? Infinity
    : caption.anchor === 'end'
      ? caption.x - approxTextWidth(word, 10.5) * 1.1
      : caption.x;
  return { ex, word, caption, left };
}

/**
 * Where the word beside a timeline mark goes (captionPlace), and where the "today"
 * line (`clear`, its x) would cross it beside the mark (a small embed's short years), after the line
 * instead, where it fits there: the word's halo cut the line, but the line still ran through it. The
 * width is estimated a few px short of the bold word: 4 px more are kept. Here, not in captionPlace:
 * only the timeline's own (lazily loaded) code needs it.
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
    clear >= caption.x + approxTextWidth(word, 10.5) * 1.1 + 4
  )
    return caption;
  return captionPlace(word, clear + 2, clear + 2, cy, end, false) ?? caption;
}
