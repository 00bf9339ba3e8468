import { describe, expect, it } from 'vitest';
import { setupLinksOf } from '../../db/queries/account-rows.ts';
import { invitationsOf, invitationTo, inviteStaff, callWithOutbox, outboxTextTo, type Invitation } from '../support/invitations.ts';
import { setupLinkIn } from '../support/setup-links.ts';
import { smtpMessagesTo } from '../support/smtp-inbox.ts';
import { api, sessionFor, signedInWorld, signIn, testDatabase } from '../support/world.ts';

describe('invitations that give nothing away', () => {
  const signedIn = signedInWorld(['ownerA'], 'login');

  it('should never read a setup token from a URL path', async () => {
    const response = await api(signedIn.world, `/auth/setup/${'x'.repeat(43)}`);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: 'NOT_FOUND', message: expect.stringMatching(/^No route for GET/) } });
  });

  it('should answer an owner with the same fields whether the e-mail has an account or not, and give the existing one the clinic', async () => {
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

describe('the link in the answer', () => {
  const signedIn = signedInWorld(['ownerA', 'superAdmin']);

  it('should be shown to the super admin alone, and only when mail goes to the outbox (a deployment without mail)', async () => {
    const { world } = signedIn;
    const ownerEmail = `outbox-owner-${world.suffix}@test.pulse`;
    const admin = await callWithOutbox<Invitation>(`/admin/clinics/${world.clinicB}/owners`, { method: 'POST', token: signedIn.token('superAdmin'), json: { email: ownerEmail } });
    expect(admin.status).toBe(201);
    expect(admin.body.setupUrl).toMatch(/^http:\/\/localhost:8787\/setup#[\w-]{43}$/);
    expect(admin.body.setupUrl).toBe(setupLinkIn(await outboxTextTo(ownerEmail)));
    // Sent again: the new link, to the super admin, through the outbox too.
    const resent = await callWithOutbox<Invitation>(`/clinics/${world.clinicB}/invitations/${admin.body.id}/resend`, { method: 'POST', token: signedIn.token('superAdmin') });
    expect(resent.body.setupUrl).toBe(setupLinkIn(await outboxTextTo(ownerEmail)));
    expect(resent.body.setupUrl).not.toBe(admin.body.setupUrl);
    // Never in a list.
    expect((await invitationsOf(world, world.clinicB, signedIn.token('superAdmin'))).body.invitations.find((one) => one.id === admin.body.id)).not.toHaveProperty('setupUrl');

    const staffEmail = `outbox-staff-${world.suffix}@test.pulse`;
    const owner = await callWithOutbox<Invitation>(`/clinics/${world.clinicA}/staff`, { method: 'POST', token: signedIn.token('ownerA'), json: { email: staffEmail } });
    expect(owner.status).toBe(201);
    expect(owner.body).not.toHaveProperty('setupUrl');
    expect(setupLinkIn(await outboxTextTo(staffEmail))).toBeDefined();

    // Over SMTP the super admin reads it in no answer either.
    const smtp = await api(world, `/admin/clinics/${world.clinicB}/owners`, { method: 'POST', token: signedIn.token('superAdmin'), json: { email: `smtp-owner-${world.suffix}@test.pulse` } });
    expect(await smtp.json()).not.toHaveProperty('setupUrl');
  });
});

describe('who sees and manages which invitations', () => {
  const signedIn = signedInWorld(['ownerA', 'ownerB', 'staffA', 'superAdmin']);

  it('should let a clinic’s owners list, resend and revoke its staff invitations, the super admin every one, and answer 404 to other clinics’ owners', async () => {
    const { world } = signedIn;
    const staffEmail = `managed-staff-${world.suffix}@test.pulse`;
    const ownerEmail = `managed-owner-${world.suffix}@test.pulse`;
    const { body: staff } = await inviteStaff(world, signedIn.token('ownerA'), staffEmail);
    const owner = await api(world, `/admin/clinics/${world.clinicA}/owners`, { method: 'POST', token: signedIn.token('superAdmin'), json: { email: ownerEmail } }).then((response) => response.json<Invitation>());
    const emailsSeenBy = async (token: string) => (await invitationsOf(world, world.clinicA, token)).body.invitations.map((one) => one.email).sort();

    expect(await emailsSeenBy(signedIn.token('ownerA'))).toEqual([staffEmail]);
    expect(await emailsSeenBy(signedIn.token('superAdmin'))).toEqual([ownerEmail, staffEmail]);

    const path = (id: string) => `/clinics/${world.clinicA}/invitations/${id}`;
    const calls = (id: string) => [
      { method: 'GET', path: `/clinics/${world.clinicA}/invitations` },
      { method: 'POST', path: `${path(id)}/resend` },
      { method: 'DELETE', path: path(id) },
    ];
    for (const call of calls(staff.id)) {
      const asOwnerB = await api(world, call.path, { method: call.method, token: signedIn.token('ownerB') });
      expect([call, asOwnerB.status]).toEqual([call, 404]);
      const asStaff = await api(world, call.path, { method: call.method, token: signedIn.token('staffA') });
      expect([call, asStaff.status]).toEqual([call, 403]);
    }
    // An owner does not manage the invitation of another owner: that is the super admin's.
    for (const call of calls(owner.id).slice(1)) {
      const asOwnerA = await api(world, call.path, { method: call.method, token: signedIn.token('ownerA') });
      expect([call, asOwnerA.status]).toEqual([call, 404]);
    }
    expect(await invitationTo(world, world.clinicA, signedIn.token('superAdmin'), ownerEmail)).toMatchObject({ state: 'pending' });
    expect((await api(world, `${path(owner.id)}/resend`, { method: 'POST', token: signedIn.token('superAdmin') })).status).toBe(200);
    expect((await api(world, path(owner.id), { method: 'DELETE', token: signedIn.token('superAdmin') })).status).toBe(200);
    expect((await api(world, path(staff.id), { method: 'DELETE', token: await sessionFor(world.ownerA) })).status).toBe(200);
    expect(await emailsSeenBy(signedIn.token('ownerA'))).toEqual([staffEmail]);
  });
});
