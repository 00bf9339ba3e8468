import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createDatabase } from '../../db/client.ts';
import { businessDaysBetween } from '../../db/queries/business.ts';
import { clinicActivity, clinics, dailyRollups, queueEntries, sessions, smsMessages, users } from '../../db/schema/index.ts';
import { sha256Hex } from '../../worker/auth/secrets.ts';
import { createApp } from '../../worker/app.ts';
import { searchKey } from '../../worker/domain/search-key.ts';
import type { AdminMetrics, AdminTrends, ClinicHealthPage } from '../../worker/domain/admin-wire.ts';
import { emptyRollupCounters, type RollupCounters } from '../../worker/domain/rollup.ts';
import { evaluateAlerts, readAlertObservations } from '../../worker/jobs/alert-evaluation.ts';
import { snapshotBusinessDays } from '../../worker/jobs/business-snapshot.ts';
import { businessNow } from '../../worker/use-cases/business-overview.ts';
import { clinicHealthTable } from '../../worker/use-cases/clinic-console.ts';
import { deliverJobs } from '../support/jobs.ts';
import { callOwnApp, jsonOf } from '../support/world.ts';
import { insertClinics } from '../../db/queries/clinic-prices.ts';

/**
 * The whole service, hand-built in a database of its own, seen at a pinned instant: 00:30 UTC on
 * 25 November 2026 — already the 25th in Tunis, Paris and Tokyo, still the 24th in New York.
 */
const NOW = Date.parse('2026-11-25T00:30:00Z');
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const db = createDatabase({ url: inject('serviceLibsqlUrl'), authToken: inject('serviceLibsqlAuthToken') });
const serviceEnv = { ...env, LIBSQL_URL: inject('serviceLibsqlUrl'), LIBSQL_AUTH_TOKEN: inject('serviceLibsqlAuthToken') };
const app = createApp({ clock: { now: () => NOW } });
const ADMIN_TOKEN = 'admin-console-test-session';

/** The super admin's console on this service, at the pinned instant. */
const call = async <T = unknown>(path: string, init: RequestInit = {}) => jsonOf<T>(await callOwnApp(app, serviceEnv, path, { ...init, token: ADMIN_TOKEN }));
/** Every business day the service has a snapshot of: its database is this file's alone. */
const allBusinessDays = () => businessDaysBetween(db, '0000-01-01', '9999-12-31');

const clinic = (id: string, name: string, timezone: string, planPriceMinor: number, extra: Partial<typeof clinics.$inferInsert> = {}) => ({
  id, name, nameKey: searchKey(name), timezone, planPriceMinor, smsUnitCostMinor: 40, currency: 'TND', createdAt: Date.parse('2026-09-10T12:00:00Z'), ...extra,
});
const login = (clinicId: string, at: number) => ({ clinicId, kind: 'clinic_login' as const, occurredAt: at, userId: null, detail: '{"platform":"web"}' });
const rollup = (clinicId: string, day: string, counters: Partial<RollupCounters>) => ({ clinicId, day, ...emptyRollupCounters(), ...counters, updatedAt: NOW, finalizedAt: null });
const waiting = (clinicId: string, id: string, clinicDay: string) => ({
  clinicId, id, clinicDay, ticketNumber: 1, method: 'qr' as const, state: 'waiting' as const, checkedInAt: NOW - HOUR, updatedAt: NOW - HOUR,
});

describe('the admin console on a hand-built service across time zones', () => {
  beforeAll(async () => {
    const augustSignup = { createdAt: Date.parse('2026-08-15T12:00:00Z') };
    await insertClinics(db, [
      clinic('a', 'Amel Tunis', 'Africa/Tunis', 50_000, augustSignup),
      clinic('g', 'Gafsa Almost', 'Africa/Tunis', 50_000, augustSignup),
      clinic('b', 'Bizerte Seven', 'Africa/Tunis', 50_000),
      clinic('c', 'Clinique New York', 'America/New_York', 60_000),
      clinic('d', 'Dr Tokyo', 'Asia/Tokyo', 40_000),
      clinic('e', 'Élise Paris', 'Europe/Paris', 50_000),
      clinic('f', 'Fermée', 'Africa/Tunis', 50_000, { createdAt: Date.parse('2026-01-05T12:00:00Z'), archivedAt: NOW - DAY }),
    ]);
    await db.insert(clinicActivity).values([
      login('a', Date.parse('2026-09-20T10:00:00Z')),
      login('a', NOW - 20 * DAY),
      login('a', NOW - 2 * HOUR),
      login('g', NOW - 7 * DAY + MINUTE),
      login('b', NOW - 7 * DAY),
      login('c', NOW - 30 * DAY),
      login('d', NOW - 30 * DAY - MINUTE),
      login('f', NOW - HOUR),
    ]);
    await db.insert(dailyRollups).values([
      rollup('a', '2026-11-25', { checkinsQr: 2, checkinsManual: 1, waitSumMs: 20 * MINUTE, waitCount: 2, smsSent: 5, smsCostMinor: 200 }),
      rollup('a', '2026-11-24', { checkinsQr: 4, checkinsManual: 6 }),
      rollup('a', '2026-11-10', { checkinsQr: 5, checkinsManual: 5 }),
      // New York's today is still the 24th; its 25th has not begun.
      rollup('c', '2026-11-24', { checkinsQr: 1, checkinsManual: 3, smsSent: 1, smsCostMinor: 40 }),
      rollup('d', '2026-11-25', { checkinsManual: 2 }),
      rollup('f', '2026-11-25', { checkinsQr: 100 }),
    ]);
    await db.insert(queueEntries).values([waiting('a', 'a1', '2026-11-25'), waiting('a', 'a2', '2026-11-25'), waiting('c', 'c1', '2026-11-24'), waiting('f', 'f1', '2026-11-25')]);
    await db.insert(smsMessages).values(
      Array.from({ length: 25 }, (_, index) => ({ clinicId: 'a', id: `sms-${index}`, entryId: null, kind: 'your_turn' as const, status: index < 3 ? ('failed' as const) : ('delivered' as const), costMinor: 40, sentAt: NOW - 30 * MINUTE })),
    );
    await db.insert(users).values({ id: 'root', email: 'root@service.test', role: 'super_admin', createdAt: 0 });
    await db.insert(sessions).values({ tokenHash: await sha256Hex(ADMIN_TOKEN), userId: 'root', createdAt: NOW, lastSeenAt: NOW, expiresAt: NOW + DAY });
    await snapshotBusinessDays(db, { from: '2026-11-18', to: '2026-11-24' }, NOW);
  });

  it('should give every business figure exactly, archived clinics left out', async () => {
    const { status, body } = await call<AdminMetrics>('/admin/metrics');
    expect(status).toBe(200);
    expect(body.totalClinics).toBe(6);
    // A login within 30 days, 30 days included: Amel, Gafsa, Bizerte, New York.
    expect(body.activeClinics).toEqual({ count: 4, window: '30d' });
    // Élise Paris never logged in but signed up 76 days ago: churned, not opening.
    expect(body.onboardingClinics).toEqual({ count: 0, window: '30d' });
    // 7 days ago: Amel, Bizerte (that very instant), New York, Tokyo were active; Gafsa had no login yet.
    expect(body.mrr).toEqual([{ currency: 'TND', amountMinor: 210_000, sevenDaysAgoMinor: 200_000, changePercent: 5 }]);
    // Each clinic on its own day: Tunis's 25th, New York's 24th, Tokyo's 25th; not Fermée's 100.
    expect(body.patientsToday).toEqual({ count: 9, window: 'clinic_today' });
    expect(body.smsToday).toEqual({ count: 6, cost: [{ currency: 'TND', amountMinor: 240 }], window: 'clinic_today' });
    expect(body.smsFailureRate).toEqual({ rate: 0.12, sent: 25, failed: 3, window: '1h', minimumSent: 20 });
    expect(body.churnRisk).toMatchObject({ count: 4, share: 0.6667, atRisk: 2, churned: 2, window: '7d' });
    expect(body.churnRisk.clinics).toEqual([
      { clinicId: 'b', name: 'Bizerte Seven', status: 'at_risk', daysSinceLastLogin: 7 },
      { clinicId: 'c', name: 'Clinique New York', status: 'at_risk', daysSinceLastLogin: 30 },
      { clinicId: 'd', name: 'Dr Tokyo', status: 'churned', daysSinceLastLogin: 30 },
      { clinicId: 'e', name: 'Élise Paris', status: 'churned', daysSinceLastLogin: null },
    ]);
    // QR: today 3 of 9; over each clinic's last 30 days 12 of 29.
    expect(body.qrAdoption).toEqual({ today: 0.3333, last30Days: 0.4138 });
    // Open queues (a check-in today): Amel 2 waiting, New York 1, Tokyo 0.
    expect(body.averageQueueLength).toEqual({ value: 1, openQueues: 3 });
    expect(body.firingAlerts).toEqual([]);
  });

  it('should list clinic health, sorted with unknowns last, filtered, searched without accents, paged', async () => {
    const { body } = await call<ClinicHealthPage>('/admin/clinics?sort=daysSinceLastLogin&order=desc');
    expect(body.clinics.map((row) => [row.clinicId, row.status, row.daysSinceLastLogin])).toEqual([
      ['c', 'at_risk', 30],
      ['d', 'churned', 30],
      ['b', 'at_risk', 7],
      ['g', 'active', 6],
      ['a', 'active', 0],
      ['e', 'churned', null],
    ]);
    expect(body.total).toBe(6);
    const amel = body.clinics.find((row) => row.clinicId === 'a');
    expect(amel).toMatchObject({ patientsToday: 3, avgWaitToday: 10, planPrice: { currency: 'TND', amountMinor: 50_000 }, qrShare30d: 0.4783, archived: false });
    expect(body.clinics.find((row) => row.clinicId === 'c')).toMatchObject({ patientsToday: 4, avgWaitToday: null, qrShare30d: 0.25 });

    const atRisk = await call<ClinicHealthPage>('/admin/clinics?status=at_risk');
    expect(atRisk.body.clinics.map((row) => row.name)).toEqual(['Bizerte Seven', 'Clinique New York']);
    expect((await call<ClinicHealthPage>('/admin/clinics?q=ELISE')).body.clinics.map((row) => row.clinicId)).toEqual(['e']);
    const second = await call<ClinicHealthPage>('/admin/clinics?sort=name&pageSize=2&page=2');
    expect(second.body.clinics.map((row) => row.name)).toEqual(['Clinique New York', 'Dr Tokyo']);
    expect((await call<ClinicHealthPage>('/admin/clinics?archived=true')).body.clinics.map((row) => row.clinicId)).toEqual(['f']);
    const wrong = await call<{ error: { code: string } }>('/admin/clinics?sort=mood');
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.code).toBe('VALIDATION_FAILED');
  });

  it('should count logins per day, week and month, and retention by signup month', async () => {
    const { body } = await call<AdminTrends>('/admin/trends?timeframe=30d');
    expect(body.logins).toEqual({ dau: 1, wau: 2, mau: 4 });
    expect(body.retention).toEqual([
      { cohort: '2026-08', clinics: 2, retained: [0.5, 0, 1] },
      { cohort: '2026-09', clinics: 4, retained: [0.5, 0.25, null] },
    ]);
    expect(body.period).toEqual({ from: '2026-10-27', to: '2026-11-25' });
    expect(body.points).toHaveLength(30);
    const point = (day: string) => body.points.find((entry) => entry.day === day);
    // The snapshot of the 24th (end of day, 23:59:59.999 UTC): Bizerte and Tokyo were still within their windows.
    expect(point('2026-11-24')).toMatchObject({ activeClinics: 5, mrrMinor: 250_000, dau: 1, patients: 14, smsSent: 1, qrAdoption: 0.3571 });
    expect(point('2026-11-25')).toMatchObject({ activeClinics: 4, mrrMinor: 210_000, dau: 1, patients: 5 });
    // Before the first snapshot, nothing is made up.
    expect(point('2026-11-01')).toMatchObject({ activeClinics: null, mrrMinor: null, patients: 0 });
  });

  it('should create, edit, archive and restore a clinic, each change audited and on its timeline', async () => {
    const json = (method: string, body: unknown): RequestInit => ({ method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    const created = await call<{ clinic: { clinicId: string; planPrice: { amountMinor: number }; smsUnitCost: { amountMinor: number }; timezone: string; status: string } }>(
      '/admin/clinics',
      json('POST', { name: 'Cabinet Neuf', timezone: 'Africa/Tunis', planPrice: 45.5, smsUnitCost: 0.04 }),
    );
    expect(created.status).toBe(201);
    expect(created.body.clinic).toMatchObject({ planPrice: { amountMinor: 45_500 }, smsUnitCost: { amountMinor: 40 }, timezone: 'Africa/Tunis', status: 'onboarding' });
    const id = created.body.clinic.clinicId;

    const badZone = await call<{ error: { code: string; details: unknown } }>('/admin/clinics', json('POST', { name: 'Cabinet Z', timezone: 'Mars/Olympus', planPrice: 50, smsUnitCost: 0.04 }));
    expect(badZone.status).toBe(400);
    expect(JSON.stringify(badZone.body.error.details)).toContain('IANA');
    expect((await call('/admin/clinics', json('POST', { name: 'cabinet neuf', timezone: 'Africa/Tunis', planPrice: 50, smsUnitCost: 0.04 }))).status).toBe(409);

    const edited = await call<{ clinic: { name: string; planPrice: { amountMinor: number } } }>(`/admin/clinics/${id}`, json('PATCH', { name: 'Cabinet Neuf — Sfax', planPrice: 55 }));
    expect(edited.body.clinic).toMatchObject({ name: 'Cabinet Neuf — Sfax', planPrice: { amountMinor: 55_000 } });
    // A clinic billed in euros keeps its currency through an edit; the currency itself is not editable.
    const paris = await call<{ clinic: { clinicId: string; planPrice: { currency: string; amountMinor: number } } }>(
      '/admin/clinics',
      json('POST', { name: 'Cabinet Lyon', timezone: 'Europe/Paris', planPrice: 49.9, smsUnitCost: 0.05, currency: 'EUR' }),
    );
    expect(paris.body.clinic.planPrice).toEqual({ currency: 'EUR', amountMinor: 4_990 });
    const renamed = await call<{ clinic: { planPrice: { currency: string } } }>(`/admin/clinics/${paris.body.clinic.clinicId}`, json('PATCH', { name: 'Cabinet Lyon 2' }));
    expect(renamed.status).toBe(200);
    expect(renamed.body.clinic.planPrice.currency).toBe('EUR');
    expect((await call(`/admin/clinics/${paris.body.clinic.clinicId}`, json('PATCH', { currency: 'TND' }))).status).toBe(400);
    expect((await call(`/admin/clinics/${paris.body.clinic.clinicId}/archive`, { method: 'POST' })).status).toBe(200);
    expect((await call(`/admin/clinics/${id}/archive`, { method: 'POST' })).status).toBe(200);
    expect((await call(`/admin/clinics/${id}/archive`, { method: 'POST' })).status).toBe(409);
    expect((await call<AdminMetrics>('/admin/metrics')).body.totalClinics).toBe(6);
    expect((await call(`/admin/clinics/${id}/restore`, { method: 'POST' })).status).toBe(200);
    expect((await call<AdminMetrics>('/admin/metrics')).body.totalClinics).toBe(7);

    const timeline = await call<{ items: Array<{ kind: string; detail: { change: string } }> }>(`/admin/clinics/${id}/activity?kind=admin_change`);
    expect(timeline.body.items.map((item) => item.detail.change)).toEqual(['restored', 'archived', 'edited', 'created']);
    const audit = await call<{ entries: Array<{ action: string; targetId: string }> }>(`/admin/audit?clinicId=${id}`);
    expect(audit.body.entries.map((entry) => entry.action)).toEqual(['clinic_restore', 'clinic_archive', 'clinic_update', 'clinic_create']);
  });

  it('should show the clinic signed up just now as opening: its own filter and place in the status sort, counted apart, in no churn figure', async () => {
    // Cabinet Neuf — Sfax, created (and restored) above at the pinned instant, has never logged in.
    const metrics = (await call<AdminMetrics>('/admin/metrics')).body;
    expect(metrics).toMatchObject({ totalClinics: 7, activeClinics: { count: 4 }, onboardingClinics: { count: 1, window: '30d' } });
    // In "all clinics", the share's whole, never in the risk: 4 of 7.
    expect(metrics.churnRisk).toMatchObject({ count: 4, share: 0.5714, atRisk: 2, churned: 2 });
    expect(metrics.churnRisk.clinics.map((row) => row.clinicId)).toEqual(['b', 'c', 'd', 'e']);
    expect(metrics.mrr).toEqual([{ currency: 'TND', amountMinor: 210_000, sevenDaysAgoMinor: 200_000, changePercent: 5 }]);

    const opening = await call<ClinicHealthPage>('/admin/clinics?status=onboarding');
    expect(opening.body.clinics.map((row) => [row.name, row.status, row.daysSinceLastLogin, row.lastLoginAt])).toEqual([['Cabinet Neuf — Sfax', 'onboarding', null, null]]);
    expect(opening.body.total).toBe(1);
    expect((await call<ClinicHealthPage>('/admin/clinics?status=churned')).body.clinics.map((row) => row.clinicId)).toEqual(['d', 'e']);
    // The status sort follows a clinic's life: opening, active, at risk, churned; by name within each.
    const byStatus = async (order: 'asc' | 'desc') =>
      (await call<ClinicHealthPage>(`/admin/clinics?sort=status&order=${order}`)).body.clinics.map((row) => [row.name, row.status]);
    const life = [
      ['Cabinet Neuf — Sfax', 'onboarding'],
      ['Amel Tunis', 'active'],
      ['Gafsa Almost', 'active'],
      ['Bizerte Seven', 'at_risk'],
      ['Clinique New York', 'at_risk'],
      ['Dr Tokyo', 'churned'],
      ['Élise Paris', 'churned'],
    ];
    expect(await byStatus('asc')).toEqual(life);
    expect(await byStatus('desc')).toEqual([...life.slice(5), ...life.slice(3, 5), ...life.slice(1, 3), life[0]]);
  });

  it('should keep a clinic opening until 30 days after its signup to the millisecond, and end it with its first login', async () => {
    const consoleAt = (at: number) => ({ db, clock: { now: () => at } });
    const page = { sort: 'name', order: 'asc', page: 1, pageSize: 25, archived: false } as const;
    const statusOfNeuf = async (at: number) => (await clinicHealthTable(consoleAt(at), { ...page, q: 'Cabinet Neuf' })).clinics.map((row) => row.status);
    expect(await statusOfNeuf(NOW + 30 * DAY - 1)).toEqual(['onboarding']);
    expect(await statusOfNeuf(NOW + 30 * DAY)).toEqual(['churned']);
    expect((await clinicHealthTable(consoleAt(NOW + 30 * DAY - 1), { ...page, status: 'onboarding' })).total).toBe(1);
    expect((await clinicHealthTable(consoleAt(NOW + 30 * DAY), { ...page, status: 'onboarding' })).total).toBe(0);
    expect((await businessNow(consoleAt(NOW + 30 * DAY - 1))).onboardingClinics.count).toBe(1);
    expect((await businessNow(consoleAt(NOW + 30 * DAY))).onboardingClinics.count).toBe(0);

    // Its first login, a day after signup: active at once, and from then on aged by that login.
    const [neuf] = (await clinicHealthTable(consoleAt(NOW), { ...page, q: 'Cabinet Neuf' })).clinics;
    if (neuf === undefined) throw new Error('Cabinet Neuf is not in the table');
    await db.insert(clinicActivity).values(login(neuf.clinicId, NOW + DAY));
    expect(await statusOfNeuf(NOW + DAY)).toEqual(['active']);
    expect(await statusOfNeuf(NOW + 8 * DAY)).toEqual(['at_risk']);
    expect((await businessNow(consoleAt(NOW + DAY))).onboardingClinics.count).toBe(0);
  });

  it('should raise no churn alert for clinics still opening, and count them once they churn', async () => {
    // 20 September, noon: Amel logged in two hours ago, Gafsa (signed up in August) never did, and the
    // four clinics signed up on 10 September have not logged in yet. One churned clinic in six.
    const twentiethOfSeptember = Date.parse('2026-09-20T12:00:00Z');
    expect((await readAlertObservations(db, twentiethOfSeptember)).churnShare).toBe(0.1667);
    expect(await evaluateAlerts(db, twentiethOfSeptember, ['churn_risk'])).toEqual([]);
    expect((await businessNow({ db, clock: { now: () => twentiethOfSeptember } })).churnRisk).toMatchObject({ count: 1, churned: 1, atRisk: 0 });
    // Thirty days after their signup, to the millisecond, the four still silent have churned: six in six.
    expect((await readAlertObservations(db, Date.parse('2026-10-10T12:00:00Z') - 1)).churnShare).toBe(0.3333);
    expect((await readAlertObservations(db, Date.parse('2026-10-10T12:00:00Z'))).churnShare).toBe(1);
  });

  it("should page a clinic's timeline newest first with a cursor", async () => {
    const first = await call<{ items: Array<{ at: string }>; nextCursor: string | null }>('/admin/clinics/a/activity?limit=2');
    expect(first.body.items.map((item) => item.at)).toEqual([new Date(NOW - 2 * HOUR).toISOString(), new Date(NOW - 20 * DAY).toISOString()]);
    const rest = await call<{ items: Array<{ at: string }>; nextCursor: string | null }>(`/admin/clinics/a/activity?limit=2&cursor=${first.body.nextCursor}`);
    expect(rest.body.items.map((item) => item.at)).toEqual(['2026-09-20T10:00:00.000Z']);
    expect(rest.body.nextCursor).toBeNull();
  });

  it('should take the missing business snapshots in the daily job, and nothing more when it runs twice', async () => {
    const before = await allBusinessDays();
    expect(before.map((row) => row.day)).toEqual(['2026-11-18', '2026-11-19', '2026-11-20', '2026-11-21', '2026-11-22', '2026-11-23', '2026-11-24']);
    const fire = async () => expect((await deliverJobs([{ type: 'business_snapshot.run', at: NOW }], serviceEnv)).retryMessages).toEqual([]);
    await fire();
    const after = await allBusinessDays();
    expect(after).toHaveLength(400);
    expect(after.at(-1)?.day).toBe('2026-11-24');
    // The days already taken are left as they were; the new ones are as the business stood then.
    expect(after.filter((row) => before.some((old) => old.day === row.day))).toEqual(before);
    // At the end of 30 September Fermée was not archived yet, and only Amel had logged in (ten days before);
    // the four clinics signed up on 10 September were still opening, so only Gafsa and Fermée had churned.
    expect(after.find((row) => row.day === '2026-09-30')).toMatchObject({ totalClinics: 7, activeClinics: 1, atRisk: 1, churned: 2, mrr: '{"TND":50000}' });
    await fire();
    expect(await allBusinessDays()).toEqual(after);
  });
});
