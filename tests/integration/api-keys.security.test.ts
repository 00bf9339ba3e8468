import { beforeAll, describe, expect, it } from 'vitest';
import { api, createWorld, signIn, type World } from '../support/world.ts';

describe('who may use, see and revoke API keys', () => {
  let world: World;
  let ownerA: string;
  beforeAll(async () => {
    world = await createWorld();
    ownerA = await signIn(world, world.ownerA);
  });

  it('should authenticate nothing but ingestion: a key on a user route is refused', async () => {
    const response = await api(world, '/me', { token: world.keyA });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: 'UNAUTHORIZED', message: 'API keys only authenticate event ingestion' } });
  });

  it("should revoke a key of one's own clinic only", async () => {
    const ownerB = await signIn(world, world.ownerB);
    const foreign = await api(world, `/clinics/${world.clinicB}/api-keys/${world.keyAId}`, { method: 'DELETE', token: ownerB });
    expect(foreign.status).toBe(404);
    const intruder = await api(world, `/clinics/${world.clinicA}/api-keys/${world.keyAId}`, { method: 'DELETE', token: ownerB });
    expect(intruder.status).toBe(404);

    const revoked = await api(world, `/clinics/${world.clinicA}/api-keys/${world.keyAId}`, { method: 'DELETE', token: ownerA });
    expect(revoked.status).toBe(204);
    const listed = await (await api(world, `/clinics/${world.clinicA}/api-keys`, { token: ownerA })).json<{ apiKeys: Array<{ id: string; revokedAt: string | null }> }>();
    expect(listed.apiKeys.find((item) => item.id === world.keyAId)?.revokedAt).toEqual(expect.any(String));
    expect((await api(world, `/clinics/${world.clinicA}/api-keys/${world.keyAId}`, { method: 'DELETE', token: ownerA })).status).toBe(404);
  });

  it('should not let staff see or create keys', async () => {
    const staff = await signIn(world, world.staffA);
    expect((await api(world, `/clinics/${world.clinicA}/api-keys`, { token: staff })).status).toBe(403);
    expect((await api(world, `/clinics/${world.clinicA}/api-keys`, { method: 'POST', token: staff, json: { name: 'x' } })).status).toBe(403);
  });
});

describe('a revoked key', () => {
  it('should stop authenticating ingestion at once', async () => {
    const world = await createWorld();
    const owner = await signIn(world, world.ownerA);
    const event = () => ({ events: [{ id: `rev-${crypto.randomUUID()}`, type: 'clinic_login', platform: 'web', occurredAt: new Date().toISOString() }] });
    expect((await api(world, '/ingest/events', { method: 'POST', token: world.keyA, json: event() })).status).toBe(200);
    expect((await api(world, `/clinics/${world.clinicA}/api-keys/${world.keyAId}`, { method: 'DELETE', token: owner })).status).toBe(204);
    expect((await api(world, '/ingest/events', { method: 'POST', token: world.keyA, json: event() })).status).toBe(401);
  });
});
