import type { Attachment } from 'svelte/attachments';

/** What each element measured asks for, and the one observer that measures them all. */
const listeners = new Map<Element, (width: number) => void>();
let observer: ResizeObserver | undefined;
/** Elements mounted in this task, measured together once the mount is done (with whether they draw yet). */
const mounted = new Map<HTMLElement, () => boolean>();

function measureMounted() {
  // All read before any is set: one layout of the page, not one per chart. One with nothing to
  // draw yet (a chart mounted while the data loads) is left to the observer, which reports it after
  // the frame's own layout: measured now, it would lay the page out in the middle of the mount for
  // nothing (10–20 ms of a phone's view step at 1× CPU, before any data had come).
  const widths = [...mounted]
    .filter(([e, draws]) => e.isConnected && draws())
    .map(([e]) => [e, e.clientWidth] as const);
  mounted.clear();
  for (const [element, width] of widths) listeners.get(element)?.(width);
}

/**
 * `bind:clientWidth`, measuring together what mounts together. Svelte's binding reads the width as
 * each element mounts, which lays the whole page out in the middle of the mount, once per chart or
 * table (three layouts of 2–6 ms each at 1× CPU in the task that draws the first chart on a phone).
 * Here the elements mounted in one task are read together once it has inserted them (a microtask
 * later, in the same task: the chart still draws before the frame is painted), then a ResizeObserver
 * reports changes. `set` gets the element's clientWidth. `draws`: whether the element has
 * something to draw now (read once, after the mount); when not, its width comes with the next frame.
 */
export function clientWidth(set: (width: number) => void, draws: () => boolean = () => true): Attachment<HTMLElement> {
  return (element) => {
    observer ??= new ResizeObserver((entries) => {
      for (const entry of entries) listeners.get(entry.target)?.(entry.target.clientWidth);
    });
    listeners.set(element, set);
    if (mounted.size === 0) queueMicrotask(measureMounted);
    mounted.set(element, draws);
    observer.observe(element);
    return () => {
      listeners.delete(element);
      mounted.delete(element);
      observer?.unobserve(element);
    };
  };
}
