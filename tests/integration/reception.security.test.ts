import { beforeAll, describe, expect, it } from 'vitest';
import { api, createWorld, sessionFor, type World } from '../support/world.ts';
import { receptionDesk } from '../support/reception-desk.ts';

describe("who may act at a clinic's reception desk", () => {
  let world: World;
  let desk: ReturnType<typeof receptionDesk>;

  beforeAll(async () => {
    world = await createWorld();
    desk = receptionDesk(world, await sessionFor(world.staffA));
  });

  it('should refuse the super admin nothing, and the other clinic everything', async () => {
    const base = `/clinics/${world.clinicA}`;
    const admin = await sessionFor(world.superAdmin);
    expect((await api(world, `${base}/queue/entries`, { method: 'POST', token: admin, json: { method: 'qr' } })).status).toBe(200);
    const ownerB = await sessionFor(world.ownerB);
    expect((await api(world, `${base}/queue/entries`, { method: 'POST', token: ownerB, json: { method: 'qr' } })).status).toBe(404);
    expect((await desk.figures()).waiting).toBe(1);
  });
});
