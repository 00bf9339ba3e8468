import { describe, expect, it } from 'vitest';
import { setupLinksOf } from '../../db/queries/account-rows.ts';
import { smtpMessagesTo } from '../support/smtp-inbox.ts';
import { api, signedInWorld, signIn, testDatabase } from '../support/world.ts';

describe('invitations that give nothing away', () => {
  const signedIn = signedInWorld(['ownerA'], 'login');

  it('should never read a setup token from a URL path', async () => {
    const response = await api(signedIn.world, `/auth/setup/${'x'.repeat(43)}`);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: 'NOT_FOUND', message: expect.stringMatching(/^No route for GET/) } });
  });

  it('should answer an owner the same whether the e-mail has an account or not, and give the existing one the clinic', async () => {
    const { world } = signedIn;
    const ownerToken = signedIn.token('ownerA');
    const fresh = await api(world, `/clinics/${world.clinicA}/staff`, { method: 'POST', token: ownerToken, json: { email: `new-${world.suffix}@test.pulse` } });
    // B's owner already has an account: a doctor working in two clinics.
    const existing = await api(world, `/clinics/${world.clinicA}/staff`, { method: 'POST', token: ownerToken, json: { email: world.ownerB.email } });
    expect([fresh.status, existing.status]).toEqual([201, 201]);
    const shape = (body: Record<string, string>) => ({ keys: Object.keys(body).sort(), role: body.role });
    expect(shape(await existing.json())).toEqual(shape(await fresh.json()));

    const ownerB = await signIn(world, world.ownerB);
    const me = await (await api(world, '/me', { token: ownerB })).json<{ clinics: Array<{ id: string; role: string }> }>();
    expect(me.clinics.map(({ id, role }) => ({ id, role })).sort((a, b) => a.id.localeCompare(b.id))).toEqual([
      { id: world.clinicA, role: 'staff' },
      { id: world.clinicB, role: 'clinic_owner' },
    ]);
    const [notice] = await smtpMessagesTo(world.ownerB.email);
    expect(notice?.subject).toBe(`Pulse : vous avez accès à Cabinet A ${world.suffix}`);
    expect(notice?.text).not.toMatch(/setup#/);
    // The password they had still works, and nobody got a link to change it.
    expect(await setupLinksOf(testDatabase(), world.ownerB.id)).toEqual([]);
  });

  it('should not let staff invite anyone', async () => {
    const { world } = signedIn;
    const staffToken = await signIn(world, world.staffA);
    const response = await api(world, `/clinics/${world.clinicA}/staff`, { method: 'POST', token: staffToken, json: { email: `y-${world.suffix}@test.pulse` } });
    expect(response.status).toBe(403);
  });
});
