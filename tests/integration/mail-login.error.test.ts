// The Worker first: its routes extend zod with OpenAPI before any shared schema module is read.
import { deliverJobs } from '../support/jobs.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import { digestRunsOf } from '../../db/queries/digest-run-rows.ts';
import { recentDeadLetters } from '../../db/queries/dead-letters.ts';
import { fetchWithEnv } from '../support/fetch-with-env.ts';
import { envWith, smtp, smtpLogin } from '../support/mail-delivery.ts';
import { smtpMessagesTo } from '../support/smtp-inbox.ts';
import { createWorld, testDatabase, type World } from '../support/world.ts';

const WEEK = '2026-03-02';

interface MailPart {
  transport: string;
  state: string;
  problem: string | null;
  lastLoginAcceptedAt: string | null;
  lastLoginRefusedAt: string | null;
}

async function healthIn(environment: Env): Promise<{ status: number; failing: string[]; mail: MailPart }> {
  const response = await fetchWithEnv('/api/v1/health', environment);
  const body = await response.json<{ failing: string[]; mail: MailPart }>();
  return { status: response.status, failing: body.failing, mail: body.mail };
}

/**
 * Friday the mail provider's password was rotated and nobody updated SMTP_PASSWORD. Monday 09:00,
 * the digest job logs in, is refused (535), and must neither lose the digest nor hide the cause.
 */
describe('an SMTP login refused on Monday morning', () => {
  let world: World;
  const db = testDatabase();
  const relay = { MAIL_TRANSPORT: 'smtp', SMTP_HOST: smtp.host, SMTP_PORT: String(smtp.port), SMTP_SECURE: 'off', SMTP_USER: smtpLogin.username };
  const rotated = envWith({ ...relay, SMTP_PASSWORD: 'the-password-before-friday' });
  const fixed = envWith({ ...relay, SMTP_PASSWORD: smtpLogin.password });

  beforeAll(async () => {
    world = await createWorld();
  });

  it('should retry the digest, not dead-letter it, and show the mail part failing on /health with the server\'s words', async () => {
    const attempt = await deliverJobs([{ type: 'digest.clinic', clinicId: world.clinicA, weekStart: WEEK }], rotated);
    expect(attempt.retryMessages).toHaveLength(1);
    expect(attempt.explicitAcks).toEqual([]);
    expect((await recentDeadLetters(db, 50)).filter((letter) => letter.body.includes(world.clinicA))).toEqual([]);
    // The claim was given back: the retry sends it.
    expect((await digestRunsOf(db, world.clinicA, WEEK)).map((run) => run.sentAt)).toEqual([null]);

    const health = await healthIn(rotated);
    expect(health.status).toBe(503);
    expect(health.failing).toContain('mail');
    expect(health.mail).toMatchObject({ transport: 'smtp', state: 'login_refused' });
    expect(health.mail.problem).toContain('535');
    expect(health.mail.problem).not.toContain('the-password-before-friday');
    expect(health.mail.lastLoginRefusedAt).not.toBeNull();
  });

  it('should send the digest on the retry once the password is fixed, and health recovers', async () => {
    const retry = await deliverJobs([{ type: 'digest.clinic', clinicId: world.clinicA, weekStart: WEEK }], fixed, 2);
    expect(retry.retryMessages).toEqual([]);
    expect(await smtpMessagesTo(world.ownerA.email)).toHaveLength(1);

    const health = await healthIn(fixed);
    expect(health.failing).not.toContain('mail');
    expect(health.mail).toMatchObject({ transport: 'smtp', state: 'ok', problem: null });
    expect(Date.parse(health.mail.lastLoginAcceptedAt ?? '')).toBeGreaterThan(Date.parse(health.mail.lastLoginRefusedAt ?? ''));
  });
});

describe('an SMTP transport deployed without a login', () => {
  it('should be reported as misconfigured by /health, naming the settings, while the rest of Pulse answers', async () => {
    const health = await healthIn(envWith({ MAIL_TRANSPORT: 'smtp', SMTP_HOST: smtp.host, SMTP_PORT: String(smtp.port), SMTP_SECURE: 'off' }));
    expect(health.status).toBe(503);
    expect(health.failing).toEqual(['mail']);
    expect(health.mail).toMatchObject({ transport: 'smtp', state: 'misconfigured' });
    expect(health.mail.problem).toContain('SMTP_USER and SMTP_PASSWORD are not set');
  });

  it('should leave the outbox, the deployed default, healthy', async () => {
    const health = await healthIn(envWith({}));
    expect(health.mail).toMatchObject({ transport: 'outbox', state: 'ok' });
  });
});
