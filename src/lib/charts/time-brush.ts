import type { D3BrushEvent } from 'd3-brush';
import type { ScaleTime } from 'd3-scale';
import { utcMonth } from 'd3-time';
import type { Attachment } from 'svelte/attachments';

type BrushModule = typeof import('./brush-x');
let brushModule: Promise<BrushModule> | null = null;
/** d3-brush and d3-selection, loaded on first use (they are not needed to draw the first view). */
const loadBrush = () => {
  brushModule ??= import('./brush-x');
  brushModule.catch(() => (brushModule = null));
  return brushModule;
};

export interface TimeBrushOptions {
  x: ScaleTime<number, number>;
  width: number;
  height: number;
  /** The period to show as selected: its first and last instant (see periodSpan). */
  period: [Date, Date] | null;
  /** Called with the first and last whole month brushed, or nulls when the brush is cleared. */
  onperiod: (from: Date | null, to: Date | null) => void;
}

/**
 * A horizontal brush over a time axis, snapped to whole months. d3-brush owns its pointer
 * events, so it lives in an attachment; it is rebuilt when the scale or size changes.
 */
export const timeBrush =
  (o: TimeBrushOptions): Attachment<SVGGElement> =>
  (node) => {
    let cleanup: (() => void) | null = null;
    let removed = false;
    loadBrush()
      .then((d3) => {
        if (!removed) cleanup = attachBrush(d3, node, o);
      })
      .catch(() => {}); // no brush: the period can still be set from the filter bar
    return () => {
      removed = true;
      cleanup?.();
    };
  };

function attachBrush({ brushX, select }: BrushModule, node: SVGGElement, o: TimeBrushOptions): () => void {
  const brush = brushX<unknown>()
    .extent([
      [0, 0],
      [o.width, o.height],
    ])
    .on('end', (event: D3BrushEvent<unknown>) => {
      if (!event.sourceEvent) return; // moved by us, not the viewer
      // A finger that moved mostly up or down scrolled the page (see below): the period stays.
      if (scrolling || (event.sourceEvent as Event).type === 'touchcancel') return void g.call(brush.move, shown());
      const sel = event.selection as [number, number] | null;
      if (!sel) return o.onperiod(null, null);
      const from = utcMonth.floor(o.x.invert(sel[0]));
      const to = utcMonth.floor(new Date(o.x.invert(sel[1]).getTime() - 1));
      o.onperiod(from, to < from ? from : to);
    });
  // The period's last instant (periodSpan): the box ends where the lanes' shading does. A period
  // beyond the axis, held to its edge, is drawn 3 px wide there (d3-brush clears an empty box).
  const shown = (): [number, number] | null => {
    if (!o.period) return null;
    const a = o.x(o.period[0]);
    const b = Math.max(a + 3, o.x(new Date(o.period[1].getTime() + 1)));
    return b > o.width ? [o.width - 3, o.width] : [a, b];
  };
  // d3-brush takes every touch (touch-action: none, and each touchmove's default prevented); a
  // page scrolled with a thumb on the strip must scroll. So vertical pans are left to the browser,
  // and the strip's touchmoves reach d3-brush only once the finger has moved more sideways than
  // up or down (heard first, in the capture phase, on the strip's parent).
  const g = select(node).call(brush).style('touch-action', 'pan-y');
  if (o.period) g.call(brush.move, shown());
  let scrolling = false;
  let start: { x: number; y: number } | null = null;
  let decided = false;
  const strip = node.parentNode!;
  const touchStarted = (e: Event) => {
    const t = (e as TouchEvent).touches;
    start = t.length === 1 ? { x: t[0]!.clientX, y: t[0]!.clientY } : null;
    scrolling = false;
    decided = false;
  };
  const touchMoved = (e: Event) => {
    if (!start || (decided && !scrolling)) return;
    const t = (e as TouchEvent).touches[0];
    if (!decided && t) {
      const [dx, dy] = [t.clientX - start.x, t.clientY - start.y];
      if (Math.hypot(dx, dy) >= 8) {
        decided = true;
        scrolling = Math.abs(dy) > Math.abs(dx);
        if (!scrolling) return;
      }
    }
    e.stopPropagation();
  };
  strip.addEventListener('touchstart', touchStarted, { capture: true, passive: true });
  strip.addEventListener('touchmove', touchMoved, { capture: true, passive: true });
  return () => {
    strip.removeEventListener('touchstart', touchStarted, { capture: true });
    strip.removeEventListener('touchmove', touchMoved, { capture: true });
    g.on('.brush', null);
    g.selectAll('*').remove();
    // d3-brush keeps its selection on the node and draws it again when rebuilt: a period
    // cleared (Clear all, Back, a new link) must not come back as a box.
    g.property('__brush', null);
  };
}
