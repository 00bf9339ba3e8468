import type { Database } from '../../db/client.ts';
import { clinicZones, mrrAt, serviceTotals } from '../../db/queries/admin-figures.ts';
import { businessDaysBetween, firingAlerts, loginMonths, rollupTotalsByDay, smsSince } from '../../db/queries/business.ts';
import type { AdminMetrics, AdminTimeframe, AdminTrends } from '../domain/admin-wire.ts';
import { changePercent, DAY_MS, daysSince, shareOf } from '../domain/business-figures.ts';
import { addClinicDays, clinicDayOf } from '../domain/clinic-time.ts';
import { retentionByCohort } from '../domain/cohort-retention.ts';
import { daysOf } from '../domain/history-figures.ts';
import type { Clock } from '../runtime/clock.ts';
import type { Unstamped } from './unstamped-answer.ts';

/** What the business overview reads: every clinic's figures, at the clock's now. */
export interface BusinessRuntime {
  db: Database;
  clock: Clock;
}

/** PRODUCT: the SMS failure rate is only meaningful from this many SMS in the hour. */
const MIN_SMS_FOR_RATE = 20;
const TREND_DAYS: Record<AdminTimeframe, number> = { '30d': 30, '90d': 90, '1y': 365 };

/** Every business figure of PRODUCT.md as it stands now, each with its window (the admin home). */
export async function businessNow({ db, clock }: BusinessRuntime): Promise<AdminMetrics> {
  const now = clock.now();
  const zones = await clinicZones(db);
  const [service, weekAgo, sms, alerts] = await Promise.all([serviceTotals(db, zones, now), mrrAt(db, now - 7 * DAY_MS), smsSince(db, now - 3_600_000), firingAlerts(db)]);
  const { totals, perCurrency } = service;
  const currencies = [...new Set([...perCurrency.map((row) => row.currency), ...weekAgo.mrr.keys()])].sort();
  const mrrNow = new Map(perCurrency.map((row) => [row.currency, row.mrrMinor]));
  return {
    asOf: new Date(now).toISOString(),
    totalClinics: totals.totalClinics,
    activeClinics: { count: totals.activeClinics, window: '30d' },
    onboardingClinics: { count: totals.onboarding, window: '30d' },
    mrr: currencies.map((currency) => {
      const amountMinor = mrrNow.get(currency) ?? 0;
      const sevenDaysAgoMinor = weekAgo.clinicsThen > 0 ? (weekAgo.mrr.get(currency) ?? 0) : null;
      return { currency, amountMinor, sevenDaysAgoMinor, changePercent: changePercent(amountMinor, sevenDaysAgoMinor) };
    }),
    patientsToday: { count: totals.patientsToday, window: 'clinic_today' },
    smsToday: {
      count: totals.smsToday,
      cost: perCurrency.filter((row) => row.smsCostMinor > 0).map((row) => ({ currency: row.currency, amountMinor: row.smsCostMinor })),
      window: 'clinic_today',
    },
    smsFailureRate: { rate: sms.sent >= MIN_SMS_FOR_RATE ? shareOf(sms.failed, sms.sent) : null, sent: sms.sent, failed: sms.failed, window: '1h', minimumSent: MIN_SMS_FOR_RATE },
    // Onboarding clinics are in "all clinics" (the share's whole) but never at churn risk.
    churnRisk: {
      count: totals.atRisk + totals.churned,
      share: shareOf(totals.atRisk + totals.churned, totals.totalClinics),
      atRisk: totals.atRisk,
      churned: totals.churned,
      clinics: service.churnRisk.map((clinic) => ({ clinicId: clinic.clinicId, name: clinic.name, status: clinic.status, daysSinceLastLogin: daysSince(clinic.lastLoginAt, now) })),
      window: '7d',
    },
    qrAdoption: { today: shareOf(totals.qrToday, totals.patientsToday), last30Days: shareOf(totals.qr30d, totals.patients30d) },
    averageQueueLength: { value: totals.openQueues > 0 ? Math.round((totals.waitingInOpenQueues / totals.openQueues) * 10) / 10 : null, openQueues: totals.openQueues },
    firingAlerts: alerts.map((alert) => ({ ...alert, firedAt: new Date(alert.firedAt).toISOString() })),
  };
}

/** Daily series of the business over `timeframe` (today as it stands now), logins, and retention by signup month. */
export async function businessTrends({ db, clock }: BusinessRuntime, timeframe: AdminTimeframe): Promise<Unstamped<AdminTrends>> {
  const now = clock.now();
  const to = clinicDayOf(now, 'UTC');
  const from = addClinicDays(to, -(TREND_DAYS[timeframe] - 1));
  const zones = await clinicZones(db);
  const [snapshots, totals, service, logins] = await Promise.all([businessDaysBetween(db, from, to), rollupTotalsByDay(db, from, to), serviceTotals(db, zones, now), loginMonths(db)]);
  const snapshotOf = new Map(snapshots.map((row) => [row.day, row]));
  const totalOf = new Map(totals.map((row) => [row.day, row]));
  // Today has no snapshot yet: it is the business as admin/metrics sees it now.
  const current = service.totals;
  const currentMrr = Object.fromEntries(service.perCurrency.filter((row) => row.mrrMinor > 0).map((row) => [row.currency, row.mrrMinor]));
  const currency = Object.keys(currentMrr)[0] ?? 'TND';
  const points = daysOf({ from, to }).map((day) => {
    const snapshot = snapshotOf.get(day);
    const mrr = day === to ? currentMrr : snapshot === undefined ? undefined : (JSON.parse(snapshot.mrr) as Record<string, number>);
    const total = totalOf.get(day);
    return {
      day,
      mrrMinor: mrr === undefined ? null : (mrr[currency] ?? 0),
      activeClinics: day === to ? current.activeClinics : (snapshot?.activeClinics ?? null),
      patients: total?.patients ?? 0,
      smsSent: total?.smsSent ?? 0,
      smsCostMinor: total?.smsCostMinor ?? 0,
      qrAdoption: shareOf(total?.qr ?? 0, total?.patients ?? 0),
      dau: day === to ? current.dau : (snapshot?.dau ?? null),
    };
  });
  return {
    timeframe,
    currency,
    period: { from, to },
    points,
    logins: { dau: current.dau, wau: current.wau, mau: current.activeClinics },
    retention: retentionByCohort(logins.clinics, logins.months, now),
  };
}
