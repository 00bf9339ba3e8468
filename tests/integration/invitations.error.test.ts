import { describe, expect, it } from 'vitest';
import { findUserByEmail } from '../../db/queries/users.ts';
import { createApp } from '../../worker/app.ts';
import { env } from 'cloudflare:test';
import { invitationTo, inviteStaff, type Invitation } from '../support/invitations.ts';
import { expireSetupLinksOf, linkMailedTo, tokenOf } from '../support/setup-links.ts';
import { api, callOwnApp, jsonOf, sessionFor, signedInWorld, testDatabase, type ApiInit } from '../support/world.ts';

const DAY = 24 * 3_600_000;

/** The Worker as it answers at `now`: the same database, a pinned clock. */
function workerAt(now: number) {
  const app = createApp({ clock: { now: () => now } });
  return (path: string, init: ApiInit = {}) => callOwnApp(app, env, path, init);
}

describe('a setup link that no longer opens', () => {
  const signedIn = signedInWorld(['ownerA'], 'login');

  it('should refuse an expired link', async () => {
    const { world } = signedIn;
    const email = `late-${world.suffix}@test.pulse`;
    await inviteStaff(world, signedIn.token('ownerA'), email);
    const invited = await findUserByEmail(testDatabase(), email);
    await expireSetupLinksOf(invited?.id ?? '');
    const setup = await api(world, '/auth/setup', { method: 'POST', json: { token: tokenOf(await linkMailedTo(email)), password: 'too late password' } });
    expect(setup.status).toBe(404);
    expect(await setup.json()).toMatchObject({ error: { code: 'NOT_FOUND', message: 'This link is invalid, already used or expired' } });
  });

  it('should open the link until 7 days after it was sent, to the millisecond, then show the invitation expired until it is sent again', async () => {
    const { world } = signedIn;
    const email = `week-${world.suffix}@test.pulse`;
    const { body: invitation } = await inviteStaff(world, signedIn.token('ownerA'), email);
    const expiresAt = Date.parse(invitation.expiresAt);
    expect(expiresAt - Date.parse(invitation.sentAt)).toBe(7 * DAY);
    const token = tokenOf(await linkMailedTo(email));
    // A session that outlives the week, for the owner looking at the list then.
    const ownerToken = await sessionFor(world.ownerA, 8 * DAY);
    const listAt = async (now: number) => (await jsonOf<{ invitations: Invitation[] }>(await workerAt(now)(`/clinics/${world.clinicA}/invitations`, { token: ownerToken }))).body.invitations.find((one) => one.id === invitation.id);

    expect((await workerAt(expiresAt - 1)('/auth/setup/read', { method: 'POST', json: { token } })).status).toBe(200);
    expect(await listAt(expiresAt - 1)).toMatchObject({ state: 'pending' });
    expect((await workerAt(expiresAt)('/auth/setup/read', { method: 'POST', json: { token } })).status).toBe(404);
    expect(await listAt(expiresAt)).toMatchObject({ state: 'expired' });

    // Sent again on the 8th day: a new week from then.
    const later = expiresAt + DAY;
    const resent = await jsonOf<Invitation>(await workerAt(later)(`/clinics/${world.clinicA}/invitations/${invitation.id}/resend`, { method: 'POST', token: ownerToken }));
    expect(resent.status).toBe(200);
    expect(resent.body).toMatchObject({ state: 'pending', sentAt: new Date(later).toISOString(), expiresAt: new Date(later + 7 * DAY).toISOString() });
    const newToken = tokenOf(await linkMailedTo(email));
    expect((await workerAt(later + 7 * DAY - 1)('/auth/setup/read', { method: 'POST', json: { token: newToken } })).status).toBe(200);
    expect((await workerAt(later)('/auth/setup/read', { method: 'POST', json: { token } })).status).toBe(404);
  });
});

describe('invitations that cannot be sent again or revoked', () => {
  const signedIn = signedInWorld(['ownerA'], 'login');

  it('should refuse to resend or revoke an accepted or revoked invitation (409), and an unknown one (404)', async () => {
    const { world } = signedIn;
    const ownerToken = signedIn.token('ownerA');
    const accepted = await inviteStaff(world, ownerToken, world.ownerB.email);
    expect(accepted.body.state).toBe('accepted');
    const path = (id: string) => `/clinics/${world.clinicA}/invitations/${id}`;
    for (const [method, suffix] of [['POST', '/resend'], ['DELETE', '']] as const) {
      const refused = await api(world, path(accepted.body.id) + suffix, { method, token: ownerToken });
      expect(refused.status).toBe(409);
      expect(await refused.json()).toMatchObject({ error: { code: 'CONFLICT', message: 'Only a pending or expired invitation can be sent again or revoked' } });
      expect((await api(world, path('no-such-invitation') + suffix, { method, token: ownerToken })).status).toBe(404);
    }

    const email = `twice-revoked-${world.suffix}@test.pulse`;
    const { body: pending } = await inviteStaff(world, ownerToken, email);
    expect((await api(world, path(pending.id), { method: 'DELETE', token: ownerToken })).status).toBe(200);
    expect((await api(world, path(pending.id), { method: 'DELETE', token: ownerToken })).status).toBe(409);
    expect((await api(world, `${path(pending.id)}/resend`, { method: 'POST', token: ownerToken })).status).toBe(409);
    expect(await invitationTo(world, world.clinicA, ownerToken, email)).toMatchObject({ state: 'revoked' });
  });

  it('should refuse to invite someone who already has the clinic (409), changing nothing', async () => {
    const { world } = signedIn;
    const refused = await inviteStaff(world, signedIn.token('ownerA'), world.staffA.email);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ error: { code: 'CONFLICT', message: 'This person already has access to the clinic' } });
  });
});
