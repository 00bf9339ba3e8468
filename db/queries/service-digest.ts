/**
 * The super admin's Monday digest, from rollups: each clinic's week of check-ins (QR laggards),
 * the week's SMS per currency, and the alerts fired during the week; and besides, the clinics
 * opening and the jobs that failed for good (dead letters). The week is one set of
 * calendar days for every clinic, each counted on its own clinic days, like every other figure.
 */
import { and, asc, between, count, desc, eq, gt, gte, isNull, lt, lte, notExists, sql } from 'drizzle-orm';
import { DAY_MS } from '../../worker/domain/business-figures.ts';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Database } from '../client.ts';
import { clinicActivity } from '../schema/activity.ts';
import { alertInstances, alertRules } from '../schema/alerts.ts';
import { clinics } from '../schema/clinics.ts';
import { deadLetters } from '../schema/jobs.ts';
import { dailyRollups } from '../schema/rollups.ts';

export interface ClinicWeekAdoption {
  clinicId: string;
  name: string;
  checkins: number;
  qrShare: number;
}

/** PRODUCT: a clinic under this QR share needs training. */
export const QR_LAGGARD_SHARE = 0.3;

/** Clinics whose QR share of the week's check-ins is under 30 %, lowest first. */
export async function qrLaggards(db: Database, from: string, to: string, limit: number): Promise<ClinicWeekAdoption[]> {
  const checkins = sql<number>`sum(${dailyRollups.checkinsQr} + ${dailyRollups.checkinsManual})`;
  const share = sql<number>`sum(${dailyRollups.checkinsQr}) * 1.0 / ${checkins}`;
  return db
    .select({ clinicId: clinics.id, name: clinics.name, checkins, qrShare: share })
    .from(dailyRollups)
    .innerJoin(clinics, eq(clinics.id, dailyRollups.clinicId))
    .where(and(between(dailyRollups.day, from, to), isNull(clinics.archivedAt)))
    .groupBy(clinics.id)
    .having(sql`${checkins} > 0 and ${share} < ${QR_LAGGARD_SHARE}`)
    .orderBy(share, clinics.name)
    .limit(limit);
}

/** The week's SMS, per currency (costs in minor units). */
export function weekSms(db: Database, from: string, to: string) {
  return db
    .select({ currency: clinics.currency, sent: sql<number>`sum(${dailyRollups.smsSent})`, costMinor: sql<number>`sum(${dailyRollups.smsCostMinor})` })
    .from(dailyRollups)
    .innerJoin(clinics, eq(clinics.id, dailyRollups.clinicId))
    .where(between(dailyRollups.day, from, to))
    .groupBy(clinics.currency)
    .orderBy(clinics.currency);
}

/** Alerts fired in `[fromMs, toMs)`, newest first, with the clinic's name where there is one. */
export function alertsFiredBetween(db: Database, fromMs: number, toMs: number, limit: number) {
  return db
    .select({ id: alertInstances.id, kind: alertRules.kind, threshold: alertRules.threshold, clinicName: clinics.name, value: alertInstances.value, firedAt: alertInstances.firedAt, resolvedAt: alertInstances.resolvedAt })
    .from(alertInstances)
    .innerJoin(alertRules, eq(alertRules.id, alertInstances.ruleId))
    .leftJoin(clinics, eq(clinics.id, alertInstances.clinicId))
    .where(and(sql`${alertInstances.firedAt} >= ${fromMs}`, sql`${alertInstances.firedAt} < ${toMs}`))
    .orderBy(desc(alertInstances.firedAt))
    .limit(limit);
}

/** PRODUCT "Clinic status": a clinic without a login, created under this long ago, is opening. */
const ONBOARDING_DAYS = 30;

/**
 * The clinics opening at `at` (PRODUCT: no login yet, created under 30 days ago, not archived),
 * the newest first, with when they were created.
 */
export function onboardingClinics(db: Database, at: number, limit: number): Promise<Array<{ name: string; createdAt: number }>> {
  const clinic = openingClinic;
  return db
    .select({ name: clinic.name, createdAt: clinic.createdAt })
    .from(clinic)
    .where(isOpeningAt(db, at))
    .orderBy(desc(clinic.createdAt), asc(clinic.name))
    .limit(limit);
}

/** The clinic `isOpeningAt` is about. Named: drizzle leaves a one-table select's own columns unqualified, and the login lookup must name the outer clinic. */
export const openingClinic = alias(clinics, 'opening');

/** `openingClinic` is opening at `at` (PRODUCT: no login yet, created under 30 days ago, not archived). */
export function isOpeningAt(db: Database, at: number) {
  const clinic = openingClinic;
  const loggedIn = db
    .select({ one: sql`1` })
    .from(clinicActivity)
    // clinic_activity_clinic_kind_idx: one seek per clinic.
    .where(and(eq(clinicActivity.clinicId, clinic.id), eq(clinicActivity.kind, 'clinic_login'), lte(clinicActivity.occurredAt, at)));
  return and(isNull(clinic.archivedAt), lte(clinic.createdAt, at), gt(clinic.createdAt, at - ONBOARDING_DAYS * DAY_MS), notExists(loggedIn));
}

export interface FailedJobs {
  jobType: string;
  count: number;
  /** The latest of them: when it reached the dead letters, and the job it carried (a dead letter keeps the job, not its error). */
  latestAt: number;
  latestBody: string;
}

/** The jobs that reached the dead letters in `[fromMs, toMs)`, per job type, the most failed first. */
export function failedJobsBetween(db: Database, fromMs: number, toMs: number): Promise<FailedJobs[]> {
  const latestAt = sql<number>`max(${deadLetters.receivedAt})`.mapWith(Number);
  return db
    .select({
      jobType: deadLetters.jobType,
      count: count(),
      latestAt,
      // SQLite takes a bare column from the row that gave the lone max(): the latest letter's body.
      latestBody: sql<string>`${deadLetters.body}`,
    })
    .from(deadLetters)
    // dead_letters_received_idx: the week's letters.
    .where(and(gte(deadLetters.receivedAt, fromMs), lt(deadLetters.receivedAt, toMs)))
    .groupBy(deadLetters.jobType)
    .orderBy(desc(count()), asc(deadLetters.jobType));
}
