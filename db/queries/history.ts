/**
 * Reading a clinic's history from its rollups, summed inside libSQL (per window, per day, week or
 * weekday; check-ins per weekday and local hour for peak hours; quotes and calls per local hour)
 * so only a few rows travel: one primary-key range scan of at most two years of days. The
 * histograms of the quotes' errors are merged inside libSQL too (`json_each` spreads each row's,
 * sums add per minute, `json_group_object` rebuilds one per group), in the same round trip: a
 * median over a year stays exact and a year is still a few rows. Raw events and entries are never
 * read here: they are deleted after the retention window, rollups stay.
 */
import { and, between, eq, gt, sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { emptyRollupCounters, type RollupCounters } from '../../worker/domain/rollup.ts';
import type { DayCounters, DayRange, HourServiceCounters, WeekdayHourArrivals } from '../../worker/domain/history-figures.ts';
import type { Database } from '../client.ts';
import { clinics } from '../schema/clinics.ts';
import { dailyRollups, hourlyRollups } from '../schema/rollups.ts';

export interface HistoryClinic {
  id: string;
  /** Its name, for the export's cells and file name (never in the JSON answers). */
  name: string;
  timezone: string;
  currency: string;
  /** The clinic's service target now, minutes. */
  serviceTargetMinutes: number;
}

function clinicQuery(db: Database, clinicId: string) {
  return db
    .select({ id: clinics.id, name: clinics.name, timezone: clinics.timezone, currency: clinics.currency, serviceTargetMinutes: clinics.serviceTargetMinutes })
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

/** The counters summed by `sum` (the histogram is merged apart, see `histogramsQuery`). */
type SummedCounters = Omit<RollupCounters, 'quoteAbsErrors'>;

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
  unfinished: sumOf(dailyRollups.unfinished),
  calledWithinTarget: sumOf(dailyRollups.calledWithinTarget),
  quoted: sumOf(dailyRollups.quoted),
  quoteAbsErrorSum: sumOf(dailyRollups.quoteAbsErrorSum),
  quoteWithinRange: sumOf(dailyRollups.quoteWithinRange),
  quoteUnderQuoted: sumOf(dailyRollups.quoteUnderQuoted),
  walkOutScored: sumOf(dailyRollups.walkOutScored),
  walkOutBrierSum: sumOf(dailyRollups.walkOutBrierSum),
  walkOutBaseRateBrierSum: sumOf(dailyRollups.walkOutBaseRateBrierSum),
} satisfies Record<keyof SummedCounters, SQL<number>>;

type RollupTable = typeof dailyRollups | typeof hourlyRollups;

/**
 * The quotes' error histograms of the rows of `table` matching `where`, merged per `group` (an
 * expression over `table`'s columns): one row per group, `{minutes: entries}`. Groups whose rows
 * hold no quote have no row.
 */
function histogramsQuery(db: Database, table: RollupTable, group: SQL, where: SQL | undefined) {
  // json_each's columns: `key` (the minutes, text) and `value` (the entries).
  const perMinute = db
    .select({
      group: sql<string>`${group}`.as('histogram_group'),
      minutes: sql<string>`quote_error.key`.as('minutes'),
      entries: sql<number>`sum(quote_error.value)`.as('entries'),
    })
    .from(table)
    .crossJoin(sql`json_each(${table.quoteAbsErrors}) as quote_error`)
    .where(where)
    .groupBy(group, sql`quote_error.key`)
    .as('per_minute');
  return db
    .select({
      group: perMinute.group,
      // Read back as the column itself is: JSON text parsed by the column's own mapping.
      histogram: sql<Record<string, number>>`json_group_object(${perMinute.minutes}, ${perMinute.entries})`.mapWith(dailyRollups.quoteAbsErrors),
    })
    .from(perMinute)
    .groupBy(sql`${perMinute.group}`);
}

/** Histograms by group as read, keyed by the group's text. */
function histogramsByGroup(rows: ReadonlyArray<{ group: string | number; histogram: Record<string, number> }>): Map<string, Record<string, number>> {
  return new Map(rows.map((row) => [String(row.group), row.histogram]));
}

const daysOfRange = (clinicId: string, range: DayRange) => and(eq(dailyRollups.clinicId, clinicId), between(dailyRollups.day, range.from, range.to));

/** The counters of each range, summed in libSQL: two small rows per range, one round trip. */
export async function readRangeTotals(db: Database, clinicId: string, ranges: readonly [DayRange, ...DayRange[]]): Promise<RollupCounters[]> {
  const totals = (range: DayRange) => db.select(summed).from(dailyRollups).where(daysOfRange(clinicId, range));
  const histogram = (range: DayRange) => histogramsQuery(db, dailyRollups, sql`'window'`, daysOfRange(clinicId, range));
  const [first, ...rest] = ranges;
  const results = await db.batch([totals(first), histogram(first), ...rest.flatMap((range) => [totals(range), histogram(range)] as const)]);
  // The batch's answers alternate, totals then histogram, range after range.
  return ranges.map((_, index) => {
    const [row] = (results[2 * index] ?? []) as SummedCounters[];
    const [merged] = (results[2 * index + 1] ?? []) as Array<{ histogram: Record<string, number> }>;
    return { ...emptyRollupCounters(), ...row, quoteAbsErrors: merged?.histogram ?? {} };
  });
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
  const where = daysOfRange(clinicId, range);
  const [rows, histograms] = await db.batch([
    db.select({ day: key, ...summed }).from(dailyRollups).where(where).groupBy(key).orderBy(key),
    histogramsQuery(db, dailyRollups, key, where),
  ]);
  const byGroup = histogramsByGroup(histograms);
  return rows.map((row) => ({ ...row, quoteAbsErrors: byGroup.get(row.day) ?? {} }));
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

/**
 * Quotes judged and calls summed by the local hour they were called in over `range` (at most 24
 * rows, whatever the range), histograms merged per hour.
 */
export async function readHourlyServiceCounters(db: Database, clinicId: string, range: DayRange): Promise<HourServiceCounters[]> {
  const where = and(eq(hourlyRollups.clinicId, clinicId), between(hourlyRollups.day, range.from, range.to));
  const [rows, histograms] = await db.batch([
    db
      .select({
        hour: hourlyRollups.hour,
        waitCount: sumOf(hourlyRollups.waitCount),
        calledWithinTarget: sumOf(hourlyRollups.calledWithinTarget),
        quoted: sumOf(hourlyRollups.quoted),
        quoteAbsErrorSum: sumOf(hourlyRollups.quoteAbsErrorSum),
        quoteWithinRange: sumOf(hourlyRollups.quoteWithinRange),
        quoteUnderQuoted: sumOf(hourlyRollups.quoteUnderQuoted),
      })
      .from(hourlyRollups)
      .where(and(where, gt(hourlyRollups.waitCount, 0)))
      .groupBy(hourlyRollups.hour),
    histogramsQuery(db, hourlyRollups, sql`${hourlyRollups.hour}`, where),
  ]);
  const byHour = histogramsByGroup(histograms);
  return rows.map((row) => ({ ...row, quoteAbsErrors: byHour.get(String(row.hour)) ?? {} }));
}
