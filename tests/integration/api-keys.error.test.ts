import { beforeAll, describe, expect, it } from 'vitest';
import { api, createWorld, signIn, type World } from '../support/world.ts';

describe('an API key refused at creation', () => {
  let world: World;
  let ownerA: string;
  beforeAll(async () => {
    world = await createWorld();
    ownerA = await signIn(world, world.ownerA);
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
});
