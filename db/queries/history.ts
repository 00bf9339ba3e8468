/**
 * Reading a clinic's history from its rollups: a range of daily rows (one primary-key range
 * scan), and check-ins grouped by weekday and local hour for peak hours. Raw events and entries
 * are never read here: they are deleted after the retention window, rollups stay.
 */
import { and, between, eq, gt, sql } from 'drizzle-orm';
import type { DayCounters, DayRange, WeekdayHourArrivals } from '../../worker/domain/history-figures.ts';
import type { Database } from '../client.ts';
import { clinics } from '../schema/clinics.ts';
import { dailyRollups, hourlyRollups } from '../schema/rollups.ts';

export interface HistoryClinic {
  id: string;
  timezone: string;
  currency: string;
}

const counterColumns = {
  checkinsQr: dailyRollups.checkinsQr,
  checkinsManual: dailyRollups.checkinsManual,
  seen: dailyRollups.seen,
  noShows: dailyRollups.noShows,
  cancelled: dailyRollups.cancelled,
  waitSumMs: dailyRollups.waitSumMs,
  waitCount: dailyRollups.waitCount,
  waitMaxMs: dailyRollups.waitMaxMs,
  consultSumMs: dailyRollups.consultSumMs,
  consultCount: dailyRollups.consultCount,
  smsSent: dailyRollups.smsSent,
  smsFailed: dailyRollups.smsFailed,
  smsCostMinor: dailyRollups.smsCostMinor,
};

function clinicQuery(db: Database, clinicId: string) {
  return db
    .select({ id: clinics.id, timezone: clinics.timezone, currency: clinics.currency })
    .from(clinics)
    .where(eq(clinics.id, clinicId))
    .limit(1);
}

/**
 * The clinic and its daily rollups over `range`, in one round trip. Callers that do not know the
 * clinic's zone yet pass a range one day wider on each side than any zone's "today" can be.
 */
export async function readClinicDays(
  db: Database,
  clinicId: string,
  range: DayRange,
): Promise<{ clinic: HistoryClinic | undefined; days: DayCounters[] }> {
  const [clinicRows, days] = await db.batch([
    clinicQuery(db, clinicId),
    db
      .select({ day: dailyRollups.day, ...counterColumns })
      .from(dailyRollups)
      .where(and(eq(dailyRollups.clinicId, clinicId), between(dailyRollups.day, range.from, range.to)))
      .orderBy(dailyRollups.day),
  ]);
  return { clinic: clinicRows[0], days };
}

export async function readHistoryClinic(db: Database, clinicId: string): Promise<HistoryClinic | undefined> {
  const [row] = await clinicQuery(db, clinicId);
  return row;
}

/** SQLite's weekday (0 = Sunday) of a `YYYY-MM-DD` column, renumbered 0 = Monday … 6 = Sunday. */
const mondayFirst = (day: typeof dailyRollups.day | typeof hourlyRollups.day) => sql<number>`(cast(strftime('%w', ${day}) as integer) + 6) % 7`;

/**
 * Check-ins of `range` summed by weekday and local hour (at most 168 rows, whatever the range),
 * and how many days of each weekday had a check-in at all.
 */
export async function readArrivals(
  db: Database,
  clinicId: string,
  range: DayRange,
): Promise<{ arrivals: WeekdayHourArrivals[]; openDaysByWeekday: number[] }> {
  const weekdayOfHour = mondayFirst(hourlyRollups.day);
  const weekdayOfDay = mondayFirst(dailyRollups.day);
  const [arrivals, openDays] = await db.batch([
    db
      .select({ weekday: weekdayOfHour, hour: hourlyRollups.hour, arrivals: sql<number>`sum(${hourlyRollups.checkinsQr} + ${hourlyRollups.checkinsManual})` })
      .from(hourlyRollups)
      .where(and(eq(hourlyRollups.clinicId, clinicId), between(hourlyRollups.day, range.from, range.to)))
      .groupBy(weekdayOfHour, hourlyRollups.hour),
    db
      .select({ weekday: weekdayOfDay, days: sql<number>`count(*)` })
      .from(dailyRollups)
      .where(
        and(
          eq(dailyRollups.clinicId, clinicId),
          between(dailyRollups.day, range.from, range.to),
          gt(sql`${dailyRollups.checkinsQr} + ${dailyRollups.checkinsManual}`, 0),
        ),
      )
      .groupBy(weekdayOfDay),
  ]);
  const openDaysByWeekday = Array.from({ length: 7 }, () => 0);
  for (const row of openDays) openDaysByWeekday[row.weekday] = row.days;
  return { arrivals, openDaysByWeekday };
}
