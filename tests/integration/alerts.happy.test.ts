import { beforeAll, describe, expect, it } from 'vitest';
import { clinicActivityOf } from '../../db/queries/activity-rows.ts';
import { alertInstancesOfClinic } from '../../db/queries/alert-rows.ts';
import { evaluateAlerts } from '../../worker/jobs/alert-evaluation.ts';
import { openQueueDay, setWaiting } from '../support/waiting-room.ts';
import { createWorld, testDatabase, type World } from '../support/world.ts';

// A Monday morning in Tunis, years from any other test's rows: only this clinic's queue is open then.
const NOW = Date.parse('2030-01-07T09:00:00Z');
const DAY = '2030-01-07';
const MINUTE = 60_000;

describe('the alert job on a clinic whose queue grows too long', () => {
  let world: World;
  const db = testDatabase();
  const instancesOfClinic = () => alertInstancesOfClinic(db, world.clinicA, { ruleId: 'default-queue-too-long' });
  const waiting = (count: number) => setWaiting(world.clinicA, { day: DAY, at: NOW, count, waitedMs: 60 * MINUTE, idPrefix: 'alert-entry' });
  const noticesForClinic = async (at: number) => {
    const notices = await evaluateAlerts(db, at);
    const ids = new Set((await instancesOfClinic()).map((instance) => instance.id));
    return notices.filter((notice) => ids.has(notice.instanceId)).map((notice) => notice.step);
  };

  beforeAll(async () => {
    world = await createWorld();
    // Checked in today: the queue is open.
    await openQueueDay(world.clinicA, DAY, NOW, 40);
  });

  it('should fire once above 30 waiting for 5 minutes, stay quiet, remind after the cooldown, resolve below 25, and fire again', async () => {
    await waiting(31);
    // Seen once: the breach waits out the rule's 5 minutes.
    expect(await noticesForClinic(NOW)).toEqual([]);
    expect(await instancesOfClinic()).toEqual([]);
    expect(await noticesForClinic(NOW + 5 * MINUTE)).toEqual(['fire']);
    expect(await noticesForClinic(NOW + 10 * MINUTE)).toEqual([]);
    expect(await noticesForClinic(NOW + 65 * MINUTE)).toEqual(['remind']);
    const [open] = await instancesOfClinic();
    expect(open).toMatchObject({ subjectKey: world.clinicA, value: 31, firedAt: NOW + 5 * MINUTE, lastNotifiedAt: NOW + 65 * MINUTE, resolvedAt: null });

    // 30 and 25 are not below the resolve threshold: it stays open, quietly.
    await waiting(25);
    expect(await noticesForClinic(NOW + 70 * MINUTE)).toEqual([]);
    expect((await instancesOfClinic()).map((instance) => instance.resolvedAt)).toEqual([null]);
    await waiting(24);
    expect(await noticesForClinic(NOW + 75 * MINUTE)).toEqual([]);
    expect((await instancesOfClinic()).map((instance) => instance.resolvedAt)).toEqual([NOW + 75 * MINUTE]);

    await waiting(35);
    expect(await noticesForClinic(NOW + 80 * MINUTE)).toEqual([]);
    expect(await noticesForClinic(NOW + 85 * MINUTE)).toEqual(['fire']);
    const timeline = await clinicActivityOf(db, world.clinicA, { kind: 'alert_fired' });
    expect(timeline).toHaveLength(2);
  });

  it('should open one instance only when two runs of the job overlap', async () => {
    await waiting(10);
    await evaluateAlerts(db, NOW + 90 * MINUTE);
    await waiting(40);
    await Promise.all([evaluateAlerts(db, NOW + 95 * MINUTE), evaluateAlerts(db, NOW + 95 * MINUTE)]);
    await Promise.all([evaluateAlerts(db, NOW + 100 * MINUTE), evaluateAlerts(db, NOW + 100 * MINUTE)]);
    const open = (await instancesOfClinic()).filter((instance) => instance.resolvedAt === null);
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ value: 40, firedAt: NOW + 100 * MINUTE });
  });
});
