import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { businessDaysBetween, clinicDayFigures, clinicsStandingAt, firingAlerts, loginMonths, rollupTotalsByDay, smsSince } from '../../db/queries/business.ts';
import type { AppEnv } from '../app-env.ts';
import { authorize } from '../auth/authorize.ts';
import { SUPER_ADMIN } from '../auth/policy.ts';
import { ADMIN_TIMEFRAMES, AdminMetricsSchema, AdminTrendsSchema, type AdminMetrics, type AdminTimeframe, type AdminTrends } from '../domain/admin-wire.ts';
import { businessStandingAt, changePercent, DAY_MS, daysSince, shareOf, statusAt } from '../domain/business-figures.ts';
import { addClinicDays, clinicDayOf } from '../domain/clinic-time.ts';
import { daysOf } from '../domain/history-figures.ts';
import { retentionByCohort } from '../domain/cohort-retention.ts';
import { cachedAnswer } from '../services/answer-cache.ts';
import { errorResponses, jsonContent } from './openapi-helpers.ts';

const adminErrors = errorResponses('VALIDATION_FAILED', 'UNAUTHORIZED', 'NOT_FOUND', 'UNAVAILABLE');
/** PRODUCT: the SMS failure rate is only meaningful from this many SMS in the hour. */
const MIN_SMS_FOR_RATE = 20;
const TREND_DAYS: Record<AdminTimeframe, number> = { '30d': 30, '90d': 90, '1y': 365 };

const metrics = createRoute({
  method: 'get',
  path: '/admin/metrics',
  tags: ['admin'],
  summary: 'Every business figure of PRODUCT.md, now, each with its window',
  middleware: [authorize(SUPER_ADMIN)] as const,
  responses: { 200: jsonContent(AdminMetricsSchema.openapi('AdminMetrics'), 'Now'), ...adminErrors },
});

const trends = createRoute({
  method: 'get',
  path: '/admin/trends',
  tags: ['admin'],
  summary: 'Daily series of MRR, active clinics, patients, SMS and QR adoption; logins; retention by signup month',
  middleware: [authorize(SUPER_ADMIN)] as const,
  request: { query: z.object({ timeframe: z.enum(ADMIN_TIMEFRAMES).default('30d') }) },
  responses: { 200: jsonContent(AdminTrendsSchema.openapi('AdminTrends'), 'Cached up to 5 minutes'), 304: { description: 'Not modified' }, ...adminErrors },
});

/** Sums of per-currency amounts, as a list. */
function moneyList(amounts: Map<string, number>) {
  return [...amounts].map(([currency, amountMinor]) => ({ currency, amountMinor }));
}

async function metricsNow(c: Context<AppEnv>): Promise<AdminMetrics> {
  const { db, clock } = c.var.services;
  const now = clock.now();
  const [clinics, weekAgo, sms, alerts] = await Promise.all([clinicsStandingAt(db, now), clinicsStandingAt(db, now - 7 * DAY_MS), smsSince(db, now - 3_600_000), firingAlerts(db)]);
  const figures = await clinicDayFigures(db, clinics, now);
  const business = businessStandingAt(clinics, now);
  const before = businessStandingAt(weekAgo, now - 7 * DAY_MS);

  let patients = 0;
  let qrToday = 0;
  let smsToday = 0;
  const smsCost = new Map<string, number>();
  let qrMonth = 0;
  let patientsMonth = 0;
  let openQueues = 0;
  let waitingInOpen = 0;
  for (const clinic of clinics) {
    const today = figures.today.get(clinic.clinicId);
    const month = figures.month.get(clinic.clinicId);
    patients += today?.patients ?? 0;
    qrToday += today?.qr ?? 0;
    smsToday += today?.smsSent ?? 0;
    smsCost.set(clinic.currency, (smsCost.get(clinic.currency) ?? 0) + (today?.smsCostMinor ?? 0));
    qrMonth += month?.qr ?? 0;
    patientsMonth += month?.patients ?? 0;
    // A queue is open today once a patient has checked in.
    if ((today?.patients ?? 0) > 0) {
      openQueues += 1;
      waitingInOpen += figures.waiting.get(clinic.clinicId) ?? 0;
    }
  }
  const currencies = new Set([...Object.keys(business.mrr), ...Object.keys(before.mrr)]);
  const atRisk = clinics
    .map((clinic) => ({ clinicId: clinic.clinicId, name: clinic.name, status: statusAt(clinic.lastLoginAt, now), daysSinceLastLogin: daysSince(clinic.lastLoginAt, now) }))
    .filter((clinic) => clinic.status !== 'active')
    .sort((a, b) => (a.status === b.status ? a.name.localeCompare(b.name) : a.status === 'at_risk' ? -1 : 1));
  return {
    asOf: new Date(now).toISOString(),
    totalClinics: business.totalClinics,
    activeClinics: { count: business.activeClinics, window: '30d' },
    mrr: [...currencies].sort().map((currency) => {
      const amountMinor = business.mrr[currency] ?? 0;
      const sevenDaysAgoMinor = before.totalClinics > 0 ? (before.mrr[currency] ?? 0) : null;
      return { currency, amountMinor, sevenDaysAgoMinor, changePercent: changePercent(amountMinor, sevenDaysAgoMinor) };
    }),
    patientsToday: { count: patients, window: 'clinic_today' },
    smsToday: { count: smsToday, cost: moneyList(smsCost).filter((money) => money.amountMinor > 0), window: 'clinic_today' },
    smsFailureRate: { rate: sms.sent >= MIN_SMS_FOR_RATE ? shareOf(sms.failed, sms.sent) : null, sent: sms.sent, failed: sms.failed, window: '1h', minimumSent: MIN_SMS_FOR_RATE },
    churnRisk: {
      count: business.atRisk + business.churned,
      share: shareOf(business.atRisk + business.churned, business.totalClinics),
      atRisk: business.atRisk,
      churned: business.churned,
      clinics: atRisk,
      window: '7d',
    },
    qrAdoption: { today: shareOf(qrToday, patients), last30Days: shareOf(qrMonth, patientsMonth) },
    averageQueueLength: { value: openQueues > 0 ? Math.round((waitingInOpen / openQueues) * 10) / 10 : null, openQueues },
    firingAlerts: alerts.map((alert) => ({ ...alert, firedAt: new Date(alert.firedAt).toISOString() })),
  };
}

async function trendsOver(c: Context<AppEnv>, timeframe: AdminTimeframe): Promise<Omit<AdminTrends, 'lastUpdated' | 'dataFreshness' | 'stale' | 'ageSeconds'>> {
  const { db, clock } = c.var.services;
  const now = clock.now();
  const to = clinicDayOf(now, 'UTC');
  const from = addClinicDays(to, -(TREND_DAYS[timeframe] - 1));
  const [snapshots, totals, clinics, logins] = await Promise.all([businessDaysBetween(db, from, to), rollupTotalsByDay(db, from, to), clinicsStandingAt(db, now), loginMonths(db)]);
  const snapshotOf = new Map(snapshots.map((row) => [row.day, row]));
  const totalOf = new Map(totals.map((row) => [row.day, row]));
  // Today has no snapshot yet: it is the business as it stands now.
  const current = businessStandingAt(clinics, now);
  const currency = Object.keys(current.mrr)[0] ?? 'TND';
  const points = daysOf({ from, to }).map((day) => {
    const snapshot = snapshotOf.get(day);
    const mrr = day === to ? current.mrr : snapshot === undefined ? undefined : (JSON.parse(snapshot.mrr) as Record<string, number>);
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
    logins: { dau: current.dau, wau: current.wau, mau: current.mau },
    retention: retentionByCohort(logins.clinics, logins.months, now),
  };
}

export const adminMetricsRoutes = new OpenAPIHono<AppEnv>()
  .openapi(metrics, async (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json(await metricsNow(c), 200);
  })
  .openapi(trends, async (c) => {
    const { timeframe } = c.req.valid('query');
    return cachedAnswer(c, `admin/trends/${timeframe}`, () => trendsOver(c, timeframe));
  });
