import { beforeAll, describe, expect, it } from 'vitest';
import { api, createWorld, signIn, type World } from '../support/world.ts';

describe("API keys for a clinic's queue app", () => {
  let world: World;
  let ownerA: string;
  beforeAll(async () => {
    world = await createWorld();
    ownerA = await signIn(world, world.ownerA);
  });

  it('should show a new key once, then list it by prefix only', async () => {
    const created = await api(world, `/clinics/${world.clinicA}/api-keys`, { method: 'POST', token: ownerA, json: { name: 'Tablette accueil' } });
    expect(created.status).toBe(201);
    const key = await created.json<{ id: string; key: string; prefix: string }>();
    expect(key.key).toMatch(new RegExp(`^pulse_${key.prefix}_[\\w-]{43}$`));

    const listed = await (await api(world, `/clinics/${world.clinicA}/api-keys`, { token: ownerA })).json<{ apiKeys: Array<Record<string, unknown>> }>();
    const entry = listed.apiKeys.find((item) => item.id === key.id);
    expect(entry).toMatchObject({ name: 'Tablette accueil', prefix: key.prefix, lastUsedAt: null, revokedAt: null });
    expect(JSON.stringify(listed)).not.toContain(key.key);
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

  it('should refuse a key name with control or bidirectional characters, saying which and where', async () => {
    for (const [name, reason] of [
      ['Tablette\r\naccueil', 'contains U+000D, a control character, at position 9'],
      ['Tablette\u0000', 'contains U+0000, a control character, at position 9'],
      ['Tablette \u0007', 'contains U+0007, a control character, at position 10'],
      ['\u202Eettelbat', 'contains U+202E, a bidirectional formatting character, at position 1'],
    ] as const) {
      const refused = await api(world, `/clinics/${world.clinicA}/api-keys`, { method: 'POST', token: ownerA, json: { name } });
      expect(refused.status, name).toBe(400);
      const body = await refused.json<{ error: { code: string; details: { issues: Array<{ path: string; message: string }> } } }>();
      expect(body.error.code).toBe('VALIDATION_FAILED');
      expect(body.error.details.issues).toEqual([{ path: 'name', message: `${reason}; control characters, line breaks and bidirectional overrides are not allowed in a name` }]);
    }
    const listed = await (await api(world, `/clinics/${world.clinicA}/api-keys`, { token: ownerA })).json<{ apiKeys: Array<{ name: string }> }>();
    expect(listed.apiKeys.map((key) => key.name)).not.toContain('Tablette\u0000');
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
