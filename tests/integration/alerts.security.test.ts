import { describe, expect, it } from 'vitest';
import { evaluateAlerts } from '../../worker/jobs/alert-evaluation.ts';
import { openQueueDay, setWaiting } from '../support/waiting-room.ts';
import { api, createWorld, sessionFor, testDatabase } from '../support/world.ts';

const MINUTE = 60_000;

describe('GET /api/v1/alerts and acknowledging one', () => {
  it("should show a clinic's alerts to its members only, service alerts to the super admin, and let a member acknowledge once", async () => {
    const world = await createWorld();
    const db = testDatabase();
    const at = Date.parse('2030-02-04T09:00:00Z');
    await openQueueDay(world.clinicA, '2030-02-04', at, 40);
    await setWaiting(world.clinicA, { day: '2030-02-04', at, count: 33, waitedMs: 30 * MINUTE, idPrefix: 'ack-entry', method: 'manual' });
    // Seen twice, five minutes apart: the queue rule's minimum duration.
    await evaluateAlerts(db, at - 5 * MINUTE);
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
