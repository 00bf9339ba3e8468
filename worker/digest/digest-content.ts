/**
 * Reads what a Monday digest says, for one clinic or for the service, from rollups and the
 * admin console's own queries. Rendering per recipient (their language) is the e-mail modules'.
 */
import { alertDetailOf } from '../../db/queries/alert-instances.ts';
import type { Database } from '../../db/client.ts';
import { clinicZones, mrrAt, serviceTotals } from '../../db/queries/admin-figures.ts';
import { annotationsBetween } from '../../db/queries/annotations.ts';
import { clinicAlertsBetween, readHourWaits } from '../../db/queries/clinic-digest.ts';
import { readArrivals, readGroupedDays } from '../../db/queries/history.ts';
import { alertsFiredBetween, failedJobsBetween, onboardingClinics, qrLaggards, weekSms } from '../../db/queries/service-digest.ts';
import { revenueOf } from '../../db/queries/revenue-movements.ts';
import { readSmsBudget, smsMonthToDate } from '../../db/queries/sms-budget.ts';
import { DAY_MS, daysSince } from '../domain/business-figures.ts';
import { addClinicDays, startOfClinicDay } from '../domain/clinic-time.ts';
import { chooseInsight, historyOf, sameWeekdays } from '../domain/digest-insights.ts';
import { monthOfDay } from '../domain/sms-budget.ts';
import { clinicWeekDigest, smsBudgetLine, weekChart, type ClinicWeekReport } from '../domain/weekly-digest.ts';
import type { ServiceWeekDigest } from './service-digest-email.ts';

/** The service's own clock: the super admin's digest goes out on Monday 09:00 in Tunis. */
export const SERVICE_TIME_ZONE = 'Africa/Tunis';

/** How many clinics a digest list names; the administration has the rest. */
const LIST_LIMIT = 20;

export function weekOf(weekStart: string): { from: string; to: string } {
  return { from: weekStart, to: addClinicDays(weekStart, 6) };
}

/** How many of the clinic's alerts of the week the digest lists; the app has the rest. */
const ALERT_LIMIT = 30;

/** The clinic a digest is about: its week is on its own clock. */
export interface DigestClinic {
  id: string;
  timezone: string;
}

/**
 * A clinic's week, the 4 weeks before it (the week before for the comparison, all four for the
 * insight), its waits per hour, notes, month of SMS against its budget and alerts: from its daily
 * and hourly rollups, in parallel.
 */
export async function readClinicWeekDigest(db: Database, clinic: DigestClinic, weekStart: string): Promise<ClinicWeekReport> {
  const week = weekOf(weekStart);
  const month = monthOfDay(week.to);
  const [days, arrivals, hours, notes, budget, sms, alerts] = await Promise.all([
    readGroupedDays(db, clinic.id, { from: historyOf(week).from, to: week.to }, 'day'),
    readArrivals(db, clinic.id, week),
    readHourWaits(db, clinic.id, week),
    annotationsBetween(db, clinic.id, week.from, week.to),
    readSmsBudget(db, clinic.id),
    smsMonthToDate(db, clinic.id, month, week.to),
    clinicAlertsBetween(db, clinic.id, startOfClinicDay(week.from, clinic.timezone), startOfClinicDay(addClinicDays(week.to, 1), clinic.timezone), ALERT_LIMIT),
  ]);
  const byHour = new Map<number, number>();
  for (const row of arrivals.arrivals) byHour.set(row.hour, (byHour.get(row.hour) ?? 0) + row.arrivals);
  const insightWeek = { week, days, hours };
  return {
    ...clinicWeekDigest(week, days, [...byHour].map(([hour, count]) => ({ hour, arrivals: count }))),
    insight: chooseInsight(insightWeek),
    sameWeekday: sameWeekdays(insightWeek),
    chart: weekChart(week, days),
    notes: notes.map((note) => ({ day: note.day, text: note.text, author: note.author, serviceWide: note.clinicId === null })),
    smsBudget: smsBudgetLine(budget?.budgetMinor ?? null, month, week.to, sms),
    // A week holds a few alerts (each fires once until it resolves): one read each for what it saw.
    alerts: await Promise.all(alerts.map(async (alert) => ({ kind: alert.kind, value: alert.value, threshold: alert.threshold, firedAt: alert.firedAt, resolvedAt: alert.resolvedAt, detail: await alertDetailOf(db, alert) }))),
  };
}

/** The business as it stands at `at`, and the week's adoption, SMS and alerts. */
export async function readServiceWeekDigest(db: Database, weekStart: string, at: number): Promise<ServiceWeekDigest> {
  const week = weekOf(weekStart);
  const zones = await clinicZones(db);
  const weekStartMs = startOfClinicDay(week.from, SERVICE_TIME_ZONE);
  const weekEndMs = startOfClinicDay(addClinicDays(week.to, 1), SERVICE_TIME_ZONE);
  const [service, weekAgo, laggards, sms, alerts, opening, failedJobs, movements] = await Promise.all([
    serviceTotals(db, zones, at),
    mrrAt(db, at - 7 * DAY_MS),
    qrLaggards(db, week.from, week.to, LIST_LIMIT),
    weekSms(db, week.from, week.to),
    alertsFiredBetween(db, weekStartMs, weekEndMs, LIST_LIMIT),
    onboardingClinics(db, at, LIST_LIMIT),
    failedJobsBetween(db, weekStartMs, weekEndMs),
    // The month to date (UTC): what moved the MRR since the 1st.
    revenueOf(db, at, 1),
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
    opening: opening.map((clinic) => ({ name: clinic.name, daysSinceCreation: Math.floor((at - clinic.createdAt) / DAY_MS) })),
    failedJobs,
    mrrMovements: movements.currencies.flatMap(({ currency, months }) => months.map((month) => ({ currency, ...month }))),
  };
}
