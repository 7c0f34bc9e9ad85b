import { afterEach, describe, expect, it, vi } from 'vitest';
import { holdLeaving } from '../../src/lib/state/leave-guard';

describe('holdLeaving', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('asks while any hold is kept: releasing one (twice, even) does not drop the other', () => {
    const listeners = new Set<unknown>();
    vi.stubGlobal('window', {
      addEventListener: (_: string, f: unknown) => listeners.add(f),
      removeEventListener: (_: string, f: unknown) => listeners.delete(f),
    });
    const review = holdLeaving();
    const saving = holdLeaving();
    expect(listeners.size).toBe(1);
    review();
    review();
    expect(listeners.size).toBe(1);
    const asked = { defaultPrevented: false, preventDefault() {}, returnValue: 'x' };
    asked.preventDefault = () => (asked.defaultPrevented = true);
    (listeners.values().next().value as (e: typeof asked) => void)(asked);
    expect(asked.defaultPrevented).toBe(true);
    saving();
    expect(listeners.size).toBe(0);
  });
});
