import { describe, expect, it } from 'vitest';
import { auditRowsAbout } from '../../db/queries/audit-rows.ts';
import { users } from '../../db/schema/index.ts';
import { appAt, askForReset } from '../support/password-resets.ts';
import { linkMailedTo, readLink, tokenOf } from '../support/setup-links.ts';
import { smtpMessagesTo } from '../support/smtp-inbox.ts';
import { api, createWorld, signIn, testDatabase } from '../support/world.ts';

describe('a forgotten password', () => {
  const app = appAt();

  it('should mail a doctor one link, let them choose a new password with it once, and end every other session', async () => {
    const world = await createWorld();
    const { email, password } = world.ownerA;
    const phone = await signIn(world, world.ownerA);
    const laptop = await signIn(world, world.ownerA);

    const asked = await askForReset(app, world.ip, email);
    expect(asked.status).toBe(202);
    expect(await asked.json()).toEqual({ message: 'If this address belongs to an account, a link to choose a new password has been e-mailed to it; it works once, for 30 minutes.' });
    expect((await smtpMessagesTo(email)).map((mail) => mail.subject)).toEqual(['Pulse : choisir un nouveau mot de passe']);
    // Built on PUBLIC_URL, never on the Host of whoever asked.
    const link = await linkMailedTo(email);
    expect(link).toMatch(/^http:\/\/localhost:8787\/setup#[\w-]{43}$/);
    const token = tokenOf(link);
    expect(await (await readLink(world, token)).json()).toEqual({ email, reset: true });

    const newPassword = 'a new password for the doctor';
    const reset = await api(world, '/auth/setup', { method: 'POST', json: { token, password: newPassword, bearerToken: true } });
    expect(reset.status).toBe(200);
    const { token: fresh } = await reset.json<{ token: string }>();
    expect((await api(world, '/me', { token: phone })).status).toBe(401);
    expect((await api(world, '/me', { token: laptop })).status).toBe(401);
    expect((await api(world, '/me', { token: fresh })).status).toBe(200);
    const login = (tried: string) => api(world, '/auth/login', { method: 'POST', json: { email, password: tried } });
    expect((await login(password)).status).toBe(401);
    expect((await login(newPassword)).status).toBe(200);

    const audit = (await auditRowsAbout(testDatabase(), world.ownerA.id)).filter((row) => row.action.startsWith('password_reset')).reverse();
    expect(audit.map(({ action, success, actorId, detail }) => ({ action, success, actorId, detail }))).toEqual([
      { action: 'password_reset_request', success: true, actorId: null, detail: '{"outcome":"mailed"}' },
      { action: 'password_reset', success: true, actorId: world.ownerA.id, detail: null },
    ]);
  });

  it('should mail an invited receptionist who never chose a password a link too, in their language', async () => {
    const world = await createWorld();
    const email = `new-reception-${world.suffix}@test.pulse`;
    await testDatabase().insert(users).values({ id: `new-reception-${world.suffix}`, email, role: 'member', locale: 'en', createdAt: Date.now() });

    expect((await askForReset(app, world.ip, email)).status).toBe(202);
    expect((await smtpMessagesTo(email)).map((mail) => mail.subject)).toEqual(['Pulse: choose a new password']);
    const token = tokenOf(await linkMailedTo(email));
    const chosen = await api(world, '/auth/setup', { method: 'POST', json: { token, password: 'reception password 1', bearerToken: true } });
    expect(chosen.status).toBe(200);
    expect((await api(world, '/me', { token: (await chosen.json<{ token: string }>()).token })).status).toBe(200);
  });
});
