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
      const sel = event.selection as [number, number] | null;
      if (!sel) return o.onperiod(null, null);
      const from = utcMonth.floor(o.x.invert(sel[0]));
      const to = utcMonth.floor(new Date(o.x.invert(sel[1]).getTime() - 1));
      o.onperiod(from, to < from ? from : to);
    });
  const g = select(node).call(brush);
  // The period's last instant (periodSpan): the box ends where the lanes' shading does.
  if (o.period) g.call(brush.move, [o.x(o.period[0]), o.x(new Date(o.period[1].getTime() + 1))]);
  return () => {
    g.on('.brush', null);
    g.selectAll('*').remove();
    // d3-brush keeps its selection on the node and draws it again when rebuilt: a period
    // cleared (Clear all, Back, a new link) must not come back as a box.
    g.property('__brush', null);
  };
}
