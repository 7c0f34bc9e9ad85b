// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { dayOf, followDay, untilMidnight } from '../../src/lib/state/today';

const zone = process.env.TZ;
const inZone = (tz: string) => (process.env.TZ = tz);
afterEach(() => {
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
  vi.useRealTimers();
});

describe("the viewer's date", () => {
  it('is their calendar day, at 00:00 UTC like the data’s dates', () => {
    inZone('Asia/Karachi'); // UTC+5: their 1 January starts at 19:00 UTC on 31 December
    expect(dayOf(new Date('2026-12-31T18:59:00Z')).toISOString()).toBe('2026-12-31T00:00:00.000Z');
    expect(dayOf(new Date('2026-12-31T19:00:00Z')).toISOString()).toBe('2027-01-01T00:00:00.000Z');
    inZone('America/New_York'); // UTC−5: it is still 31 December there at 03:00 UTC
    expect(dayOf(new Date('2027-01-01T03:00:00Z')).toISOString()).toBe('2026-12-31T00:00:00.000Z');
  });

  it('turns at their midnight, a day of 23 hours at a clock change too', () => {
    inZone('Asia/Karachi');
    expect(untilMidnight(new Date('2026-12-31T23:58:00+05:00'))).toBe(2 * 60_000);
    inZone('America/New_York'); // clocks go forward at 02:00 on 14 March 2027
    expect(untilMidnight(new Date('2027-03-14T00:00:00-05:00'))).toBe(23 * 3_600_000);
  });
});

describe('following the date', () => {
  beforeEach(() => {
    inZone('Asia/Karachi');
    vi.useFakeTimers({ now: new Date('2026-12-31T23:58:00+05:00') });
  });

  it('moves at each midnight, with one timer at a time and nothing in between', () => {
    const set = vi.fn();
    const stop = followDay(dayOf(new Date()), set);
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(119_999);
    expect(set).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(set.mock.calls.map(([d]) => (d as Date).toISOString())).toEqual(['2027-01-01T00:00:00.000Z']);
    // A day later, once more: the hourly checks between change nothing.
    vi.advanceTimersByTime(24 * 3_600_000);
    expect(set.mock.calls.map(([d]) => (d as Date).toISOString())).toEqual([
      '2027-01-01T00:00:00.000Z',
      '2027-01-02T00:00:00.000Z',
    ]);
    expect(vi.getTimerCount()).toBe(1);
    stop();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('catches up when the page is shown again after its timers slept, and stops when told', () => {
    const set = vi.fn();
    const stop = followDay(dayOf(new Date()), set);
    // The clock moves on with no timer run (a background tab, a computer asleep).
    vi.setSystemTime(new Date('2027-01-03T09:00:00+05:00'));
    document.dispatchEvent(new Event('visibilitychange'));
    expect(set).toHaveBeenLastCalledWith(new Date('2027-01-03T00:00:00Z'));
    vi.setSystemTime(new Date('2027-01-04T09:00:00+05:00'));
    window.dispatchEvent(new Event('pageshow'));
    expect(set).toHaveBeenLastCalledWith(new Date('2027-01-04T00:00:00Z'));
    // Shown again the same day: nothing is set (nothing that reads the date is redrawn).
    document.dispatchEvent(new Event('visibilitychange'));
    expect(set).toHaveBeenCalledTimes(2);
    expect(vi.getTimerCount()).toBe(1);
    stop();
    vi.setSystemTime(new Date('2027-01-05T09:00:00+05:00'));
    document.dispatchEvent(new Event('visibilitychange'));
    window.dispatchEvent(new Event('pageshow'));
    vi.advanceTimersByTime(48 * 3_600_000);
    expect(set).toHaveBeenCalledTimes(2);
  });
});
