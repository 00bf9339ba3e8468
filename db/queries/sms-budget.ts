/**
 * A clinic's monthly SMS budget (`clinics.sms_budget_minor`) and the month's SMS from the daily
 * rollups, for `stats/today.sms`, the budget alerts and the digest's budget line. All three sum the
 * same rollup columns (`sms_sent`, `sms_cost_minor`, `seen`) over the clinic's calendar month and
 * compute with `worker/domain/sms-budget.ts`, so they agree.
 *
 * Where today's SMS come from: `stats/today` takes them from the clinic's live queue (the
 * `ClinicQueue` object, up to the last event); the readers here take today's `daily_rollups` row,
 * which that queue writes behind through its outbox — normally seconds behind, longer while libSQL
 * is unreachable. Days before today are the same rows for everyone.
 */
import { and, between, eq, gte, isNotNull, isNull, lt, lte, sql } from 'drizzle-orm';
import { clinicDayOf } from '../../worker/domain/clinic-time.ts';
import { clinicMonthAt, firstDayOfMonth, monthOfDay, smsBudgetFigures, type SmsDay } from '../../worker/domain/sms-budget.ts';
import type { Database } from '../client.ts';
import { clinics } from '../schema/clinics.ts';
import { dailyRollups } from '../schema/rollups.ts';

/** One live clinic with a budget, as the budget alerts judge it. */
export interface SmsBudgetObservation {
  clinicId: string;
  /** `YYYY-MM`, the clinic's month now (its own zone). */
  month: string;
  currency: string;
  budgetMinor: number;
  /** SMS sent this month up to now. */
  count: number;
  costMinor: number;
  projectedMonthEndMinor: number | null;
}

/** The furthest any zone's wall clock is from UTC (Pacific/Kiritimati +14, Etc/GMT+12 −12): bounds every clinic's "today". */
const WIDEST_UTC_OFFSET_MS = 14 * 3_600_000;

/** The SMS columns of a rollup row as the domain counts them. */
const smsDayColumns = {
  day: dailyRollups.day,
  count: dailyRollups.smsSent,
  costMinor: dailyRollups.smsCostMinor,
  seen: dailyRollups.seen,
};

/**
 * Every live (not archived) clinic with a budget, and its month so far (today included, from
 * today's written-behind rollup), in one round trip of two statements whatever the number of
 * clinics: the clinics, then their rollups over the widest window any zone's month can need
 * (`daily_rollups_day_idx`), each clinic's own month picked out in `smsBudgetFigures`.
 */
export async function readSmsBudgetObservations(db: Database, now: number): Promise<SmsBudgetObservation[]> {
  const from = firstDayOfMonth(monthOfDay(clinicDayOf(now - WIDEST_UTC_OFFSET_MS, 'UTC')));
  const to = clinicDayOf(now + WIDEST_UTC_OFFSET_MS, 'UTC');
  const budgeted = and(isNull(clinics.archivedAt), isNotNull(clinics.smsBudgetMinor));
  const [clinicRows, dayRows] = await db.batch([
    db
      .select({ id: clinics.id, timezone: clinics.timezone, currency: clinics.currency, createdAt: clinics.createdAt, budgetMinor: clinics.smsBudgetMinor })
      .from(clinics)
      .where(budgeted),
    db
      .select({ clinicId: dailyRollups.clinicId, ...smsDayColumns })
      .from(dailyRollups)
      .innerJoin(clinics, eq(clinics.id, dailyRollups.clinicId))
      .where(and(budgeted, between(dailyRollups.day, from, to))),
  ]);
  const daysByClinic = new Map<string, SmsDay[]>();
  for (const { clinicId, ...day } of dayRows) {
    const days = daysByClinic.get(clinicId) ?? [];
    days.push(day);
    daysByClinic.set(clinicId, days);
  }
  return clinicRows.flatMap((clinic) => {
    if (clinic.budgetMinor === null) return [];
    const figures = smsBudgetFigures({
      now,
      timezone: clinic.timezone,
      createdAt: clinic.createdAt,
      budgetMinor: clinic.budgetMinor,
      days: daysByClinic.get(clinic.id) ?? [],
    });
    return [
      {
        clinicId: clinic.id,
        month: clinicMonthAt(now, clinic.timezone).month,
        currency: clinic.currency,
        budgetMinor: clinic.budgetMinor,
        count: figures.monthToDate.count,
        costMinor: figures.monthToDate.costMinor,
        projectedMonthEndMinor: figures.projectedMonthEndMinor,
      },
    ];
  });
}

/**
 * SMS of one clinic's month (`YYYY-MM`) from its first day up to and including `upToDay`
 * (`YYYY-MM-DD`), from the daily rollups: the digest's budget line. Days are compared as text.
 */
export async function smsMonthToDate(db: Database, clinicId: string, month: string, upToDay: string): Promise<{ count: number; costMinor: number }> {
  const monthStart = firstDayOfMonth(month);
  // `YYYY-MM-32` sorts after every day of the month and before the next month's first.
  const monthEnd = `${month}-32`;
  const [row] = await db
    .select({
      count: sql<number>`coalesce(sum(${dailyRollups.smsSent}), 0)`.mapWith(Number),
      costMinor: sql<number>`coalesce(sum(${dailyRollups.smsCostMinor}), 0)`.mapWith(Number),
    })
    .from(dailyRollups)
    .where(and(eq(dailyRollups.clinicId, clinicId), gte(dailyRollups.day, monthStart), lt(dailyRollups.day, monthEnd), lte(dailyRollups.day, upToDay)));
  return { count: row?.count ?? 0, costMinor: row?.costMinor ?? 0 };
}

/** A clinic's budget setting; undefined for an unknown clinic. */
export interface SmsBudgetSetting {
  budgetMinor: number | null;
  currency: string;
}

export async function readSmsBudget(db: Database, clinicId: string): Promise<SmsBudgetSetting | undefined> {
  const [row] = await db.select({ budgetMinor: clinics.smsBudgetMinor, currency: clinics.currency }).from(clinics).where(eq(clinics.id, clinicId)).limit(1);
  return row;
}

/**
 * Sets (or, with null, removes) the clinic's budget; answers the setting it replaces (for the
 * audit log), or undefined for an unknown clinic. Read, then written on its own, as
 * `saveServiceTarget` does (a read-then-write batch would fail at once against the write-behind).
 */
export async function saveSmsBudget(db: Database, clinicId: string, budgetMinor: number | null): Promise<{ previous: SmsBudgetSetting } | undefined> {
  const previous = await readSmsBudget(db, clinicId);
  if (previous === undefined) return undefined;
  await db.update(clinics).set({ smsBudgetMinor: budgetMinor }).where(eq(clinics.id, clinicId));
  return { previous };
}

/** What `stats/today.sms` needs from libSQL: the clinic's budget and creation, and its month's days before `today`. */
export interface SmsMonthBeforeToday {
  budgetMinor: number | null;
  currency: string;
  createdAt: number;
  days: SmsDay[];
}

/**
 * The first clinic day of the widest window any zone's current month can start in at `now`: what
 * `readSmsMonthAround` reads from, so it can be read before the clinic's own day is known.
 */
export function smsMonthWindowStart(now: number): string {
  return firstDayOfMonth(monthOfDay(clinicDayOf(now - WIDEST_UTC_OFFSET_MS, 'UTC')));
}

/**
 * The clinic's budget, its creation and the rollups of every day from `smsMonthWindowStart(now)` up
 * to the latest day any zone can be in (a primary-key range of at most two months); undefined for
 * an unknown clinic. Read without the clinic's zone, so `stats/today` asks it at the same time as
 * the live queue; `monthBeforeToday` then keeps the days of the clinic's month before its today.
 */
export async function readSmsMonthAround(db: Database, clinicId: string, now: number): Promise<SmsMonthBeforeToday | undefined> {
  const [clinicRows, days] = await db.batch([
    db.select({ createdAt: clinics.createdAt, budgetMinor: clinics.smsBudgetMinor, currency: clinics.currency }).from(clinics).where(eq(clinics.id, clinicId)).limit(1),
    db
      .select(smsDayColumns)
      .from(dailyRollups)
      .where(and(eq(dailyRollups.clinicId, clinicId), between(dailyRollups.day, smsMonthWindowStart(now), clinicDayOf(now + WIDEST_UTC_OFFSET_MS, 'UTC')))),
  ]);
  const clinic = clinicRows[0];
  if (clinic === undefined) return undefined;
  return { ...clinic, days };
}
