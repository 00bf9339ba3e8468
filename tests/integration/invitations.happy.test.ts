import { describe, expect, it } from 'vitest';
import { accountsWithEmail } from '../../db/queries/account-rows.ts';
import { auditRowsAbout } from '../../db/queries/audit-rows.ts';
import { clinicMembers } from '../../db/queries/users.ts';
import { INVITATION_LINK_TTL_MS } from '../../worker/domain/invitation-state.ts';
import { invitationTo, inviteStaff } from '../support/invitations.ts';
import { linkMailedTo, readLink, tokenOf } from '../support/setup-links.ts';
import { smtpMessagesTo } from '../support/smtp-inbox.ts';
import { api, signedInWorld, testDatabase } from '../support/world.ts';

describe('invitations and one-time setup links', () => {
  const signedIn = signedInWorld(['ownerA', 'superAdmin'], 'login');

  it('should e-mail a new receptionist, in French by default, a link valid 7 days to choose a password once, and be signed in by it', async () => {
    const { world } = signedIn;
    const ownerToken = signedIn.token('ownerA');
    const email = `reception-${world.suffix}@test.pulse`;
    const invited = await inviteStaff(world, ownerToken, email);
    expect(invited.status).toBe(201);
    const invitation = invited.body;
    // The owner never holds the link: it goes to the person invited.
    expect(Object.keys(invitation).sort()).toEqual(['email', 'expiresAt', 'id', 'invitedAt', 'role', 'sentAt', 'state']);
    expect(invitation).toMatchObject({ email, role: 'staff', state: 'pending' });
    expect(Date.parse(invitation.expiresAt) - Date.parse(invitation.invitedAt)).toBe(7 * 24 * 3_600_000);
    const [mail] = await smtpMessagesTo(email);
    expect(mail?.subject).toBe(`Pulse : votre invitation à Cabinet A ${world.suffix}`);
    expect(mail?.text).toContain('(accueil). Choisissez votre mot de passe avec ce lien, valable une fois');
    const setupUrl = await linkMailedTo(email);
    // On PUBLIC_URL (wrangler.toml), never on the host the request named.
    expect(setupUrl).toMatch(/^http:\/\/localhost:8787\/setup#[\w-]{43}$/);

    const token = tokenOf(setupUrl);
    const check = await readLink(world, token);
    expect(await check.json()).toMatchObject({ email });

    const setup = await api(world, '/auth/setup', { method: 'POST', json: { token, password: 'reception password 1', bearerToken: true } });
    expect(setup.status).toBe(200);
    const session = await setup.json<{ token: string }>();
    const me = await (await api(world, '/me', { token: session.token })).json<{ clinics: Array<{ id: string; role: string }> }>();
    expect(me.clinics.map(({ id, role }) => ({ id, role }))).toEqual([{ id: world.clinicA, role: 'staff' }]);
    expect(await invitationTo(world, world.clinicA, ownerToken, email)).toMatchObject({ id: invitation.id, state: 'accepted' });

    const again = await api(world, '/auth/setup', { method: 'POST', json: { token, password: 'another password 22' } });
    expect(again.status).toBe(404);
    expect((await readLink(world, token)).status).toBe(404);
  });

  it('should invite the same new e-mail twice at once without a 500, into one account and one invitation', async () => {
    const { world } = signedIn;
    const ownerToken = signedIn.token('ownerA');
    const email = `twice-${world.suffix}@test.pulse`;
    const both = await Promise.all([1, 2].map(() => inviteStaff(world, ownerToken, email)));
    expect(both.map((answer) => answer.status)).toEqual([201, 201]);
    expect(await accountsWithEmail(testDatabase(), email)).toHaveLength(1);
    const listed = (await api(world, `/clinics/${world.clinicA}/invitations`, { token: ownerToken }).then((response) => response.json<{ invitations: Array<{ email: string }> }>())).invitations;
    expect(listed.filter((invitation) => invitation.email === email)).toHaveLength(1);
  });

  it('should let the super admin invite a clinic owner in English, the link in the e-mail only when mail really leaves', async () => {
    const { world } = signedIn;
    const adminToken = signedIn.token('superAdmin');
    const email = `second-owner-${world.suffix}@test.pulse`;
    const owner = await api(world, `/admin/clinics/${world.clinicB}/owners`, { method: 'POST', token: adminToken, json: { email, locale: 'en' } });
    expect(owner.status).toBe(201);
    const body = await owner.json<Record<string, string>>();
    expect(body).toMatchObject({ role: 'clinic_owner', state: 'pending' });
    expect(body).not.toHaveProperty('setupUrl');
    const [mail] = await smtpMessagesTo(email);
    expect(mail?.subject).toBe(`Pulse: your invitation to Cabinet B ${world.suffix}`);
    expect(mail?.text).toContain('(owner). Choose your password with this link, valid once, until');
    expect((await readLink(world, tokenOf(await linkMailedTo(email)))).status).toBe(200);
    const noClinic = await api(world, '/admin/clinics/no-such-clinic/owners', { method: 'POST', token: adminToken, json: { email: `x-${world.suffix}@test.pulse` } });
    expect(noClinic.status).toBe(404);
  });

  it('should resend a pending invitation: a new e-mail with a new link valid 7 days, the old link dead, audited', async () => {
    const { world } = signedIn;
    const ownerToken = signedIn.token('ownerA');
    const email = `resent-${world.suffix}@test.pulse`;
    const { body: invitation } = await inviteStaff(world, ownerToken, email, 'en');
    const firstLink = await linkMailedTo(email);

    const resent = await api(world, `/clinics/${world.clinicA}/invitations/${invitation.id}/resend`, { method: 'POST', token: ownerToken });
    expect(resent.status).toBe(200);
    const after = await resent.json<Record<string, string>>();
    expect(after).toMatchObject({ id: invitation.id, email, state: 'pending', invitedAt: invitation.invitedAt });
    expect(after).not.toHaveProperty('setupUrl');
    expect(Date.parse(after.expiresAt ?? '') - Date.parse(after.sentAt ?? '')).toBe(INVITATION_LINK_TTL_MS);

    const mails = await smtpMessagesTo(email);
    expect(mails.map((mail) => mail.subject)).toEqual([`Pulse: your invitation to Cabinet A ${world.suffix}`, `Pulse: your invitation to Cabinet A ${world.suffix}`]);
    const secondLink = await linkMailedTo(email);
    expect(secondLink).not.toBe(firstLink);
    expect((await readLink(world, tokenOf(firstLink))).status).toBe(404);
    expect((await readLink(world, tokenOf(secondLink))).status).toBe(200);
    const [audit] = await auditRowsAbout(testDatabase(), invitation.id);
    expect(audit).toMatchObject({ action: 'invitation_resend', actorId: world.ownerA.id, actorRole: 'clinic_owner', clinicId: world.clinicA, targetType: 'invitation', success: true });
  });

  it('should revoke a pending invitation: the link dead, the clinic no longer theirs, the state revoked, audited', async () => {
    const { world } = signedIn;
    const ownerToken = signedIn.token('ownerA');
    const email = `revoked-${world.suffix}@test.pulse`;
    const { body: invitation } = await inviteStaff(world, ownerToken, email);
    const link = await linkMailedTo(email);
    const [person] = await accountsWithEmail(testDatabase(), email);
    expect((await clinicMembers(testDatabase(), world.clinicA)).map((member) => member.userId)).toContain(person?.id);

    const revoked = await api(world, `/clinics/${world.clinicA}/invitations/${invitation.id}`, { method: 'DELETE', token: ownerToken });
    expect(revoked.status).toBe(200);
    expect(await revoked.json()).toMatchObject({ id: invitation.id, state: 'revoked' });
    expect((await readLink(world, tokenOf(link))).status).toBe(404);
    const setup = await api(world, '/auth/setup', { method: 'POST', json: { token: tokenOf(link), password: 'revoked password 1' } });
    expect(setup.status).toBe(404);
    expect((await clinicMembers(testDatabase(), world.clinicA)).map((member) => member.userId)).not.toContain(person?.id);
    expect(await invitationTo(world, world.clinicA, ownerToken, email)).toMatchObject({ state: 'revoked' });
    const [audit] = await auditRowsAbout(testDatabase(), invitation.id);
    expect(audit).toMatchObject({ action: 'invitation_revoke', actorId: world.ownerA.id, clinicId: world.clinicA, success: true });

    // Invited again later, they get a new invitation and a link that works.
    const again = await inviteStaff(world, ownerToken, email);
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ state: 'pending' });
    expect(again.body.id).not.toBe(invitation.id);
    expect((await readLink(world, tokenOf(await linkMailedTo(email)))).status).toBe(200);
  });

  it('should give someone with a password the clinic at once, with a notice, and show the invitation accepted', async () => {
    const { world } = signedIn;
    const adminToken = signedIn.token('superAdmin');
    const invited = await api(world, `/admin/clinics/${world.clinicA}/owners`, { method: 'POST', token: adminToken, json: { email: world.ownerB.email } });
    expect(invited.status).toBe(201);
    expect(await invited.json()).toMatchObject({ role: 'clinic_owner', state: 'accepted' });
    const notice = (await smtpMessagesTo(world.ownerB.email)).at(-1);
    expect(notice?.subject).toBe(`Pulse : vous avez accès à Cabinet A ${world.suffix}`);
    expect(await invitationTo(world, world.clinicA, adminToken, world.ownerB.email)).toMatchObject({ role: 'clinic_owner', state: 'accepted' });
  });
});
