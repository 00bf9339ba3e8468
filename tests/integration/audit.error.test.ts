import { describe, expect, it } from 'vitest';
import { api, signedInWorld } from '../support/world.ts';

describe('the audit log asked what it cannot answer', () => {
  const signedIn = signedInWorld(['superAdmin'], 'login');

  it('should refuse an unknown format or a malformed cursor', async () => {
    const { world } = signedIn;
    const admin = signedIn.token('superAdmin');
    expect((await api(world, '/admin/audit?format=xml', { token: admin })).status).toBe(400);
    expect((await api(world, '/admin/audit?cursor=abc', { token: admin })).status).toBe(400);
  });
});
