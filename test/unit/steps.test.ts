import { describe, expect, it } from 'vitest';
import { runInSlices, runNow, whileGoing, type Steps } from '../../src/lib/data/steps';

/** Counts to `n`, yielding after each number; each step "takes" 1 ms on the fake clock. */
function* counting(n: number, clock: { t: number }): Steps<number> {
  let sum = 0;
  for (let i = 1; i <= n; i++) {
    sum += i;
    clock.t += 1;
    yield;
  }
  return sum;
}

describe('work in steps', () => {
  it('runs straight through at once', () => {
    expect(runNow(counting(100, { t: 0 }))).toBe(5050);
  });

  it('in slices, pauses each time the budget is spent and gives the same result', async () => {
    const clock = { t: 0 };
    const pausedAt: number[] = [];
    const result = await runInSlices(counting(100, clock), {
      budgetMs: 10,
      now: () => clock.t,
      pause: async () => {
        pausedAt.push(clock.t);
      },
    });
    expect(result).toBe(5050);
    // 100 steps of 1 ms in slices of 10 ms: a pause after each slice but the last.
    expect(pausedAt).toEqual([10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);
  });

  it('a job no longer wanted stops at its next stop, with null; a wanted one ends as it would', async () => {
    const clock = { t: 0 };
    let going = true;
    const stopped = runInSlices(
      whileGoing(counting(100, clock), () => going),
      {
        budgetMs: 10,
        now: () => clock.t,
        pause: async () => {
          if (clock.t >= 30) going = false;
        },
      },
    );
    expect(await stopped).toBeNull();
    expect(clock.t).toBe(30); // no step after it was no longer wanted
    expect(runNow(whileGoing(counting(100, { t: 0 }), () => true))).toBe(5050);
  });
});
