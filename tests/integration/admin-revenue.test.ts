import { env, SELF } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { listAudit } from '../../db/queries/audit.ts';
import { insertClinics } from '../../db/queries/clinic-prices.ts';
import { clinicActivity, clinicPrices, clinics, sessions } from '../../db/schema/index.ts';
import { sha256Hex } from '../../worker/auth/secrets.ts';
import { createApp } from '../../worker/app.ts';
import { readServiceWeekDigest } from '../../worker/digest/digest-content.ts';
import type { AdminMetrics } from '../../worker/domain/admin-wire.ts';
import type { RevenueAnswer, RevenueMonthAnswer } from '../../worker/domain/revenue-wire.ts';
import { csvObjects } from '../support/csv-parser.ts';
import { eventually } from '../support/eventually.ts';
import { countOf, parseExposition } from '../support/prometheus-text.ts';
import { callOwnApp, createWorld, jsonOf, ORIGIN, testDatabase, type World } from '../support/world.ts';

/**
 * Six TND clinics and one in euros, seen on 15 July 2034 at noon (a year no other file's clinics
 * log in, so the service's MRR is theirs alone), logging in every ten days unless told otherwise:
 * - Amel, 50 TND, raised to 70 on 15 April (expansion);
 * - Bizerte, 50 TND, cut to 30 on 15 May (contraction);
 * - Carthage, 40 TND, created 5 March, first login the next day (new in March);
 * - Djerba, 50 TND, last login 12 March: churned in April; priced 55 while away (1 June) and back
 *   on 10 June (a reactivation in June, at 55);
 * - Gabès, 50 TND, archived on 20 June (churned in June);
 * - Fériana, created 10 February, never logs in (never counted);
 * - Euro, 39 EUR, all along.
 */
const NOW = Date.parse('2034-07-15T12:00:00Z');
const DAY = 86_400_000;
const LONG_AGO = Date.parse('2033-12-01T00:00:00Z');
const METRICS_TOKEN = 'test-metrics-token-of-at-least-32-characters';
const db = testDatabase();
const app = createApp({ clock: { now: () => NOW } });
const run = crypto.randomUUID().slice(0, 8);
const id = (label: string) => `revenue-${label}-${run}`;
const at = (iso: string) => Date.parse(iso);

/** Logins at 08:00 UTC every ten days from `from` to `to` (both ISO days), none after now. */
function loginsEveryTenDays(clinicId: string, from: string, to: string) {
  const rows = [];
  for (let when = at(`${from}T08:00:00Z`); when <= Math.min(at(`${to}T23:59:59Z`), NOW); when += 10 * DAY) {
    rows.push({ clinicId, kind: 'clinic_login' as const, occurredAt: when, userId: null, detail: null });
  }
  return rows;
}

const clinic = (label: string, priceMinor: number, extra: Partial<typeof clinics.$inferInsert> = {}) => ({
  id: id(label), name: `Revenus ${label}`, timezone: 'Africa/Tunis', currency: 'TND', planPriceMinor: priceMinor, smsUnitCostMinor: 40, createdAt: LONG_AGO, ...extra,
});

/** A price in force from `from` (a change the test writes as history: the pinned clock cannot go back). */
async function priceFrom(label: string, from: string, priceMinor: number) {
  await db.insert(clinicPrices).values({ clinicId: id(label), effectiveAt: at(from), priceMinor, changedBy: null, createdAt: at(from) });
  await db.update(clinics).set({ planPriceMinor: priceMinor }).where(eq(clinics.id, id(label)));
}

async function sessionAtNow(userId: string): Promise<string> {
  const token = `revenue-session-${crypto.randomUUID()}`;
  await db.insert(sessions).values({ tokenHash: await sha256Hex(token), userId, createdAt: NOW, lastSeenAt: NOW, expiresAt: NOW + DAY });
  return token;
}

async function exportsCounted(): Promise<number> {
  const response = await SELF.fetch(`${ORIGIN}/metrics`, { headers: { Authorization: `Bearer ${METRICS_TOKEN}` } });
  return countOf(parseExposition(await response.text()), 'pulse_exports_total', { kind: 'revenue' });
}

type Row = Omit<RevenueMonthAnswer, 'month'>;
/** A month's figures in the answer's order: start, new, expansion, contraction, churned, reactivation, end, active, ARPU, logo churn, revenue churn. */
const figures = (...values: [number, number, number, number, number, number, number, number, number | null, number | null, number | null]): Row => {
  const [mrrStartMinor, newMinor, expansionMinor, contractionMinor, churnedMinor, reactivationMinor, mrrEndMinor, activeClinics, arpuMinor, logoChurnRate, revenueChurnRate] = values;
  return { mrrStartMinor, newMinor, expansionMinor, contractionMinor, churnedMinor, reactivationMinor, mrrEndMinor, activeClinics, arpuMinor, logoChurnRate, revenueChurnRate };
};

const TND: Record<string, Row> = {
  '2034-02': figures(200_000, 0, 0, 0, 0, 0, 200_000, 4, 50_000, 0, 0),
  '2034-03': figures(200_000, 40_000, 0, 0, 0, 0, 240_000, 5, 48_000, 0, 0),
  '2034-04': figures(240_000, 0, 20_000, 0, 50_000, 0, 210_000, 4, 52_500, 0.2, 0.2083),
  '2034-05': figures(210_000, 0, 0, 20_000, 0, 0, 190_000, 4, 47_500, 0, 0.0952),
  '2034-06': figures(190_000, 0, 0, 0, 50_000, 55_000, 195_000, 4, 48_750, 0.25, 0.2632),
  '2034-07': figures(195_000, 0, 0, 0, 0, 0, 195_000, 4, 48_750, 0, 0),
};
const EUR = figures(3_900, 0, 0, 0, 0, 0, 3_900, 1, 3_900, 0, 0);

describe('the MRR movements of hand-built clinics, month by month', () => {
  let world: World;
  let adminToken: string;
  const call = async (path: string, token = adminToken) => callOwnApp(app, env, path, { token });
  const revenue = async (query = '', token = adminToken) => jsonOf<RevenueAnswer & { error?: { code: string } }>(await call(`/admin/revenue${query}`, token));

  beforeAll(async () => {
    world = await createWorld();
    adminToken = await sessionAtNow(world.superAdmin.id);
    await insertClinics(db, [
      clinic('amel', 50_000), clinic('bizerte', 50_000), clinic('carthage', 40_000, { createdAt: at('2034-03-05T10:00:00Z') }),
      clinic('djerba', 50_000), clinic('gabes', 50_000, { archivedAt: at('2034-06-20T12:00:00Z') }), clinic('feriana', 50_000, { createdAt: at('2034-02-10T10:00:00Z') }),
      clinic('euro', 3_900, { currency: 'EUR', timezone: 'Europe/Paris' }),
    ]);
    await priceFrom('amel', '2034-04-15T09:00:00Z', 70_000);
    await priceFrom('bizerte', '2034-05-15T09:00:00Z', 30_000);
    await priceFrom('djerba', '2034-06-01T09:00:00Z', 55_000);
    await db.insert(clinicActivity).values([
      ...loginsEveryTenDays(id('amel'), '2034-01-01', '2034-07-15'),
      ...loginsEveryTenDays(id('bizerte'), '2034-01-01', '2034-07-15'),
      ...loginsEveryTenDays(id('carthage'), '2034-03-06', '2034-07-15'),
      ...loginsEveryTenDays(id('djerba'), '2034-01-01', '2034-03-20'),
      ...loginsEveryTenDays(id('djerba'), '2034-06-10', '2034-06-25'),
      ...loginsEveryTenDays(id('gabes'), '2034-01-01', '2034-06-20'),
      ...loginsEveryTenDays(id('euro'), '2034-01-01', '2034-07-15'),
    ]);
  });

  it('should give every month of each currency exactly, the current month to now last', async () => {
    const { status, body, response } = await revenue('?months=6');
    expect(status).toBe(200);
    expect(response.headers.get('Cache-Control')).toBe('no-store');
    expect(body.months).toBe(6);
    expect(body.currencies.map((currency) => currency.currency)).toEqual(['EUR', 'TND']);
    const [eur, tnd] = body.currencies;
    expect(tnd?.months).toEqual(Object.entries(TND).map(([month, row]) => ({ month, ...row })));
    expect(eur?.months).toEqual(Object.keys(TND).map((month) => ({ month, ...EUR })));
  });

  it('should add the movements up to the end exactly, each month ending where the next one starts', async () => {
    const { body } = await revenue('?months=36');
    expect(body.currencies.map((currency) => currency.months.length)).toEqual([36, 36]);
    for (const { months } of body.currencies) {
      months.forEach((month, index) => {
        const moved = month.mrrStartMinor + month.newMinor + month.expansionMinor + month.reactivationMinor - month.contractionMinor - month.churnedMinor;
        expect([month.month, moved]).toEqual([month.month, month.mrrEndMinor]);
        const next = months[index + 1];
        if (next !== undefined) expect([next.month, next.mrrStartMinor]).toEqual([next.month, month.mrrEndMinor]);
      });
    }
    // Before January 2034 nobody logged in: the first logins of 1 January are new, in January.
    const tnd = body.currencies[1]?.months ?? [];
    expect(tnd.find((month) => month.month === '2033-12')).toMatchObject({ mrrStartMinor: 0, mrrEndMinor: 0, activeClinics: 0, arpuMinor: null, logoChurnRate: null });
    expect(tnd.find((month) => month.month === '2034-01')).toMatchObject({ mrrStartMinor: 0, newMinor: 200_000, mrrEndMinor: 200_000 });
    // The default window is twelve months.
    expect((await revenue()).body.currencies[1]?.months.map((month) => month.month)).toEqual(
      ['2033-08', '2033-09', '2033-10', '2033-11', '2033-12', '2034-01', '2034-02', '2034-03', '2034-04', '2034-05', '2034-06', '2034-07'],
    );
  });

  it('should export the same figures as CSV, one record per currency and month, audited and counted', async () => {
    const before = await exportsCounted();
    const response = await call('/admin/revenue.csv?months=6');
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('Cache-Control')).toBe('private, no-store');
    expect(response.headers.get('Content-Disposition')).toBe(`attachment; filename="pulse-revenus-2034-02_2034-07.csv"; filename*=UTF-8''pulse-revenus-2034-02_2034-07.csv`);
    const { header, rows } = csvObjects(await response.text());
    expect(header).toEqual([
      'currency', 'month', 'mrr_start_minor', 'new_minor', 'expansion_minor', 'contraction_minor', 'churned_minor', 'reactivation_minor', 'mrr_end_minor',
      'active_clinics', 'arpu_minor', 'logo_churn_rate', 'revenue_churn_rate',
    ]);
    expect(rows).toHaveLength(12);
    expect(rows.slice(0, 1)).toEqual([
      { currency: 'EUR', month: '2034-02', mrr_start_minor: '3900', new_minor: '0', expansion_minor: '0', contraction_minor: '0', churned_minor: '0', reactivation_minor: '0', mrr_end_minor: '3900', active_clinics: '1', arpu_minor: '3900', logo_churn_rate: '0', revenue_churn_rate: '0' },
    ]);
    expect(rows.slice(6).map((row) => Object.values(row).join(' '))).toEqual([
      'TND 2034-02 200000 0 0 0 0 0 200000 4 50000 0 0',
      'TND 2034-03 200000 40000 0 0 0 0 240000 5 48000 0 0',
      'TND 2034-04 240000 0 20000 0 50000 0 210000 4 52500 0.2 0.2083',
      'TND 2034-05 210000 0 0 20000 0 0 190000 4 47500 0 0.0952',
      'TND 2034-06 190000 0 0 0 50000 55000 195000 4 48750 0.25 0.2632',
      'TND 2034-07 195000 0 0 0 0 0 195000 4 48750 0 0',
    ]);
    const audited = await listAudit(db, { action: 'revenue_export', actorId: world.superAdmin.id }, 10);
    expect(audited.map((row) => [row.success, row.targetType, row.at, JSON.parse(row.detail ?? '{}')])).toEqual([[true, 'revenue', NOW, { months: 6, from: '2034-02', to: '2034-07' }]]);
    expect(await eventually(exportsCounted, (count) => count >= before + 1)).toBe(before + 1);
  });

  it('should refuse a window of 0, 37 or no number, hide both from anyone but the super admin, and ask who it is signed out', async () => {
    for (const path of ['/admin/revenue', '/admin/revenue.csv']) {
      for (const months of ['0', '37', 'abc', '1.5']) {
        const { status, body } = await jsonOf<{ error?: { code: string } }>(await call(`${path}?months=${months}`));
        expect([path, months, status, body.error?.code]).toEqual([path, months, 400, 'VALIDATION_FAILED']);
      }
      expect((await call(path, await sessionAtNow(world.ownerA.id))).status).toBe(404);
      expect((await callOwnApp(app, env, path)).status).toBe(401);
    }
    // A refused export is neither audited nor counted as one.
    expect(await listAudit(db, { action: 'revenue_export', actorId: world.superAdmin.id }, 10)).toHaveLength(1);
  });

  it("should keep last week's MRR at the old price when a price changes today, twice in the same millisecond, audited with both prices", async () => {
    const patch = (planPrice: number) => callOwnApp(app, env, `/admin/clinics/${id('amel')}`, { token: adminToken, json: { planPrice }, method: 'PATCH' });
    expect((await patch(90)).status).toBe(200);
    // The pinned clock: the second change lands on the same instant and replaces the first.
    expect((await patch(95)).status).toBe(200);
    const history = await db.select().from(clinicPrices).where(eq(clinicPrices.clinicId, id('amel'))).orderBy(clinicPrices.effectiveAt);
    expect(history.map((row) => [row.effectiveAt, row.priceMinor, row.changedBy])).toEqual([
      [LONG_AGO, 50_000, null],
      [at('2034-04-15T09:00:00Z'), 70_000, null],
      [NOW, 95_000, world.superAdmin.id],
    ]);
    const audited = await listAudit(db, { action: 'clinic_update', clinicId: id('amel') }, 10);
    expect(audited.map((row) => JSON.parse(row.detail ?? '{}')).reverse()).toEqual([
      { fields: 'planPriceMinor', previousPriceMinor: 70_000, priceMinor: 90_000, currency: 'TND' },
      { fields: 'planPriceMinor', previousPriceMinor: 90_000, priceMinor: 95_000, currency: 'TND' },
    ]);
    const metrics = await jsonOf<AdminMetrics>(await call('/admin/metrics'));
    expect(metrics.body.mrr.find((row) => row.currency === 'TND')).toMatchObject({ amountMinor: 220_000, sevenDaysAgoMinor: 195_000 });
    // July now has its expansion; June, before it, is as it was.
    const months = (await revenue('?months=2')).body.currencies[1]?.months;
    expect(months?.map((month) => [month.month, month.expansionMinor, month.mrrEndMinor])).toEqual([['2034-06', 0, 195_000], ['2034-07', 25_000, 220_000]]);
  });

  it("should put the month's movements in the super admin's Monday digest", async () => {
    const digest = await readServiceWeekDigest(db, '2034-07-03', NOW);
    expect(digest.mrrMovements.find((row) => row.currency === 'TND')).toEqual({ currency: 'TND', month: '2034-07', ...TND['2034-07'], expansionMinor: 25_000, mrrEndMinor: 220_000, arpuMinor: 55_000 });
  });
});
