import { env } from 'cloudflare:test';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditRowsAbout } from '../../db/queries/audit-rows.ts';
import { readSmsBudgetObservations, smsMonthToDate } from '../../db/queries/sms-budget.ts';
import { clinics, sessions } from '../../db/schema/index.ts';
import { createApp } from '../../worker/app.ts';
import { sha256Hex } from '../../worker/auth/secrets.ts';
import { emptyRollupCounters, type RollupCounters } from '../../worker/domain/rollup.ts';
import type { SmsBudget } from '../../worker/domain/sms-budget-wire.ts';
import type { TodayAnswer } from '../../worker/use-cases/today-sms.ts';
import { drainOutbox, eventId } from '../support/queue-story.ts';
import { storeRollups } from '../support/stored-rollups.ts';
import { callOwnApp, createWorld, jsonOf, testDatabase, type ApiInit, type Person, type World } from '../support/world.ts';

/**
 * 09:00 on Thursday 24 February 2028 in Tunis (UTC+1): a leap February, 23 completed days behind
 * it and 5 days left after today. Pinned in the future on purpose: the clinic's live queue only
 * ever hears of this day, and no alarm of it comes due while the test runs.
 */
const NOW = Date.parse('2028-02-24T09:00:00+01:00');
const HOUR = 3_600_000;
const app = createApp({ clock: { now: () => NOW } });
const DOWN = { ...env, LIBSQL_URL: 'http://127.0.0.1:9' };

const tunis = (time: string) => `2028-02-24T${time}:00.000+01:00`;
const rollup = (clinicId: string, day: string, counters: Partial<RollupCounters>) => ({ clinicId, day, ...emptyRollupCounters(), ...counters, updatedAt: NOW, finalizedAt: NOW });

/** A session valid at the pinned instant (the test's sessions helper lives on today's clock). */
async function pinnedSession(person: Person): Promise<string> {
  const token = `sms-budget-${crypto.randomUUID()}`;
  await testDatabase().insert(sessions).values({ tokenHash: await sha256Hex(token), userId: person.id, createdAt: NOW, lastSeenAt: NOW, expiresAt: NOW + HOUR });
  return token;
}

describe("a clinic's SMS month against its budget, on a scripted February", () => {
  let world: World;
  let owner: string;
  let staff: string;
  let ownerB: string;
  const call = async <T>(path: string, init: ApiInit = {}, appEnv: Env = env) => jsonOf<T>(await callOwnApp(app, appEnv, path, init));
  const today = async (token: string, clinicId = world.clinicA, appEnv: Env = env) => (await call<TodayAnswer>(`/clinics/${clinicId}/stats/today`, { token }, appEnv)).body;

  beforeAll(async () => {
    world = await createWorld();
    const db = testDatabase();
    // A has been open since December; B opened yesterday.
    await db.update(clinics).set({ createdAt: Date.parse('2027-12-01T10:00:00+01:00') }).where(eq(clinics.id, world.clinicA));
    await db.update(clinics).set({ createdAt: Date.parse('2028-02-23T10:00:00+01:00') }).where(eq(clinics.id, world.clinicB));
    [owner, staff, ownerB] = await Promise.all([pinnedSession(world.ownerA), pinnedSession(world.staffA), pinnedSession(world.ownerB)]);
    await storeRollups({
      daily: [
        // January's last day: another month, never counted in February's.
        rollup(world.clinicA, '2028-01-31', { smsSent: 50, smsCostMinor: 2_000, seen: 20 }),
        rollup(world.clinicA, '2028-02-01', { smsSent: 30, smsCostMinor: 1_200, seen: 12 }),
        rollup(world.clinicA, '2028-02-10', { smsSent: 45, smsCostMinor: 1_800, smsFailed: 2, seen: 15 }),
        rollup(world.clinicA, '2028-02-23', { smsSent: 25, smsCostMinor: 1_000, seen: 10 }),
      ],
    });
    // This morning, live: two SMS at 40 millimes (the second failed: paid all the same), one patient seen.
    const morning = [
      { type: 'doctor_presence_changed', present: true, occurredAt: tunis('08:00') },
      { type: 'patient_added', entryId: 'p1', method: 'qr', occurredAt: tunis('08:05') },
      { type: 'sms_sent', smsId: 's1', entryId: 'p1', kind: 'queue_joined', occurredAt: tunis('08:06') },
      { type: 'patient_added', entryId: 'p2', method: 'manual', occurredAt: tunis('08:10') },
      { type: 'sms_sent', smsId: 's2', entryId: 'p2', kind: 'queue_joined', occurredAt: tunis('08:11') },
      { type: 'sms_status', smsId: 's2', status: 'failed', occurredAt: tunis('08:12') },
      { type: 'patient_called', entryId: 'p1', occurredAt: tunis('08:20') },
      { type: 'consultation_started', entryId: 'p1', occurredAt: tunis('08:21') },
      { type: 'patient_completed', entryId: 'p1', occurredAt: tunis('08:35') },
    ].map((event) => ({ id: eventId('sms-budget'), ...event }));
    const ingested = await call<{ accepted: number }>('/ingest/events', { method: 'POST', token: world.keyA, json: { events: morning } });
    expect(ingested.body).toMatchObject({ accepted: morning.length });
  });

  // February so far: 30 + 45 + 25 + 2 today = 102 SMS, 1 200 + 1 800 + 1 000 + 80 = 4 080 millimes, 12 + 15 + 10 + 1 = 38 seen.
  // Projection: 4 080 + (4 000 over 23 completed days) × 5 days left = 4 949.57.
  const february = { monthToDate: { count: 102, costMinor: 4_080 }, projectedMonthEndMinor: 4_950, costPerSeenMinor: 107, currency: 'TND' };

  it('should count the month to now without a budget: no share, the projection and the cost per patient seen all the same', async () => {
    const budget = await call<SmsBudget>(`/clinics/${world.clinicA}/sms-budget`, { token: staff });
    expect([budget.status, budget.body]).toEqual([200, { monthlyAmountMinor: null, currency: 'TND' }]);
    const answer = await today(staff);
    expect(answer.day).toBe('2028-02-24');
    expect(answer.seenToday).toBe(1);
    expect(answer.sms).toEqual({ ...february, budgetMinor: null, budgetShare: null });
  });

  it("should take the owner's budget, judge the month against it at once and audit the change", async () => {
    const put = await call<SmsBudget>(`/clinics/${world.clinicA}/sms-budget`, { method: 'PUT', token: owner, json: { monthlyAmountMinor: 5_000 } });
    expect([put.status, put.body]).toEqual([200, { monthlyAmountMinor: 5_000, currency: 'TND' }]);
    expect((await call<SmsBudget>(`/clinics/${world.clinicA}/sms-budget`, { token: staff })).body.monthlyAmountMinor).toBe(5_000);
    // 4 080 of 5 000.
    expect((await today(owner)).sms).toEqual({ ...february, budgetMinor: 5_000, budgetShare: 0.816 });
    const audited = (await auditRowsAbout(testDatabase(), world.clinicA)).filter((row) => row.action === 'sms_budget_change');
    expect(audited).toHaveLength(1);
    expect(audited[0]).toMatchObject({ actorKind: 'user', actorId: world.ownerA.id, actorRole: 'clinic_owner', clinicId: world.clinicA, targetType: 'clinic', targetId: world.clinicA, success: true });
    expect(JSON.parse(audited[0]?.detail ?? 'null')).toEqual({ from: null, to: 5_000 });
  });

  it('should tell the budget alerts and the digest the same month, once the live queue has written today behind', async () => {
    await drainOutbox(world.clinicA);
    const db = testDatabase();
    const observations = await readSmsBudgetObservations(db, NOW);
    expect(observations.filter((observed) => observed.clinicId === world.clinicA)).toEqual([
      { clinicId: world.clinicA, month: '2028-02', currency: 'TND', budgetMinor: 5_000, count: 102, costMinor: 4_080, projectedMonthEndMinor: 4_950 },
    ]);
    // B has no budget: the alerts never look at it.
    expect(observations.some((observed) => observed.clinicId === world.clinicB)).toBe(false);
    expect(await smsMonthToDate(db, world.clinicA, '2028-02', '2028-02-24')).toEqual({ count: 102, costMinor: 4_080 });
    expect(await smsMonthToDate(db, world.clinicA, '2028-02', '2028-02-10')).toEqual({ count: 75, costMinor: 3_000 });
    expect(await smsMonthToDate(db, world.clinicA, '2028-01', '2028-01-31')).toEqual({ count: 50, costMinor: 2_000 });
    // A day past the month's end still sums the month only.
    expect(await smsMonthToDate(db, world.clinicA, '2028-01', '2028-02-24')).toEqual({ count: 50, costMinor: 2_000 });
    expect(await smsMonthToDate(db, world.clinicB, '2028-02', '2028-02-24')).toEqual({ count: 0, costMinor: 0 });
  });

  it('should show a clinic that opened yesterday and sent nothing: zeros, and nothing it cannot know yet', async () => {
    expect((await today(ownerB, world.clinicB)).sms).toEqual({
      monthToDate: { count: 0, costMinor: 0 },
      budgetMinor: null,
      budgetShare: null,
      projectedMonthEndMinor: null,
      costPerSeenMinor: null,
      currency: 'TND',
    });
  });

  it("should answer the month from the live queue's copy, the Worker asking libSQL nothing for it", async () => {
    // The Worker's libSQL is unreachable: the month can only come from the queue object's copy (read within the minute).
    const answer = await today(owner, world.clinicA, DOWN);
    expect(answer.seenToday).toBe(1);
    expect(answer.sms).toEqual({ ...february, budgetMinor: 5_000, budgetShare: 0.816 });
  });

  it('should remove the budget with null, audited, and leave the alerts nothing to judge', async () => {
    const put = await call<SmsBudget>(`/clinics/${world.clinicA}/sms-budget`, { method: 'PUT', token: owner, json: { monthlyAmountMinor: null } });
    expect([put.status, put.body]).toEqual([200, { monthlyAmountMinor: null, currency: 'TND' }]);
    expect((await today(owner)).sms).toEqual({ ...february, budgetMinor: null, budgetShare: null });
    const details = (await auditRowsAbout(testDatabase(), world.clinicA)).filter((row) => row.action === 'sms_budget_change').map((row) => JSON.parse(row.detail ?? 'null'));
    expect(details).toEqual(expect.arrayContaining([{ from: 5_000, to: null }]));
    expect((await readSmsBudgetObservations(testDatabase(), NOW)).some((observed) => observed.clinicId === world.clinicA)).toBe(false);
  });

  it('should let the super admin set it too, as every owner setting', async () => {
    const admin = await pinnedSession(world.superAdmin);
    const put = await call<SmsBudget>(`/clinics/${world.clinicB}/sms-budget`, { method: 'PUT', token: admin, json: { monthlyAmountMinor: 80_000 } });
    expect([put.status, put.body]).toEqual([200, { monthlyAmountMinor: 80_000, currency: 'TND' }]);
    expect((await today(ownerB, world.clinicB)).sms).toMatchObject({ budgetMinor: 80_000, budgetShare: 0 });
  });
});
