/**
 * When Aujourd'hui asks for the forecast again (PRODUCT: forecast). Today's end moves with the
 * queue, so every change of the live figures is a reason to ask; but a busy morning changes them
 * every few seconds, and each answer costs the Worker a forecast read and a call to the clinic's
 * queue. Pure: the clock comes in as numbers.
 */

/** At most one forecast read a minute per open screen: the end is said to the minute, and moves less. */
export const FORECAST_MIN_GAP_MS = 60_000;

/**
 * How long to wait before asking, for a change noticed at `now`: at once when nothing was asked
 * for a minute (or ever), else the rest of that minute — the change is then read at its end, never
 * dropped.
 */
export function delayBeforeAsking(lastAskedAt: number | null, now: number, gapMs: number = FORECAST_MIN_GAP_MS): number {
  if (lastAskedAt === null) return 0;
  return Math.max(0, lastAskedAt + gapMs - now);
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The calendar day after a clinic day (YYYY-MM-DD): a day of the calendar, not 24 hours, so no clock change moves it. */
export function dayAfter(day: string): string {
  const match = DAY.exec(day);
  if (match === null) throw new RangeError(`not a clinic day (YYYY-MM-DD): ${day}`);
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + 1)).toISOString().slice(0, 10);
}
