import type { Attachment } from 'svelte/attachments';

/** What each element measured asks for, and the one observer that measures them all. */
const listeners = new Map<Element, (width: number) => void>();
let observer: ResizeObserver | undefined;

/**
 * `bind:clientWidth` without its read when the element mounts: that read forces the browser to lay
 * out the whole page in the middle of the mount, once per chart (4–6 ms each at 1× CPU, measured
 * in the task that draws the first chart on a phone-sized page). Here the width comes from a
 * ResizeObserver only, which reports it after the frame's layout and before its paint, so the
 * chart still draws in the frame it first shows in. One observer serves every element, so all are
 * read before any chart redraws (one observer each, the second read laid the page out again).
 * `set` gets the element's clientWidth.
 */
export function clientWidth(set: (width: number) => void): Attachment<HTMLElement> {
  return (element) => {
    observer ??= new ResizeObserver((entries) => {
      for (const entry of entries) listeners.get(entry.target)?.(entry.target.clientWidth);
    });
    listeners.set(element, set);
    observer.observe(element);
    return () => {
      listeners.delete(element);
      observer?.unobserve(element);
    };
  };
}
