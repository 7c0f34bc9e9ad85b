import { brushX } from 'd3-brush';
import { select } from 'd3-selection';

/**
 * d3-brush and d3-selection (with d3-transition, d3-drag…, a fifth of the page's script), in
 * their own chunk: `time-brush.ts` loads them once the timeline is on screen, so they are not
 * part of the first view's JavaScript.
 */
export { brushX, select };
