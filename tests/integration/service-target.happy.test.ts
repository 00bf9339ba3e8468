import { beforeAll, describe, expect, it } from 'vitest';
import { auditRowsAbout } from '../../db/queries/audit-rows.ts';
import type { AnalyticsAnswer, ServiceTarget } from '../../worker/domain/history-wire.ts';
import type { TodayFigures } from '../../worker/domain/today-figures.ts';
import { eventId, ingest } from '../support/queue-story.ts';
import { api, apiJson, changeClinic, createWorld, sessionFor, testDatabase, type World } from '../support/world.ts';

const MINUTE = 60_000;

/**
 * A fixed-offset zone in which it is about noon now: the morning told below (an hour ago until
 * now) falls in today whenever the test runs. `Etc/GMT-3` is UTC+3 (POSIX signs are inverted).
 */
function zoneAtNoon(now: number): string {
  const offset = 12 - new Date(now).getUTCHours();
  return offset >= 0 ? `Etc/GMT-${offset}` : `Etc/GMT+${-offset}`;
}

describe("a clinic owner setting the clinic's service target", () => {
  let world: World;
  let owner: string;
  let staff: string;

  beforeAll(async () => {
    world = await createWorld();
    owner = await sessionFor(world.ownerA);
    staff = await sessionFor(world.staffA);
    const now = Date.now();
    await changeClinic(world, world.clinicA, { timezone: zoneAtNoon(now) });
    const at = (minutesAgo: number) => new Date(now - minutesAgo * MINUTE).toISOString();
    // a waits 40 minutes (late against 30, in time against 45), b 10 (in time either way).
    const morning = [
      { id: eventId('target'), type: 'doctor_presence_changed', present: true, occurredAt: at(61) },
      { id: eventId('target'), type: 'patient_added', entryId: 'a', method: 'qr', occurredAt: at(60) },
      { id: eventId('target'), type: 'patient_called', entryId: 'a', occurredAt: at(20) },
      { id: eventId('target'), type: 'patient_added', entryId: 'b', method: 'manual', occurredAt: at(15) },
      { id: eventId('target'), type: 'patient_called', entryId: 'b', occurredAt: at(5) },
    ];
    expect((await ingest(world, world.keyA, morning)).body).toMatchObject({ accepted: morning.length });
  });

  const today = async () => (await apiJson<TodayFigures>(world, `/clinics/${world.clinicA}/stats/today`, { token: staff })).body;

  it('should start at the default of 30 minutes, readable by every member', async () => {
    const { status, body } = await apiJson<ServiceTarget>(world, `/clinics/${world.clinicA}/service-target`, { token: staff });
    expect(status).toBe(200);
    expect(body).toEqual({ minutes: 30, defaultMinutes: 30 });
    expect((await today()).serviceLevel).toEqual({ targetMinutes: 30, called: 2, calledWithinTarget: 1, share: 0.5 });
  });

  it("should answer the new target, judge today's calls against it at once, and audit the change", async () => {
    const { status, body } = await apiJson<ServiceTarget>(world, `/clinics/${world.clinicA}/service-target`, { method: 'PUT', token: owner, json: { minutes: 45 } });
    expect(status).toBe(200);
    expect(body).toEqual({ minutes: 45, defaultMinutes: 30 });
    // a's 40 minutes are now within the target.
    expect((await today()).serviceLevel).toEqual({ targetMinutes: 45, called: 2, calledWithinTarget: 2, share: 1 });
    expect((await apiJson<ServiceTarget>(world, `/clinics/${world.clinicA}/service-target`, { token: staff })).body.minutes).toBe(45);
    const [audited] = (await auditRowsAbout(testDatabase(), world.clinicA)).filter((row) => row.action === 'service_target_change');
    expect(audited).toMatchObject({ actorKind: 'user', actorId: world.ownerA.id, actorRole: 'clinic_owner', clinicId: world.clinicA, targetType: 'clinic', success: true });
    expect(JSON.parse(audited?.detail ?? 'null')).toEqual({ from: 30, to: 45 });
  });

  it("should give the history's service level the clinic's target", async () => {
    const { body } = await apiJson<AnalyticsAnswer>(world, `/clinics/${world.clinicA}/analytics?timeframe=7d`, { token: owner, headers: { 'Cache-Control': 'no-cache' } });
    expect(body.current.serviceLevel.targetMinutes).toBe(45);
  });

  it('should let the super admin set it too, as every owner setting', async () => {
    const admin = await sessionFor(world.superAdmin);
    const response = await api(world, `/clinics/${world.clinicA}/service-target`, { method: 'PUT', token: admin, json: { minutes: 20 } });
    expect(response.status).toBe(200);
    // a (40) and b (10) against 20: b only.
    expect((await today()).serviceLevel).toEqual({ targetMinutes: 20, called: 2, calledWithinTarget: 1, share: 0.5 });
  });
});
