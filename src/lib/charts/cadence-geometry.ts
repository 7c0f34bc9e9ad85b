import type { ScaleTime } from 'd3-scale';
import type { PartialDate } from '../data/partial-date';

export type MarkShape = { kind: 'dot'; cx: number } | { kind: 'span'; x: number; width: number };

/**
 * Narrowest a month or year span is drawn: wider than a day's 13 px dot, so that it reads as a
 * span (a month on a few years' axis would otherwise be an upright oval, like a glitch).
 */
export const MIN_SPAN_WIDTH = 18;

/** A day is a dot at its date; a month or a year is a span over the whole period. */
export function markShape(date: PartialDate, x: ScaleTime<number, number>): MarkShape {
  if (date.precision === 'day') return { kind: 'dot', cx: x(date.start) + (x(date.end) - x(date.start)) / 2 };
  const x0 = x(date.start);
  const x1 = x(date.end);
  const width = Math.max(MIN_SPAN_WIDTH, x1 - x0);
  return { kind: 'span', x: (x0 + x1) / 2 - width / 2, width };
}

/** The horizontal centre of a mark. */
export const markCentre = (shape: MarkShape): number => (shape.kind === 'dot' ? shape.cx : shape.x + shape.width / 2);

/** Above this many meetings the timeline draws a density strip per lane instead of one mark per meeting. */
export const SVG_MARK_LIMIT = 1500;
