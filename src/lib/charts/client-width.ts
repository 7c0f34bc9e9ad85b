import type { Attachment } from 'svelte/attachments';

/** What each element measured asks for, and the one observer that measures them all. */
const listeners = new Map<Element, (width: number) => void>();
let observer: ResizeObserver | undefined;
/** Elements mounted in this task, measured together once the mount is done. */
const mounted = new Set<HTMLElement>();

function measureMounted() {
  // All read before any is set: one layout of the page, not one per chart.
  const widths = [...mounted].filter((e) => e.isConnected).map((e) => [e, e.clientWidth] as const);
  mounted.clear();
  for (const [element, width] of widths) listeners.get(element)?.(width);
}

/**
 * `bind:clientWidth`, measuring together what mounts together. Svelte's binding reads the width as
 * each element mounts, which lays the whole page out in the middle of the mount, once per chart or
 * table (three layouts of 2–6 ms each at 1× CPU in the task that draws the first chart on a phone).
 * Here the elements mounted in one task are read together once it has inserted them (a microtask
 * later, in the same task: the chart still draws before the frame is painted), then a ResizeObserver
 * reports changes. `set` gets the element's clientWidth.
 */
export function clientWidth(set: (width: number) => void): Attachment<HTMLElement> {
  return (element) => {
    observer ??= new ResizeObserver((entries) => {
      for (const entry of entries) listeners.get(entry.target)?.(entry.target.clientWidth);
    });
    listeners.set(element, set);
    if (mounted.size === 0) queueMicrotask(measureMounted);
    mounted.add(element);
    observer.observe(element);
    return () => {
      listeners.delete(element);
      mounted.delete(element);
      observer?.unobserve(element);
    };
  };
}
