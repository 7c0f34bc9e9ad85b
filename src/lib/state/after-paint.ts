/**
 * Resolves in a task after the next frame is painted (at once, in a task, where no frame comes:
 * a hidden tab or no DOM). The first chart paints in its own task; what comes after it waits for this.
 */
export function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => {
    const later = () => setTimeout(resolve, 0);
    if (typeof requestAnimationFrame === 'undefined' || typeof document === 'undefined' || document.hidden) later();
    else requestAnimationFrame(later);
  });
}
