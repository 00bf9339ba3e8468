/**
 * The super admin's Monday digest, from rollups: each clinic's week of check-ins (QR laggards),
 * the week's SMS per currency, and the alerts fired during the week. The week is one set of
 * calendar days for every clinic, each counted on its own clinic days, like every other figure.
 */
import { and, between, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { alertInstances, alertRules } from '../schema/alerts.ts';
import { clinics } from '../schema/clinics.ts';
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
