/**
 * Arrow-key movement within a chart: one mark is in the Tab order at a time, arrows move
 * focus between marks, Home/End jump to the ends. Returns the new index, or null for other keys.
 */
export function nextIndex(key: string, index: number, count: number): number | null {
  if (count === 0) return null;
  switch (key) {
    case 'ArrowDown':
    case 'ArrowRight':
      return Math.min(count - 1, index + 1);
    case 'ArrowUp':
    case 'ArrowLeft':
      return Math.max(0, index - 1);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}

/** Enter and Space act on the focused mark. */
export const isActivation = (e: KeyboardEvent): boolean => e.key === 'Enter' || e.key === ' ';

/** Moves focus to the mark with this index among the container's `[data-roving]` elements. */
export function focusRoving(container: Element | null | undefined, index: number): void {
  const marks = container?.querySelectorAll<SVGElement | HTMLElement>('[data-roving]');
  marks?.[index]?.focus();
}
