/**
 * What the admin console reads: every clinic's standing (plan, last login), today's and the last
 * 30 days' rollups on each clinic's own calendar, waiting patients, recent SMS and firing alerts,
 * and the daily business snapshots. Per-clinic lookups are index seeks (the last login is one
 * `max` on `clinic_activity (clinic_id, kind, occurred_at)` per clinic), so the cost grows with the
 * number of clinics, not with their history.
 */
import { and, asc, between, eq, gte, isNull, or, sql } from 'drizzle-orm';
import type { ClinicStanding } from '../../worker/domain/business-figures.ts';
import type { Database } from '../client.ts';
import { clinicActivity } from '../schema/activity.ts';
import { alertInstances, alertRules } from '../schema/alerts.ts';
import { businessDays } from '../schema/business.ts';
import { clinics } from '../schema/clinics.ts';
import { smsMessages } from '../schema/queue.ts';
import { dailyRollups } from '../schema/rollups.ts';
import { priceAt } from './clinic-prices.ts';

export interface ClinicRecord extends ClinicStanding {
  timezone: string;
  smsUnitCostMinor: number;
  createdAt: number;
  archivedAt: number | null;
}

// Written out with aliases: drizzle leaves columns unqualified in a one-table select, and inside a
// correlated subquery an unqualified "id" would be the activity's own.
const lastLoginUpTo = (at: number) =>
  sql<number | null>`(select max(login.occurred_at) from clinic_activity as login where login.clinic_id = "clinics"."id" and login.kind = 'clinic_login' and login.occurred_at <= ${at})`;

const recordColumns = (at: number) => ({
  clinicId: clinics.id,
  name: clinics.name,
  timezone: clinics.timezone,
  currency: clinics.currency,
  // The price in force at `at`, so a past standing (MRR 7 days ago, a day's snapshot) is exact.
  planPriceMinor: priceAt(sql`"clinics"."id"`, sql`"clinics"."plan_price_minor"`, at),
  smsUnitCostMinor: clinics.smsUnitCostMinor,
  createdAt: clinics.createdAt,
  archivedAt: clinics.archivedAt,
  lastLoginAt: lastLoginUpTo(at),
});

/** Clinics that existed and were not archived at `at`, each with its last login up to then. */
export function clinicsStandingAt(db: Database, at: number) {
  return db
    .select(recordColumns(at))
    .from(clinics)
    .where(and(sql`${clinics.createdAt} <= ${at}`, or(isNull(clinics.archivedAt), sql`${clinics.archivedAt} > ${at}`)))
    .orderBy(asc(clinics.name), asc(clinics.id));
}

export async function clinicRecord(db: Database, clinicId: string, at: number): Promise<ClinicRecord | undefined> {
  const [row] = await db.select(recordColumns(at)).from(clinics).where(eq(clinics.id, clinicId)).limit(1);
  return row;
}

/** SMS sent since `since` (all clinics) and how many of them failed. */
export async function smsSince(db: Database, since: number): Promise<{ sent: number; failed: number }> {
  const [row] = await db
    .select({ sent: sql<number>`count(*)`, failed: sql<number>`coalesce(sum(${smsMessages.status} = 'failed'), 0)` })
    .from(smsMessages)
    .where(gte(smsMessages.sentAt, since));
  return { sent: row?.sent ?? 0, failed: row?.failed ?? 0 };
}

/** Alerts firing now (not resolved), newest first. */
export function firingAlerts(db: Database) {
  return db
    .select({ id: alertInstances.id, kind: alertRules.kind, clinicId: alertInstances.clinicId, value: alertInstances.value, firedAt: alertInstances.firedAt })
    .from(alertInstances)
    .innerJoin(alertRules, eq(alertRules.id, alertInstances.ruleId))
    .where(isNull(alertInstances.resolvedAt))
    .orderBy(sql`${alertInstances.firedAt} desc`)
    .limit(100);
}

export type BusinessDayRow = typeof businessDays.$inferSelect;

export function businessDaysBetween(db: Database, from: string, to: string) {
  return db.select().from(businessDays).where(between(businessDays.day, from, to)).orderBy(asc(businessDays.day));
}

export async function saveBusinessDay(db: Database, row: BusinessDayRow): Promise<void> {
  await db.insert(businessDays).values(row).onConflictDoUpdate({ target: businessDays.day, set: { ...row } });
}

/** Patients, QR check-ins and SMS per clinic day label, summed over the clinics not archived. */
export function rollupTotalsByDay(db: Database, from: string, to: string) {
  return db
    .select({
      day: dailyRollups.day,
      patients: sql<number>`sum(${dailyRollups.checkinsQr} + ${dailyRollups.checkinsManual})`,
      qr: sql<number>`sum(${dailyRollups.checkinsQr})`,
      smsSent: sql<number>`sum(${dailyRollups.smsSent})`,
      smsCostMinor: sql<number>`sum(${dailyRollups.smsCostMinor})`,
    })
    .from(dailyRollups)
    .innerJoin(clinics, eq(clinics.id, dailyRollups.clinicId))
    .where(and(between(dailyRollups.day, from, to), isNull(clinics.archivedAt)))
    .groupBy(dailyRollups.day)
    .orderBy(asc(dailyRollups.day));
}

/** For the retention table: each clinic's signup and the UTC months (YYYY-MM) it logged in. */
export async function loginMonths(db: Database): Promise<{ clinics: Array<{ clinicId: string; createdAt: number }>; months: Array<{ clinicId: string; month: string }> }> {
  const month = sql<string>`strftime('%Y-%m', ${clinicActivity.occurredAt} / 1000, 'unixepoch')`;
  const [clinicRows, months] = await db.batch([
    db.select({ clinicId: clinics.id, createdAt: clinics.createdAt }).from(clinics).where(isNull(clinics.archivedAt)),
    db.selectDistinct({ clinicId: clinicActivity.clinicId, month }).from(clinicActivity).where(eq(clinicActivity.kind, 'clinic_login')),
  ]);
  return { clinics: clinicRows, months };
}
