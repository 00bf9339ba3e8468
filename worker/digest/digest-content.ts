/**
 * Reads what a Monday digest says, for one clinic or for the service, from rollups and the
 * admin console's own queries. Rendering per recipient (their language) is the e-mail modules'.
 */
import type { Database } from '../../db/client.ts';
import { clinicZones, mrrAt, serviceTotals } from '../../db/queries/admin-figures.ts';
import { readArrivals, readGroupedDays } from '../../db/queries/history.ts';
import { alertsFiredBetween, qrLaggards, weekSms } from '../../db/queries/service-digest.ts';
import { DAY_MS, daysSince } from '../domain/business-figures.ts';
import { addClinicDays, startOfClinicDay } from '../domain/clinic-time.ts';
import { clinicWeekDigest, type ClinicWeekDigest } from '../domain/weekly-digest.ts';
import type { ServiceWeekDigest } from './service-digest-email.ts';

/** The service's own clock: the super admin's digest goes out on Monday 09:00 in Tunis. */
export const SERVICE_TIME_ZONE = 'Africa/Tunis';

/** How many clinics a digest list names; the administration has the rest. */
const LIST_LIMIT = 20;

export function weekOf(weekStart: string): { from: string; to: string } {
  return { from: weekStart, to: addClinicDays(weekStart, 6) };
}

/** A clinic's week and the week before it, from its daily and hourly rollups. */
export async function readClinicWeekDigest(db: Database, clinicId: string, weekStart: string): Promise<ClinicWeekDigest> {
  const week = weekOf(weekStart);
  const [days, arrivals] = await Promise.all([
    readGroupedDays(db, clinicId, { from: addClinicDays(week.from, -7), to: week.to }, 'day'),
    readArrivals(db, clinicId, week),
  ]);
  const byHour = new Map<number, number>();
  for (const row of arrivals.arrivals) byHour.set(row.hour, (byHour.get(row.hour) ?? 0) + row.arrivals);
  return clinicWeekDigest(week, days, [...byHour].map(([hour, count]) => ({ hour, arrivals: count })));
}

/** The business as it stands at `at`, and the week's adoption, SMS and alerts. */
export async function readServiceWeekDigest(db: Database, weekStart: string, at: number): Promise<ServiceWeekDigest> {
  const week = weekOf(weekStart);
  const zones = await clinicZones(db);
  const weekStartMs = startOfClinicDay(week.from, SERVICE_TIME_ZONE);
  const weekEndMs = startOfClinicDay(addClinicDays(week.to, 1), SERVICE_TIME_ZONE);
  const [service, weekAgo, laggards, sms, alerts] = await Promise.all([
    serviceTotals(db, zones, at),
    mrrAt(db, at - 7 * DAY_MS),
    qrLaggards(db, week.from, week.to, LIST_LIMIT),
    weekSms(db, week.from, week.to),
    alertsFiredBetween(db, weekStartMs, weekEndMs, LIST_LIMIT),
  ]);
  return {
    week,
    mrr: service.perCurrency.map((row) => ({ currency: row.currency, nowMinor: row.mrrMinor, weekAgoMinor: weekAgo.clinicsThen > 0 ? (weekAgo.mrr.get(row.currency) ?? 0) : null })),
    activeClinics: service.totals.activeClinics,
    totalClinics: service.totals.totalClinics,
    onboardingClinics: service.totals.onboarding,
    notActive: service.churnRisk.slice(0, LIST_LIMIT).map((clinic) => ({ name: clinic.name, status: clinic.status, daysSinceLogin: daysSince(clinic.lastLoginAt, at) })),
    laggards: laggards.map((row) => ({ name: row.name, checkins: Number(row.checkins), qrShare: Number(row.qrShare) })),
    sms: sms.map((row) => ({ currency: row.currency, sent: Number(row.sent), costMinor: Number(row.costMinor) })),
    alerts: alerts.map((row) => ({ kind: row.kind, clinicName: row.clinicName, value: row.value, threshold: row.threshold, resolved: row.resolvedAt !== null })),
  };
}
