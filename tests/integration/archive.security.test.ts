import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { LIVE_CLOSE_CODES } from '../../worker/domain/live-messages.ts';
import { clinicQueueOf } from '../../worker/clinic-queue/stub.ts';
import { eventId, ingest } from '../support/queue-story.ts';
import { api, changeClinic, createWorld, openLiveSocket, signIn, type World } from '../support/world.ts';

const walkInEvent = () => ({ id: eventId('ev'), type: 'patient_added', entryId: eventId('entry'), method: 'manual', occurredAt: new Date().toISOString() });

describe('an archived clinic is closed to its members and keys, and opens again on restore', () => {
  let world: World;
  let admin: string;
  let owner: string;
  let staff: string;
  beforeAll(async () => {
    world = await createWorld();
    [admin, owner, staff] = await Promise.all([signIn(world, world.superAdmin), signIn(world, world.ownerA), signIn(world, world.staffA)]);
    expect((await ingest(world, world.keyA, [walkInEvent()])).body.accepted).toBe(1);
  });

  const archive = (action: 'archive' | 'restore') => api(world, `/admin/clinics/${world.clinicA}/${action}`, { method: 'POST', token: admin });
  const walkIn = (token: string) => api(world, `/clinics/${world.clinicA}/queue/entries`, { method: 'POST', token, json: { method: 'manual' } });

  it('should refuse its members (404), its keys (401) and new keys, close its live sockets, and still show the super admin its history', async () => {
    const live = await openLiveSocket(world, staff);
    const socket = live.webSocket;
    if (socket === null) throw new Error('no socket');
    socket.accept();
    const closed = new Promise<number>((resolve) => socket.addEventListener('close', (event) => resolve(event.code)));

    expect((await archive('archive')).status).toBe(200);
    expect(await closed).toBe(LIVE_CLOSE_CODES.clinicArchived);

    for (const token of [staff, owner]) {
      const queue = await api(world, `/clinics/${world.clinicA}/queue`, { token });
      expect(queue.status).toBe(404);
      expect(await queue.json()).toMatchObject({ error: { code: 'NOT_FOUND', message: 'No such clinic' } });
      expect((await walkIn(token)).status).toBe(404);
    }
    expect((await api(world, `/clinics/${world.clinicA}/api-keys`, { method: 'POST', token: owner, json: { name: 'another' } })).status).toBe(404);
    const me = await (await api(world, '/me', { token: owner })).json<{ clinics: unknown[] }>();
    expect(me.clinics).toEqual([]);

    const refused = await ingest(world, world.keyA, [walkInEvent()]);
    expect(refused.status).toBe(401);
    expect(refused.body).toMatchObject({ error: { code: 'UNAUTHORIZED' } });

    // The super admin still reads it, but nobody adds a patient to an archived clinic.
    expect((await api(world, `/clinics/${world.clinicA}/analytics?timeframe=7d`, { token: admin })).status).toBe(200);
    expect((await api(world, `/clinics/${world.clinicA}/queue`, { token: admin })).status).toBe(200);
    expect((await walkIn(admin)).status).toBe(409);
    // The other clinic carries on.
    expect((await ingest(world, world.keyB, [walkInEvent()])).body.accepted).toBe(1);
  });

  it('should refuse events in its live queue even from a key another isolate still trusts', async () => {
    const outcome = await clinicQueueOf(env, world.clinicA).ingest(world.clinicA, [{ ...walkInEvent(), type: 'patient_added', method: 'manual' }], Date.now());
    expect(outcome).toEqual({ archived: true, accepted: 0, duplicates: 0, rejected: [] });
  });

  it('should bring everything back on restore', async () => {
    expect((await archive('restore')).status).toBe(200);
    expect((await api(world, `/clinics/${world.clinicA}/queue`, { token: staff })).status).toBe(200);
    expect((await walkIn(staff)).status).toBe(200);
    expect((await ingest(world, world.keyA, [walkInEvent()])).body.accepted).toBe(1);
    expect((await api(world, `/clinics/${world.clinicA}/api-keys`, { method: 'POST', token: owner, json: { name: 'after restore' } })).status).toBe(201);
    const queue = await (await api(world, `/clinics/${world.clinicA}/queue`, { token: owner })).json<{ entries: unknown[] }>();
    expect(queue.entries).toHaveLength(3);
  });
});

describe("a clinic's live queue after an archive or restore it was not told of", () => {
  it('should take events again once libSQL says the clinic is restored', async () => {
    const world = await createWorld();
    const admin = await signIn(world, world.superAdmin);
    expect((await ingest(world, world.keyA, [walkInEvent()])).body.accepted).toBe(1);
    expect((await api(world, `/admin/clinics/${world.clinicA}/archive`, { method: 'POST', token: admin })).status).toBe(200);
    // A restore whose call to the live queue failed: libSQL has it, the object does not.
    await changeClinic(world, world.clinicA, { archivedAt: null });
    expect((await ingest(world, world.keyA, [walkInEvent()])).body).toMatchObject({ accepted: 1 });
  });
});
