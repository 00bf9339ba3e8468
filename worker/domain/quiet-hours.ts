/**
 * Quiet hours (PRODUCT.md "Alerts people keep on"): a person's daily stretch of wall-clock time,
 * e.g. 20:00–07:00, during which no alert push wakes them (the super admin's P0/P1 excepted). They
 * are read in the zone of the clinic the alert is about (the service's zone for service alerts), so
 * "20:00" means 20:00 on that clinic's clocks, summer and winter alike.
 */
import { addClinicDays, clinicDayOf, instantOfClinicTime, utcOffsetMsAt } from './clinic-time.ts';

/** `HH:MM` on a 24-hour clock, 00:00 to 23:59. */
export const CLOCK_TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;

/** From `from` (included) to `to` (excluded); `from` after `to` spans midnight. The two differ. */
export interface QuietHours {
  from: string;
  to: string;
}

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/** Minutes since midnight of an `HH:MM` time; throws on anything else (callers have checked it). */
export function minuteOfClockTime(time: string): number {
  if (!CLOCK_TIME_PATTERN.test(time)) throw new RangeError(`not a clock time (HH:MM): ${time}`);
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

/** The stored pair of columns as quiet hours: both set, or none at all. */
export function quietHoursOf(stored: { quietFrom: string | null; quietTo: string | null }): QuietHours | null {
  const { quietFrom, quietTo } = stored;
  if (quietFrom === null || quietTo === null || !CLOCK_TIME_PATTERN.test(quietFrom) || !CLOCK_TIME_PATTERN.test(quietTo) || quietFrom === quietTo) return null;
  return { from: quietFrom, to: quietTo };
}

/** The wall clock's minute of the day (0–1439) in `zone` at `instant`. */
function wallMinuteAt(instant: number, zone: string): number {
  const wall = instant + utcOffsetMsAt(instant, zone);
  return Math.floor((((wall % DAY_MS) + DAY_MS) % DAY_MS) / MINUTE_MS);
}

/** Whether `instant` falls inside the quiet hours, on the clocks of `zone`. */
export function isQuietAt(quiet: QuietHours, instant: number, zone: string): boolean {
  const minute = wallMinuteAt(instant, zone);
  const from = minuteOfClockTime(quiet.from);
  const to = minuteOfClockTime(quiet.to);
  return from < to ? minute >= from && minute < to : minute >= from || minute < to;
}

/**
 * Every instant at which the clocks of `zone` read `minute` on `day`, first to last: one on most
 * days, two in the hour that repeats when the clocks go back, and, when the clocks jump over it,
 * the moment of the jump (so a quiet night ending at 02:30 on a spring-forward night ends at 03:00
 * summer time, not never).
 */
function instantsOfWallTime(day: string, minute: number, zone: string): number[] {
  const first = instantOfClinicTime(day, minute, zone);
  // When the clocks go back within the day after `first`, the same reading comes again this much later.
  const shift = utcOffsetMsAt(first, zone) - utcOffsetMsAt(first + DAY_MS, zone);
  const again = first + shift;
  const repeats = shift > 0 && shift <= 3 * HOUR_MS && wallMinuteAt(again, zone) === minute && clinicDayOf(again, zone) === day;
  return repeats ? [first, again] : [first];
}

/**
 * When the quiet hours that hold at `instant` end: the first instant after it at which the clocks
 * of `zone` read `to` (the release of a held push). Meant for an instant inside the quiet hours;
 * for one outside, it is the end of the next stretch.
 */
export function quietHoursEndAfter(quiet: QuietHours, instant: number, zone: string): number {
  const to = minuteOfClockTime(quiet.to);
  const today = clinicDayOf(instant, zone);
  for (const day of [today, addClinicDays(today, 1), addClinicDays(today, 2)]) {
    const next = instantsOfWallTime(day, to, zone).find((candidate) => candidate > instant);
    if (next !== undefined) return next;
  }
  // Unreachable: some day within the next two reads `to` after `instant`. A day later is still sane.
  return instant + DAY_MS;
}
