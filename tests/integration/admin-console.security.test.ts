import { describe, expect, it } from 'vitest';
import { api, createWorld, sessionFor } from '../support/world.ts';

describe('the admin console seen by anyone but the super admin', () => {
  it('should answer 404 to a clinic owner on every admin route', async () => {
    const world = await createWorld();
    const owner = await sessionFor(world.ownerA);
    for (const path of ['/admin/metrics', '/admin/clinics', `/admin/clinics/${world.clinicA}`, `/admin/clinics/${world.clinicA}/activity`, '/admin/trends']) {
      const response = await api(world, path, { token: owner });
      expect(response.status, path).toBe(404);
    }
  });
});
