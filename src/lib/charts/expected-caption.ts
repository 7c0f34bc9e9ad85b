import type { ScaleTime } from 'd3-scale';
import { midpoint, type PartialDate } from '../data/partial-date';
import { approxTextWidth, captionPlace } from './text';

/**
 * A track's expected next meeting as the timeline draws it: the diamond's centre, its word, and where
 * the word goes (beside it, or above it where it would pass the timeline's edge: see captionPlace),
 * with the word's left end, which the lane's interval labels must stay clear of.
 */
export function expectedCaption(
  date: PartialDate,
  overdue: boolean,
  x: ScaleTime<number, number>,
  cy: number,
  textEnd: number,
  roomAbove: boolean,
) {
  const ex = x(midpoint(date));
  const word = overdue ? 'overdue' : 'expected';
  // Above rather than left where it would pass the edge: on a narrow timeline the word on the left
  // would lie over the track's last meeting.
  const caption = captionPlace(word, ex - 7, ex + 7, cy, textEnd, roomAbove);
  const left = !caption
    ? Infinity
    : caption.anchor === 'end'
      ? caption.x - approxTextWidth(word, 10.5) * 1.1
      : caption.x;
  return { ex, word, caption, left };
}
