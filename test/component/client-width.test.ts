import { afterEach, describe, expect, it, vi } from 'vitest';
import { clientWidth } from '../../src/lib/charts/client-width';

/** An element whose width is `width`, counting the reads of it (each lays the page out in a browser). */
function measured(width: number) {
  const element = document.body.appendChild(document.createElement('div'));
  const reads = { count: 0 };
  Object.defineProperty(element, 'clientWidth', {
    get: () => {
      reads.count++;
      return width;
    },
  });
  return { element, reads };
}

describe('a chart’s width (clientWidth)', () => {
  let report: ResizeObserverCallback = () => {};
  vi.stubGlobal(
    'ResizeObserver',
    class {
      constructor(callback: ResizeObserverCallback) {
        report = callback;
      }
      observe() {}
      unobserve() {}
      disconnect() {}
    },
  );
  afterEach(() => document.body.replaceChildren());

  it('is read once the mount is done for a chart with something to draw, and left to the next frame for one still waiting for its data', async () => {
    const drawing = measured(480);
    const waiting = measured(320);
    const widths: [string, number][] = [];
    clientWidth((w) => widths.push(['drawing', w]))(drawing.element);
    clientWidth(
      (w) => widths.push(['waiting', w]),
      () => false,
    )(waiting.element);
    await Promise.resolve();
    // A chart with no data yet is not measured in the task that mounts it: that read laid the whole
    // page out in the middle of the mount (10–20 ms of a phone's view step), for nothing to draw.
    expect(widths).toEqual([['drawing', 480]]);
    expect(waiting.reads.count).toBe(0);
    // The frame's own layout reports it, before that frame is painted.
    report([{ target: waiting.element } as unknown as ResizeObserverEntry], {} as ResizeObserver);
    expect(widths).toEqual([
      ['drawing', 480],
      ['waiting', 320],
    ]);
  });
});
