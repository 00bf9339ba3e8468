/**
 * When the Monday digest goes out: every hour the cron looks for the clinics whose wall clock has
 * just reached Monday 09:00 (PRODUCT: "Every Monday at 09:00 clinic time"). Cron is UTC, clinics
 * are not, and a zone's offset changes with summer time, so this is decided per instant and zone.
 * The week it reports on is the clinic's previous Monday-to-Sunday.
 */
import { addClinicDays, clinicDayOf, localHourOf, weekdayOf } from './clinic-time.ts';

const MONDAY = 1;
export const DIGEST_HOUR = 9;

/** Whether, at the hourly cron's `instant`, the clinic's local time is Monday between 09:00 and 09:59. */
export function isDigestHour(instant: number, timezone: string): boolean {
  return weekdayOf(clinicDayOf(instant, timezone)) === MONDAY && localHourOf(instant, timezone) === DIGEST_HOUR;
}

/** The week a digest sent at `instant` reports on: the Monday-to-Sunday before the clinic's today. */
export function digestWeekOf(instant: number, timezone: string): { from: string; to: string } {
  const today = clinicDayOf(instant, timezone);
  const daysSinceMonday = (weekdayOf(today) + 6) % 7;
  const thisMonday = addClinicDays(today, -daysSinceMonday);
  return { from: addClinicDays(thisMonday, -7), to: addClinicDays(thisMonday, -1) };
}
