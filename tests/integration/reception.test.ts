import { beforeAll, describe, expect, it } from 'vitest';
import { api, createWorld, sessionFor, type World } from '../support/world.ts';

describe('reception at the desk, through the same path as the queue app', () => {
  let world: World;
  let staff: string;
  const base = () => `/clinics/${world.clinicA}`;
  const post = (path: string, json?: unknown) => api(world, `${base()}${path}`, { method: 'POST', token: staff, ...(json === undefined ? {} : { json }) });
  const figures = async () => (await api(world, `${base()}/stats/today`, { token: staff })).json<{ waiting: number; seenToday: number; noShowsToday: number; doctorPresent: boolean; checkIns: { qr: number; manual: number } }>();

  beforeAll(async () => {
    world = await createWorld();
    staff = await sessionFor(world.staffA);
  });

  it('should add walk-ins, call the lowest ticket next, and move an entry to the end', async () => {
    const first = await (await post('/queue/entries', { method: 'manual' })).json<{ entryId: string }>();
    const second = await (await post('/queue/entries', { method: 'qr' })).json<{ entryId: string }>();
    expect(await figures()).toMatchObject({ waiting: 2, checkIns: { qr: 1, manual: 1 } });

    const called = await post('/queue/call-next');
    expect(await called.json()).toEqual({ entryId: first.entryId });
    expect((await post(`/queue/entries/${first.entryId}/start`)).status).toBe(200);
    expect((await post(`/queue/entries/${first.entryId}/complete`)).status).toBe(200);
    expect((await post(`/queue/entries/${second.entryId}/no-show`)).status).toBe(200);
    expect(await figures()).toMatchObject({ waiting: 0, seenToday: 1, noShowsToday: 1 });
  });

  it('should refuse what the queue cannot do, in words, and change nothing', async () => {
    const nobody = await post('/queue/call-next');
    expect(nobody.status).toBe(409);
    expect(await nobody.json()).toEqual({ error: { code: 'INVALID_TRANSITION', message: 'Nobody is waiting', details: {} } });
    const ghost = await post('/queue/entries/no-such-entry/complete');
    expect(ghost.status).toBe(409);
    expect((await post('/queue/entries', { method: 'sms' })).status).toBe(400);
    expect(await figures()).toMatchObject({ waiting: 0, seenToday: 1 });
  });

  it("should record the doctor's presence", async () => {
    const response = await api(world, `${base()}/presence`, { method: 'PUT', token: staff, json: { present: true } });
    expect(response.status).toBe(200);
    expect((await figures()).doctorPresent).toBe(true);
  });

  it('should refuse the super admin nothing, and the other clinic everything', async () => {
    const admin = await sessionFor(world.superAdmin);
    expect((await api(world, `${base()}/queue/entries`, { method: 'POST', token: admin, json: { method: 'qr' } })).status).toBe(200);
    const ownerB = await sessionFor(world.ownerB);
    expect((await api(world, `${base()}/queue/entries`, { method: 'POST', token: ownerB, json: { method: 'qr' } })).status).toBe(404);
    expect((await figures()).waiting).toBe(1);
  });
});
