/**
 * The viewer's date: their calendar day where they are, at 00:00 UTC like the data's dates. A
 * "2026" round is overdue from the viewer's 1 January 2027, in Islamabad as in Washington (an
 * upload's "held meeting dated after today" is judged by the viewer's date too).
 */
export const dayOf = (t: Date) => new Date(Date.UTC(t.getFullYear(), t.getMonth(), t.getDate()));

/** Milliseconds from `t` to the viewer's next midnight (a day of 23 or 25 hours at a clock change too). */
export const untilMidnight = (t: Date) => +new Date(t.getFullYear(), t.getMonth(), t.getDate() + 1) - +t;

/**
 * Calls `set` with the viewer's date whenever it is no longer `day`: at their midnight (a timer,
 * re-armed each day, and checking at least hourly, so a clock or time zone changed meanwhile is
 * caught), and when the page is shown again (a background tab's or a sleeping computer's timers
 * run late or not at all). Nothing runs more often than that.
 * Returns what stops it.
 */
export function followDay(day: Date, set: (day: Date) => void): () => void {
  let timer: ReturnType<typeof setTimeout>;
  const check = () => {
    const now = new Date();
    const today = dayOf(now);
    if (+today !== +day) set((day = today));
    clearTimeout(timer);
    timer = setTimeout(check, Math.min(untilMidnight(now), 36e5));
  };
  check();
  document.addEventListener('visibilitychange', check);
  addEventListener('pageshow', check);
  return () => {
    clearTimeout(timer);
    document.removeEventListener('visibilitychange', check);
    removeEventListener('pageshow', check);
  };
}
