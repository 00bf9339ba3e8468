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
});
