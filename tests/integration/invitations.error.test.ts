import { describe, expect, it } from 'vitest';
import { findUserByEmail } from '../../db/queries/users.ts';
import { expireSetupLinksOf, linkMailedTo, tokenOf } from '../support/setup-links.ts';
import { api, signedInWorld, testDatabase } from '../support/world.ts';

describe('a setup link that no longer opens', () => {
  const signedIn = signedInWorld(['ownerA'], 'login');

  it('should refuse an expired link', async () => {
    const { world } = signedIn;
    const email = `late-${world.suffix}@test.pulse`;
    await api(world, `/clinics/${world.clinicA}/staff`, { method: 'POST', token: signedIn.token('ownerA'), json: { email } });
    const invited = await findUserByEmail(testDatabase(), email);
    await expireSetupLinksOf(invited?.id ?? '');
    const setup = await api(world, '/auth/setup', { method: 'POST', json: { token: tokenOf(await linkMailedTo(email)), password: 'too late password' } });
    expect(setup.status).toBe(404);
    expect(await setup.json()).toMatchObject({ error: { code: 'NOT_FOUND', message: 'This link is invalid, already used or expired' } });
  });
});
