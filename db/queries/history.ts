/**
 * Reading a clinic's history from its rollups, summed inside libSQL (per window, per day, week or
 * weekday; check-ins per weekday and local hour for peak hours) so only a few rows travel: one
 * primary-key range scan of at most two years of days. Raw events and entries are never read
 * here: they are deleted after the retention window, rollups stay.
 */
import { and, between, eq, gt, sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { emptyRollupCounters, type RollupCounters } from '../../worker/domain/rollup.ts';
import type { DayCounters, DayRange, WeekdayHourArrivals } from '../../worker/domain/history-figures.ts';
import type { Database } from '../client.ts';
import { clinics } from '../schema/clinics.ts';
import { dailyRollups, hourlyRollups } from '../schema/rollups.ts';

export interface HistoryClinic {
  id: string;
  timezone: string;
  currency: string;
}

function clinicQuery(db: Database, clinicId: string) {
  return db
    .select({ id: clinics.id, timezone: clinics.timezone, currency: clinics.currency })
    .from(clinics)
    .where(eq(clinics.id, clinicId))
    .limit(1);
}

export async function readHistoryClinic(db: Database, clinicId: string): Promise<HistoryClinic | undefined> {
  const [row] = await clinicQuery(db, clinicId);
  return row;
}

/** A counter summed over the rows of a query (0 over none). */
const sumOf = (counter: SQLiteColumn) => sql<number>`coalesce(sum(${counter}), 0)`;

/** Each counter summed (the longest wait: the longest) over the rows of a query. */
const summed = {
  checkinsQr: sumOf(dailyRollups.checkinsQr),
  checkinsManual: sumOf(dailyRollups.checkinsManual),
  seen: sumOf(dailyRollups.seen),
  noShows: sumOf(dailyRollups.noShows),
  cancelled: sumOf(dailyRollups.cancelled),
  waitSumMs: sumOf(dailyRollups.waitSumMs),
  waitCount: sumOf(dailyRollups.waitCount),
  waitMaxMs: sql<number>`coalesce(max(${dailyRollups.waitMaxMs}), 0)`,
  consultSumMs: sumOf(dailyRollups.consultSumMs),
  consultCount: sumOf(dailyRollups.consultCount),
  smsSent: sumOf(dailyRollups.smsSent),
  smsFailed: sumOf(dailyRollups.smsFailed),
  smsCostMinor: sumOf(dailyRollups.smsCostMinor),
} satisfies Record<keyof RollupCounters, SQL<number>>;

/** The counters of each range, summed in libSQL: one small row per range, one round trip. */
export async function readRangeTotals(db: Database, clinicId: string, ranges: readonly [DayRange, ...DayRange[]]): Promise<RollupCounters[]> {
  const query = (range: DayRange) =>
    db
      .select(summed)
      .from(dailyRollups)
      .where(and(eq(dailyRollups.clinicId, clinicId), between(dailyRollups.day, range.from, range.to)));
  const [first, ...rest] = ranges;
  const results = await db.batch([query(first), ...rest.map(query)]);
  return results.map((rows) => rows[0] ?? emptyRollupCounters());
}

/**
 * The counters of `range` summed per day, per Monday-to-Sunday week (keyed by the week's first
 * day inside the range), or per weekday (0 = Monday; keyed by that number as text).
 */
export async function readGroupedDays(db: Database, clinicId: string, range: DayRange, by: 'day' | 'week' | 'weekday'): Promise<DayCounters[]> {
  const weekday = mondayFirst(dailyRollups.day);
  const key =
    by === 'day'
      ? sql<string>`${dailyRollups.day}`
      : by === 'week'
        ? sql<string>`max(date(${dailyRollups.day}, '-' || ${weekday} || ' days'), ${range.from})`
        : sql<string>`cast(${weekday} as text)`;
  return db
    .select({ day: key, ...summed })
    .from(dailyRollups)
    .where(and(eq(dailyRollups.clinicId, clinicId), between(dailyRollups.day, range.from, range.to)))
    .groupBy(key)
    .orderBy(key);
}

/** SQLite's weekday (0 = Sunday) of a `YYYY-MM-DD` column, renumbered 0 = Monday … 6 = Sunday. */
const mondayFirst = (day: typeof dailyRollups.day | typeof hourlyRollups.day) => sql<number>`((cast(strftime('%w', ${day}) as integer) + 6) % 7)`;

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
