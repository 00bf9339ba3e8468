import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { clinicActivityOf } from '../../db/queries/activity-rows.ts';
import { ensureAlertRules } from '../../db/queries/alert-instances.ts';
import { pendingAlerts } from '../../db/queries/alert-pending.ts';
import { alertInstancesOfClinic } from '../../db/queries/alert-rows.ts';
import { setClinicQueueThreshold } from '../../db/queries/alert-settings.ts';
import { alertRules } from '../../db/schema/index.ts';
import { DEFAULT_ALERT_RULES } from '../../worker/domain/alert-rules.ts';
import { evaluateAlerts } from '../../worker/jobs/alert-evaluation.ts';
import { openQueueDay, setWaiting } from '../support/waiting-room.ts';
import { createWorld, testDatabase, type World } from '../support/world.ts';

// A Monday morning in Tunis far from every other test's instants: only this file's clinics are open.
const NOW = Date.parse('2037-03-02T08:00:00Z');
const DAY = '2037-03-02';
const MINUTE = 60_000;
const RULE = 'default-queue-too-long';

describe('a queue that hovers at the threshold', () => {
  let world: World;
  const db = testDatabase();
  const instances = () => alertInstancesOfClinic(db, world.clinicA, { ruleId: RULE });
  const pendingOfClinic = async () => (await pendingAlerts(db, [RULE])).filter((row) => row.subjectKey === world.clinicA);
  const waiting = (count: number) => setWaiting(world.clinicA, { day: DAY, at: NOW, count, waitedMs: 20 * MINUTE, idPrefix: 'hover' });
  /** One evaluation: the steps the job announced for this clinic. */
  const evaluate = async (at: number) => {
    const ids = new Set((await instances()).map((instance) => instance.id));
    const notices = await evaluateAlerts(db, at, ['queue_too_long']);
    const after = new Set((await instances()).map((instance) => instance.id));
    return notices.filter((notice) => ids.has(notice.instanceId) || after.has(notice.instanceId)).map((notice) => notice.step);
  };

  beforeAll(async () => {
    world = await createWorld();
    await openQueueDay(world.clinicA, DAY, NOW, 40);
  });

  it('should fire exactly once at the second evaluation above 30 and resolve exactly once at the first below 25', async () => {
    const hovering = [31, 32, 29, 31, 31, 27, 26, 31, 24, 26];
    const said: string[][] = [];
    const open: boolean[] = [];
    for (const [index, count] of hovering.entries()) {
      await waiting(count);
      said.push(await evaluate(NOW + index * 5 * MINUTE));
      open.push((await instances()).some((instance) => instance.resolvedAt === null));
    }
    expect(said).toEqual([[], ['fire'], [], [], [], [], [], [], [], []]);
    expect(open).toEqual([false, true, true, true, true, true, true, true, false, false]);
    expect(await instances()).toEqual([
      expect.objectContaining({ subjectKey: world.clinicA, value: 32, firedAt: NOW + 5 * MINUTE, lastNotifiedAt: NOW + 5 * MINUTE, resolvedAt: NOW + 40 * MINUTE }),
    ]);
    expect(await clinicActivityOf(db, world.clinicA, { kind: 'alert_fired' })).toHaveLength(1);
    expect(await pendingOfClinic()).toEqual([]);
  });

  it('should never fire a breach shorter than the minimum duration, and count the wait from the first sighting', async () => {
    const before = (await instances()).length;
    const start = NOW + 60 * MINUTE;
    await waiting(33);
    expect(await evaluate(start)).toEqual([]);
    expect(await pendingOfClinic()).toEqual([{ ruleId: RULE, subjectKey: world.clinicA, since: start }]);
    await waiting(30);
    expect(await evaluate(start + 5 * MINUTE)).toEqual([]);
    expect(await pendingOfClinic()).toEqual([]);
    await waiting(45);
    expect(await evaluate(start + 10 * MINUTE)).toEqual([]);
    await waiting(12);
    expect(await evaluate(start + 15 * MINUTE)).toEqual([]);
    expect((await instances()).length).toBe(before);
    expect(await pendingOfClinic()).toEqual([]);

    // A breach first seen at +20 min, checked again at +23 (a late run) and at +25: it fires at +25, 5 minutes after +20.
    await waiting(31);
    expect(await evaluate(start + 20 * MINUTE)).toEqual([]);
    expect(await evaluate(start + 23 * MINUTE)).toEqual([]);
    expect(await pendingOfClinic()).toEqual([{ ruleId: RULE, subjectKey: world.clinicA, since: start + 20 * MINUTE }]);
    expect(await evaluate(start + 25 * MINUTE)).toEqual(['fire']);
    expect(await pendingOfClinic()).toEqual([]);
    await waiting(0);
    await evaluate(start + 30 * MINUTE);
  });

  it('should change nothing more when the job runs twice at the same instant', async () => {
    const start = NOW + 120 * MINUTE;
    const state = async () => ({ instances: await instances(), pending: await pendingOfClinic(), fired: (await clinicActivityOf(db, world.clinicA, { kind: 'alert_fired' })).length });
    await waiting(34);
    await evaluate(start);
    const pended = await state();
    expect(await evaluate(start)).toEqual([]);
    expect(await state()).toEqual(pended);

    expect(await evaluate(start + 5 * MINUTE)).toEqual(['fire']);
    const fired = await state();
    // Announced again (a run that failed before queueing its notices loses none), written once.
    expect(await evaluate(start + 5 * MINUTE)).toEqual(['fire']);
    expect(await state()).toEqual(fired);

    await waiting(20);
    await evaluate(start + 10 * MINUTE);
    const resolved = await state();
    expect(resolved.instances.filter((instance) => instance.resolvedAt === start + 10 * MINUTE)).toHaveLength(1);
    expect(await evaluate(start + 10 * MINUTE)).toEqual([]);
    expect(await state()).toEqual(resolved);
  });
});

describe("a clinic's own queue threshold", () => {
  const db = testDatabase();

  it('should resolve below ⌈T × 5/6⌉, also for a threshold set before resolve thresholds existed', async () => {
    const world = await createWorld();
    const day = '2037-03-09';
    const at = Date.parse('2037-03-09T08:00:00Z');
    await openQueueDay(world.clinicB, day, at, 20);
    await setClinicQueueThreshold(db, world.clinicB, 12, at);
    const ruleId = `queue-too-long@${world.clinicB}`;
    const [stored] = await db.select().from(alertRules).where(eq(alertRules.id, ruleId));
    expect(stored).toMatchObject({ threshold: 12, resolveThreshold: 10, minDurationMinutes: 5 });
    // As a row written before this version: no resolve threshold. The job gives it its own.
    await db.update(alertRules).set({ resolveThreshold: null }).where(eq(alertRules.id, ruleId));

    const set = (count: number) => setWaiting(world.clinicB, { day, at, count, waitedMs: 10 * MINUTE, idPrefix: 'own' });
    const openOnes = async () => (await alertInstancesOfClinic(db, world.clinicB, { ruleId })).map((instance) => [instance.firedAt, instance.resolvedAt]);
    await set(13);
    await evaluateAlerts(db, at, ['queue_too_long']);
    await evaluateAlerts(db, at + 5 * MINUTE, ['queue_too_long']);
    expect((await db.select().from(alertRules).where(eq(alertRules.id, ruleId)))[0]?.resolveThreshold).toBe(10);
    await set(10);
    await evaluateAlerts(db, at + 10 * MINUTE, ['queue_too_long']);
    expect(await openOnes()).toEqual([[at + 5 * MINUTE, null]]);
    await set(9);
    await evaluateAlerts(db, at + 15 * MINUTE, ['queue_too_long']);
    expect(await openOnes()).toEqual([[at + 5 * MINUTE, at + 15 * MINUTE]]);
  });
});

describe('the default rules of a database from before resolve thresholds', () => {
  const db = testDatabase();

  it('should get their documented resolve thresholds and minimum durations, unless an admin changed them', async () => {
    // Stand-ins for stored default rows, under ids of their own and switched off, so no other test's job sees them.
    const suffix = crypto.randomUUID().slice(0, 8);
    const defaults = DEFAULT_ALERT_RULES.filter((rule) => rule.kind === 'sms_failures' || rule.kind === 'queue_too_long').map((rule) => ({ ...rule, id: `${rule.id}-${suffix}`, enabled: false }));
    const asStoredBefore = defaults.map((rule) => ({ ...rule, channels: JSON.stringify(rule.channels), resolveThreshold: null, minDurationMinutes: 0, createdAt: 0 }));
    const failures = asStoredBefore.find((rule) => rule.kind === 'sms_failures');
    const queue = asStoredBefore.find((rule) => rule.kind === 'queue_too_long');
    if (failures === undefined || queue === undefined) throw new Error('missing default rules');
    // An admin made the queue rule fire above 40: theirs, left alone.
    await db.insert(alertRules).values([failures, { ...queue, threshold: 40 }]);
    await ensureAlertRules(db, defaults, 1);
    await ensureAlertRules(db, defaults, 2);
    const stored = await db.select().from(alertRules).where(eq(alertRules.createdAt, 0));
    const mine = stored.filter((rule) => rule.id.endsWith(suffix)).map((rule) => [rule.kind, rule.threshold, rule.resolveThreshold, rule.minDurationMinutes]);
    expect(mine.sort()).toEqual([
      ['queue_too_long', 40, null, 0],
      ['sms_failures', 0.1, 0.08, 0],
    ]);
  });
});
