import { approxTextWidth } from './text';

/** The interval labels' type: 10.5 px, semibold, which runs about a tenth wider than the estimate. */
const FONT = 10.5;
const BOLD = 1.1;
/** Clear space kept between two labels. */
const GAP = 6;

/**
 * Where each interval label of a lane goes (its centre), or null where it is left out, left to right:
 * centred over its bracket (`x1` to `x2`), moved inside the timeline (0 to `end`), and kept only where
 * it clears the label before it and ends before `stop` (a caption set above the lane's last mark).
 * Short intervals between close meetings ("8 mo", "2 mo") ran into each other on a narrow timeline;
 * a label left out keeps its bracket, and every interval is still in the mark's description and the
 * track's table (its median).
 */
export function placeGapLabels(
  spans: readonly { x1: number; x2: number; text: string }[],
  end: number,
  stop = Infinity,
): (number | null)[] {
  let free = -Infinity;
  return spans.map(({ x1, x2, text }) => {
    const half = (approxTextWidth(text, FONT) * BOLD) / 2;
    const centre = Math.min(Math.max((x1 + x2) / 2, half), end - half);
    if (centre - half < free || centre + half > stop) return null;
    free = centre + half + GAP;
    return centre;
  });
}
