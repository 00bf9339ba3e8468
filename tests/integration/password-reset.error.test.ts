import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditRowsAbout } from '../../db/queries/audit-rows.ts';
import { users } from '../../db/schema/index.ts';
import { appAt, askForReset, callFrom } from '../support/password-resets.ts';
import { linkMailedTo, readLink, tokenOf } from '../support/setup-links.ts';
import { smtpMessagesTo } from '../support/smtp-inbox.ts';
import { api, createWorld, testDatabase } from '../support/world.ts';

const MINUTE = 60_000;

describe('a reset link that does not open', () => {
  const app = appAt();

  it('should mail nothing for an unknown or a disabled address, and answer exactly as for a known one', async () => {
    const world = await createWorld();
    const unknown = `nobody-${world.suffix}@test.pulse`;
    await testDatabase().update(users).set({ disabledAt: Date.now() }).where(eq(users.id, world.staffA.id));

    const answers = await Promise.all([world.ownerA.email, unknown, world.staffA.email].map(async (email) => {
      const response = await askForReset(app, `${world.ip}-${email}`, email);
      return { status: response.status, body: await response.text() };
    }));
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
    expect(await smtpMessagesTo(world.ownerA.email)).toHaveLength(1);
    expect(await smtpMessagesTo(unknown)).toEqual([]);
    expect(await smtpMessagesTo(world.staffA.email)).toEqual([]);
    const [disabledRequest] = await auditRowsAbout(testDatabase(), world.staffA.id);
    expect(disabledRequest).toMatchObject({ action: 'password_reset_request', success: false, detail: '{"outcome":"disabled"}' });
  });

  it('should stop opening 30 minutes after the request, by the runtime clock', async () => {
    const world = await createWorld();
    let now = Date.now();
    const pinned = appAt(() => now);
    await askForReset(pinned, world.ip, world.ownerA.email);
    const token = tokenOf(await linkMailedTo(world.ownerA.email));
    const read = () => callFrom(pinned, world.ip, '/auth/setup/read', { method: 'POST', json: { token } });

    now += 30 * MINUTE - 1;
    expect((await read()).status).toBe(200);
    now += 1;
    expect((await read()).status).toBe(404);
    const late = await callFrom(pinned, world.ip, '/auth/setup', { method: 'POST', json: { token, password: 'too late a password' } });
    expect(late.status).toBe(404);
    expect(await late.json()).toMatchObject({ error: { code: 'NOT_FOUND', message: 'This link is invalid, already used or expired' } });
  });

  it('should refuse a used link the second time, and a link a newer request replaced', async () => {
    const world = await createWorld();
    const { email } = world.ownerA;
    await askForReset(app, world.ip, email);
    const first = tokenOf(await linkMailedTo(email));
    await askForReset(app, world.ip, email);
    const second = tokenOf(await linkMailedTo(email));
    expect(second).not.toBe(first);
    expect((await readLink(world, first)).status).toBe(404);

    const choose = (token: string, password: string) => api(world, '/auth/setup', { method: 'POST', json: { token, password } });
    expect((await choose(first, 'superseded password')).status).toBe(404);
    expect((await choose(second, 'the chosen password')).status).toBe(200);
    expect((await choose(second, 'a second try with it')).status).toBe(404);
    const login = (password: string) => api(world, '/auth/login', { method: 'POST', json: { email, password } });
    expect((await login('the chosen password')).status).toBe(200);
  });
});
