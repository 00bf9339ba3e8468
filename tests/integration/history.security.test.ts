import { describe, expect, it } from 'vitest';
import { api, apiJson, signedInWorld } from '../support/world.ts';

describe("a clinic's history kept within the clinic", () => {
  const signedIn = signedInWorld(['ownerB']);

  it("should not show a clinic's history to another clinic's owner, nor to anyone signed out", async () => {
    const { world } = signedIn;
    const other = signedIn.token('ownerB');
    expect((await apiJson(world, `/clinics/${world.clinicA}/analytics?timeframe=7d`, { token: other })).status).toBe(404);
    expect((await api(world, `/clinics/${world.clinicA}/charts?timeframe=7d`)).status).toBe(401);
    expect((await apiJson(world, `/clinics/${world.clinicA}/stats/estimates?timeframe=7d`, { token: other })).status).toBe(404);
    expect((await api(world, `/clinics/${world.clinicA}/stats/estimates?timeframe=7d`)).status).toBe(401);
  });
});
