import { describe, expect, it } from 'vitest';
import { accountsWithEmail } from '../../db/queries/account-rows.ts';
import { linkMailedTo, readLink, tokenOf } from '../support/setup-links.ts';
import { smtpMessagesTo } from '../support/smtp-inbox.ts';
import { api, signedInWorld, testDatabase } from '../support/world.ts';

describe('invitations and one-time setup links', () => {
  const signedIn = signedInWorld(['ownerA', 'superAdmin'], 'login');

  it('should e-mail a new receptionist a link to choose a password once, and be signed in by it', async () => {
    const { world } = signedIn;
    const ownerToken = signedIn.token('ownerA');
    const email = `reception-${world.suffix}@test.pulse`;
    const invited = await api(world, `/clinics/${world.clinicA}/staff`, { method: 'POST', token: ownerToken, json: { email } });
    expect(invited.status).toBe(201);
    const invitation = await invited.json<Record<string, string>>();
    // The owner never holds the link: it goes to the person invited.
    expect(Object.keys(invitation).sort()).toEqual(['email', 'expiresAt', 'role']);
    expect(invitation.role).toBe('staff');
    expect(Date.parse(invitation.expiresAt ?? '') - Date.now()).toBeGreaterThan(71.9 * 3_600_000);
    const [mail] = await smtpMessagesTo(email);
    expect(mail?.subject).toBe(`Pulse : votre invitation à Cabinet A ${world.suffix}`);
    const setupUrl = await linkMailedTo(email);
    expect(setupUrl).toMatch(/^http:\/\/pulse\.test\/setup#[\w-]{43}$/);

    const token = tokenOf(setupUrl);
    const check = await readLink(world, token);
    expect(await check.json()).toEqual({ email });

    const setup = await api(world, '/auth/setup', { method: 'POST', json: { token, password: 'reception password 1', bearerToken: true } });
    expect(setup.status).toBe(200);
    const session = await setup.json<{ token: string }>();
    const me = await (await api(world, '/me', { token: session.token })).json<{ clinics: Array<{ id: string; role: string }> }>();
    expect(me.clinics.map(({ id, role }) => ({ id, role }))).toEqual([{ id: world.clinicA, role: 'staff' }]);

    const again = await api(world, '/auth/setup', { method: 'POST', json: { token, password: 'another password 22' } });
    expect(again.status).toBe(404);
    expect((await readLink(world, token)).status).toBe(404);
  });

  it('should invite the same new e-mail twice at once without a 500, into one account', async () => {
    const { world } = signedIn;
    const ownerToken = signedIn.token('ownerA');
    const email = `twice-${world.suffix}@test.pulse`;
    const both = await Promise.all([1, 2].map(() => api(world, `/clinics/${world.clinicA}/staff`, { method: 'POST', token: ownerToken, json: { email } })));
    expect(both.map((response) => response.status)).toEqual([201, 201]);
    expect(await accountsWithEmail(testDatabase(), email)).toHaveLength(1);
  });

  it('should let the super admin invite a clinic owner and see the link (they see every account anyway)', async () => {
    const { world } = signedIn;
    const ownerToken = signedIn.token('ownerA');
    const adminToken = signedIn.token('superAdmin');
    const email = `second-owner-${world.suffix}@test.pulse`;
    const owner = await api(world, `/admin/clinics/${world.clinicB}/owners`, { method: 'POST', token: adminToken, json: { email, locale: 'en' } });
    expect(owner.status).toBe(201);
    const body = await owner.json<{ role: string; setupUrl: string }>();
    expect(body.role).toBe('clinic_owner');
    expect(body.setupUrl).toBe(await linkMailedTo(email));
    expect((await smtpMessagesTo(email))[0]?.subject).toBe(`Pulse: your invitation to Cabinet B ${world.suffix}`);
    const noClinic = await api(world, '/admin/clinics/no-such-clinic/owners', { method: 'POST', token: adminToken, json: { email: `x-${world.suffix}@test.pulse` } });
    expect(noClinic.status).toBe(404);
  });
});
