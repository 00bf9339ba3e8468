import { describe, expect, it } from 'vitest';
import { api, signedInWorld } from '../support/world.ts';

describe("a clinic's weekly digest kept within the clinic", () => {
  const signedIn = signedInWorld(['ownerA', 'staffA', 'ownerB']);

  it("should refuse a preview to staff and to other clinics, and the service's digest to an owner", async () => {
    const { world } = signedIn;
    const preview = (token: string, query: string) => api(world, `/reports/weekly/preview?${query}`, { token });
    expect((await preview(signedIn.token('staffA'), `clinicId=${world.clinicA}`)).status).toBe(403);
    expect((await preview(signedIn.token('ownerB'), `clinicId=${world.clinicA}`)).status).toBe(404);
    expect((await preview(signedIn.token('ownerA'), '')).status).toBe(404);
  });
});
