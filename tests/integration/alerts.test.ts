import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { alertInstances, clinicActivity, dailyRollups, queueEntries } from '../../db/schema/index.ts';
import { emptyRollupCounters } from '../../worker/domain/rollup.ts';
import { evaluateAlerts } from '../../worker/jobs/alert-evaluation.ts';
import { api, createWorld, sessionFor, testDatabase, type World } from '../support/world.ts';

// A Monday morning in Tunis, years from any other test's rows: only this clinic's queue is open then.
const NOW = Date.parse('2030-01-07T09:00:00Z');
const DAY = '2030-01-07';
const MINUTE = 60_000;

describe('the alert job on a clinic whose queue grows too long', () => {
  let world: World;
  const db = testDatabase();
  const instancesOfClinic = () => db.select().from(alertInstances).where(and(eq(alertInstances.clinicId, world.clinicA), eq(alertInstances.ruleId, 'default-queue-too-long')));
  const setWaiting = async (count: number) => {
    await db.delete(queueEntries).where(eq(queueEntries.clinicId, world.clinicA));
    await db.insert(queueEntries).values(
      Array.from({ length: count }, (_, index) => ({
        clinicId: world.clinicA, id: `alert-entry-${index}`, clinicDay: DAY, ticketNumber: index + 1, method: 'qr' as const, state: 'waiting' as const,
        checkedInAt: NOW - 60 * MINUTE, updatedAt: NOW - 60 * MINUTE,
      })),
    );
  };
  const noticesForClinic = async (at: number) => {
    const notices = await evaluateAlerts(db, at);
    const ids = new Set((await instancesOfClinic()).map((instance) => instance.id));
    return notices.filter((notice) => ids.has(notice.instanceId)).map((notice) => notice.step);
  };

  beforeAll(async () => {
    world = await createWorld();
    // Checked in today: the queue is open.
    await db.insert(dailyRollups).values({ clinicId: world.clinicA, day: DAY, ...emptyRollupCounters(), checkinsQr: 40, updatedAt: NOW, finalizedAt: null });
  });

  it('should fire once above 30 waiting, stay quiet, remind after the cooldown, resolve, and fire again', async () => {
    await setWaiting(31);
    expect(await noticesForClinic(NOW)).toEqual(['fire']);
    expect(await noticesForClinic(NOW + 5 * MINUTE)).toEqual([]);
    expect(await noticesForClinic(NOW + 65 * MINUTE)).toEqual(['remind']);
    const [open] = await instancesOfClinic();
    expect(open).toMatchObject({ subjectKey: world.clinicA, value: 31, firedAt: NOW, lastNotifiedAt: NOW + 65 * MINUTE, resolvedAt: null });

    await setWaiting(30);
    expect(await noticesForClinic(NOW + 70 * MINUTE)).toEqual([]);
    expect((await instancesOfClinic()).map((instance) => instance.resolvedAt)).toEqual([NOW + 70 * MINUTE]);

    await setWaiting(35);
    expect(await noticesForClinic(NOW + 75 * MINUTE)).toEqual(['fire']);
    const timeline = await db.select().from(clinicActivity).where(and(eq(clinicActivity.clinicId, world.clinicA), eq(clinicActivity.kind, 'alert_fired')));
    expect(timeline).toHaveLength(2);
  });

  it('should open one instance only when two runs of the job overlap', async () => {
    await setWaiting(10);
    await evaluateAlerts(db, NOW + 80 * MINUTE);
    await setWaiting(40);
    await Promise.all([evaluateAlerts(db, NOW + 85 * MINUTE), evaluateAlerts(db, NOW + 85 * MINUTE)]);
    const open = (await instancesOfClinic()).filter((instance) => instance.resolvedAt === null);
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ value: 40, firedAt: NOW + 85 * MINUTE });
  });
});

describe('GET /api/v1/alerts and acknowledging one', () => {
  it("should show a clinic's alerts to its members only, service alerts to the super admin, and let a member acknowledge once", async () => {
    const world = await createWorld();
    const db = testDatabase();
    const at = Date.parse('2030-02-04T09:00:00Z');
    await db.insert(dailyRollups).values({ clinicId: world.clinicA, day: '2030-02-04', ...emptyRollupCounters(), checkinsQr: 40, updatedAt: at, finalizedAt: null });
    await db.insert(queueEntries).values(
      Array.from({ length: 33 }, (_, index) => ({
        clinicId: world.clinicA, id: `ack-entry-${index}`, clinicDay: '2030-02-04', ticketNumber: index + 1, method: 'manual' as const, state: 'waiting' as const,
        checkedInAt: at - 30 * MINUTE, updatedAt: at - 30 * MINUTE,
      })),
    );
    await evaluateAlerts(db, at);
    const [owner, other, admin] = await Promise.all([sessionFor(world.ownerA), sessionFor(world.ownerB), sessionFor(world.superAdmin)]);
    const alertsOf = async (token: string) => (await (await api(world, '/alerts', { token })).json<{ alerts: Array<{ id: string; clinicId: string | null; kind: string; value: number; acknowledgedAt: string | null }> }>()).alerts;

    const mine = (await alertsOf(owner)).filter((alert) => alert.clinicId === world.clinicA);
    expect(mine).toEqual([expect.objectContaining({ kind: 'queue_too_long', value: 33, acknowledgedAt: null })]);
    expect((await alertsOf(owner)).every((alert) => alert.clinicId === world.clinicA)).toBe(true);
    expect((await alertsOf(other)).some((alert) => alert.clinicId === world.clinicA)).toBe(false);
    expect((await alertsOf(admin)).some((alert) => alert.id === mine[0]?.id)).toBe(true);

    const id = mine[0]?.id ?? '';
    expect((await api(world, `/alerts/${id}/ack`, { method: 'POST', token: other })).status).toBe(404);
    expect((await api(world, `/alerts/${id}/ack`, { method: 'POST', token: owner })).status).toBe(204);
    expect((await api(world, `/alerts/${id}/ack`, { method: 'POST', token: owner })).status).toBe(409);
    expect((await alertsOf(owner)).find((alert) => alert.id === id)?.acknowledgedAt).toEqual(expect.any(String));
  });
});
