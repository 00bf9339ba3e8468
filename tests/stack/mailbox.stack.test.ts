import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startStack, type Stack } from '../../scripts/lib/stack.ts';
import { mailboxForFile, setupTokenIn } from '../support/mailbox.ts';

/** The demo's people (db/seed), as `npm start` prints them. */
const ADMIN = { email: 'admin@pulse.local', password: 'pulse-admin' };
const DOCTOR = { email: 'doctor@pulse.local', password: 'pulse-doctor' };
const RECEPTION = { email: 'reception@pulse.local', password: 'pulse-reception' };

const SessionAnswer = z.object({ token: z.string() });
const MeAnswer = z.object({ user: z.object({ email: z.string() }), clinics: z.array(z.object({ id: z.string() })) });
const HealthAnswer = z.object({ mail: z.object({ transport: z.string(), state: z.string(), lastLoginAcceptedAt: z.string().nullable() }) });

/** Monday of last week (UTC), a week whose digest may be sent. */
function lastWeeksMonday(now: Date): string {
  const sinceMonday = (now.getUTCDay() + 6) % 7;
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - sinceMonday - 7)).toISOString().slice(0, 10);
}

/**
 * `npm start`'s mail, for real: the seeded demo behind wrangler dev, sending every e-mail over SMTP
 * to a MailDev that asks for a login, read back through MailDev's REST API as a developer reads
 * the inbox in a browser.
 */
describe('every e-mail of a local Pulse, in MailDev', () => {
  const mailbox = mailboxForFile('stack');
  let dataDir = '';
  let stack: Stack;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'pulse-stack-mailbox-'));
    stack = await startStack({ dataDir, seed: true, vars: mailbox().vars });
  }, 180_000);

  afterAll(async () => {
    await stack?.stop();
    if (dataDir !== '') await rm(dataDir, { recursive: true, force: true });
  }, 60_000);

  const call = (path: string, init: { method?: string; token?: string; json?: unknown } = {}) =>
    fetch(`${stack.url}/api/v1${path}`, {
      method: init.method ?? (init.json === undefined ? 'GET' : 'POST'),
      headers: {
        ...(init.json === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...(init.token === undefined ? {} : { Authorization: `Bearer ${init.token}` }),
      },
      body: init.json === undefined ? undefined : JSON.stringify(init.json),
    });
  const signIn = async (person: { email: string; password: string }) => {
    const response = await call('/auth/login', { json: { ...person, bearerToken: true } });
    expect(response.status, `login of ${person.email}`).toBe(200);
    return SessionAnswer.parse(await response.json()).token;
  };
  const doctorsClinic = async () => {
    const me = await call('/me', { token: await signIn(DOCTOR) });
    const clinicId = MeAnswer.parse(await me.json()).clinics[0]?.id;
    if (clinicId === undefined) throw new Error('the demo doctor owns no clinic');
    return clinicId;
  };

  it("should deliver the Monday digest to the doctor's inbox over SMTP, and /health call the mail login good", async () => {
    const week = lastWeeksMonday(new Date());
    const send = await call('/reports/weekly/send', { token: await signIn(ADMIN), json: { clinicId: await doctorsClinic(), week } });
    expect(send.status).toBe(202);
    expect(await send.json()).toMatchObject({ week, recipients: 1, alreadySent: 0 });

    const [digest] = await mailbox().untilMessagesTo(DOCTOR.email, 1);
    expect(digest?.from[0]?.address).toBe('notifications@pulse.tn');
    expect(digest?.html).toContain(`${stack.url}/history`);

    const health = HealthAnswer.parse(await (await fetch(`${stack.url}/api/v1/health`)).json());
    expect(health.mail).toMatchObject({ transport: 'smtp', state: 'ok' });
    expect(health.mail.lastLoginAcceptedAt).not.toBeNull();
  });

  it('should e-mail an invited owner a setup link that signs them in', async () => {
    const email = `owner-${crypto.randomUUID().slice(0, 8)}@clinique-el-amal.tn`;
    const invite = await call(`/admin/clinics/${await doctorsClinic()}/owners`, { token: await signIn(ADMIN), json: { email, locale: 'fr' } });
    expect(invite.status).toBe(201);

    const [invitation] = await mailbox().untilMessagesTo(email, 1);
    if (invitation === undefined) throw new Error(`no invitation e-mail reached ${email}`);
    const setup = await call('/auth/setup', { json: { token: setupTokenIn(invitation, stack.url), password: 'a password of my own', bearerToken: true } });
    expect(setup.status).toBe(200);
    const { token } = SessionAnswer.parse(await setup.json());

    const me = await call('/me', { token });
    expect(me.status).toBe(200);
    expect(MeAnswer.parse(await me.json()).user.email).toBe(email);
  });

  it('should answer a forgotten password alike for a known and an unknown address, and mail a working link only to the known one', async () => {
    const unknown = `nobody-${crypto.randomUUID().slice(0, 8)}@pulse.local`;
    const known = await call('/auth/forgot-password', { json: { email: RECEPTION.email } });
    const stranger = await call('/auth/forgot-password', { json: { email: unknown } });
    expect(known.status).toBe(202);
    expect(stranger.status).toBe(202);
    expect(await stranger.json()).toEqual(await known.json());

    const mails = await mailbox().untilMessagesTo(RECEPTION.email, 1);
    expect(mails).toHaveLength(1);
    expect(await mailbox().messagesTo(unknown)).toEqual([]);

    const [reset] = mails;
    if (reset === undefined) throw new Error('no reset e-mail');
    const newPassword = 'the receptionist chose this';
    expect((await call('/auth/setup', { json: { token: setupTokenIn(reset, stack.url), password: newPassword } })).status).toBe(200);
    expect((await call('/auth/login', { json: { email: RECEPTION.email, password: newPassword } })).status).toBe(200);
    expect((await call('/auth/login', { json: RECEPTION })).status).toBe(401);
  });
});
