/**
 * Long work written once, run two ways. A computation is a generator that yields wherever it
 * may stop (every few thousand rows); `runNow` runs it straight through (tests, small files),
 * `runInSlices` runs it a few milliseconds at a time and lets the page paint and answer input
 * in between, so a million rows never hold the main thread for long.
 */
export type Steps<T> = Generator<void, T, void>;

/** Rows between the points where a loop over rows may yield. */
export const ROWS_PER_STEP = 4096;

/** Runs the steps to the end at once. */
export function runNow<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * Hands the main thread back to the browser: whatever is waiting (input, paint, timers, other
 * work) runs before the next slice. A posted message, not `scheduler.yield()`, whose
 * continuations jump the queue and would starve other tasks for the whole job; and not a
 * timer, which browsers throttle to 4 ms once nested.
 */
export function yieldToPage(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

export interface SliceOptions {
  /** Milliseconds of work before yielding to the page. */
  budgetMs?: number;
  pause?: () => Promise<void>;
  now?: () => number;
}

/** Runs the steps in slices of about `budgetMs`, pausing in between. */
export async function runInSlices<T>(
  steps: Steps<T>,
  { budgetMs = 12, pause = yieldToPage, now = () => performance.now() }: SliceOptions = {},
): Promise<T> {
  let deadline = now() + budgetMs;
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    if (now() >= deadline) {
      await pause();
      deadline = now() + budgetMs;
    }
  }
}

/** `steps`, ended early (with null) at the first stop after `going()` turns false: a job no longer wanted. */
export function* whileGoing<T>(steps: Steps<T>, going: () => boolean): Steps<T | null> {
  for (;;) {
    if (!going()) return null;
    const r = steps.next();
    if (r.done) return r.value;
    yield;
  }
}
