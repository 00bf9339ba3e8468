import { describe, expect, inject, it } from 'vitest';
import { MisconfiguredError, readConfig } from '../../worker/env.ts';
import { configuredMailer } from '../../worker/mail/configured-mailer.ts';
import { httpMailer } from '../../worker/mail/http-mailer.ts';
import { smtpMailer } from '../../worker/mail/smtp-mailer.ts';
import { digestFor, envWith, failureOf, MONDAY_MORNING, owner, provider, smtp, smtpLogin } from '../support/mail-delivery.ts';
import { inspectedFor } from '../support/smtp-inbox.ts';
import { testDatabase } from '../support/world.ts';

describe('e-mail over SMTP refused or cut off', () => {
  it('should fail for good when the server refuses the mailbox (550)', async () => {
    const to = owner('refused');
    const error = await failureOf(smtpMailer({ ...smtp, credentials: smtpLogin }), digestFor(to));
    expect(error).toMatchObject({ transport: 'smtp', retryable: false });
    expect(error.message).toContain('550');
    expect(await inspectedFor('/smtp/messages', to)).toEqual([]);
  });

  it('should be retried, flagged as a refused login, when the server rejects the login (535): a configuration error, not a bad message', async () => {
    const error = await failureOf(smtpMailer({ ...smtp, credentials: { username: smtpLogin.username, password: 'wrong-password' } }), digestFor(owner()));
    expect(error).toMatchObject({ transport: 'smtp', retryable: true, loginRefused: true });
    expect(error.message).toContain('535');
  });

  it('should not take a refused mailbox for a refused login', async () => {
    const error = await failureOf(smtpMailer({ ...smtp, credentials: smtpLogin }), digestFor(owner('refused')));
    expect(error).toMatchObject({ retryable: false, loginRefused: false });
  });

  it('should be retried when the server says "later" (451, greylisting)', async () => {
    const error = await failureOf(smtpMailer({ ...smtp, credentials: smtpLogin }), digestFor(owner('greylisted')));
    expect(error).toMatchObject({ transport: 'smtp', retryable: true });
    expect(error.message).toContain('451');
  });

  it('should be retried when the server cannot be reached', async () => {
    const error = await failureOf(smtpMailer({ ...smtp, port: inject('smtpClosedPort'), credentials: smtpLogin }), digestFor(owner()));
    expect(error).toMatchObject({ transport: 'smtp', retryable: true });
  });

  it('should be retried when the server hangs up without a reply, instead of spinning on the closed socket', async () => {
    const error = await failureOf(smtpMailer({ ...smtp, port: inject('smtpHangupPort') }), digestFor(owner()));
    expect(error).toMatchObject({ transport: 'smtp', retryable: true });
    expect(error.message).toContain('closed the connection');
  });
});

describe('e-mail over a provider HTTP API that refuses or cannot be reached', () => {
  it.each([
    { status: 400, retryable: false },
    { status: 401, retryable: false },
    { status: 422, retryable: false },
    { status: 429, retryable: true },
    { status: 500, retryable: true },
    { status: 503, retryable: true },
  ])('should map a $status answer to retryable: $retryable', async ({ status, retryable }) => {
    const error = await failureOf(httpMailer(provider), digestFor(owner(`status-${status}`)));
    expect(error).toMatchObject({ transport: 'http', retryable });
    expect(error.message).toContain(`answered ${status}`);
    expect(error.message).not.toContain(provider.apiKey);
  });

  it('should be retried when the provider cannot be reached', async () => {
    const error = await failureOf(httpMailer({ ...provider, url: `http://127.0.0.1:${inject('smtpClosedPort')}/emails` }), digestFor(owner()));
    expect(error).toMatchObject({ transport: 'http', retryable: true });
  });
});

describe('e-mail through a send_email binding that refuses', () => {
  it('should be retried when the binding refuses to send (it says no more than why)', async () => {
    const mailer = configuredMailer(readConfig(envWith({ MAIL_TRANSPORT: 'cloudflare' })).mail, { db: testDatabase(), clock: { now: () => MONDAY_MORNING } });
    const error = await failureOf(mailer, digestFor(owner()));
    expect(error).toMatchObject({ transport: 'cloudflare', retryable: true });
    expect(error.message).toContain('not allowed');
  });
});

describe('mail configuration', () => {
  function misconfigured(overrides: Record<string, string | undefined>): unknown {
    try {
      readConfig(envWith(overrides));
    } catch (error) {
      return error instanceof MisconfiguredError ? { code: error.code, details: { settings: error.settings } } : error;
    }
    return 'accepted';
  }

  /** Each deployment mistake, and the settings the error must name. */
  const MISCONFIGURATIONS: { overrides: Record<string, string | undefined>; settings: string[] }[] = [
    { overrides: { MAIL_TRANSPORT: 'smtp' }, settings: ['SMTP_HOST', 'SMTP_PORT'] },
    { overrides: { MAIL_TRANSPORT: 'smtp', SMTP_HOST: 'smtp.pulse.tn', SMTP_PORT: '587', SMTP_USER: 'pulse' }, settings: ['SMTP_PASSWORD'] },
    { overrides: { MAIL_TRANSPORT: 'smtp', SMTP_HOST: 'smtp.pulse.tn', SMTP_PORT: '587', SMTP_SECURE: 'maybe' }, settings: ['SMTP_SECURE'] },
    { overrides: { MAIL_TRANSPORT: 'http', MAIL_API_URL: 'https://api.resend.com/emails', MAIL_API_KEY: '' }, settings: ['MAIL_API_KEY'] },
    { overrides: { MAIL_TRANSPORT: 'cloudflare', SEND_EMAIL: undefined }, settings: ['SEND_EMAIL'] },
    { overrides: { MAIL_TRANSPORT: 'carrier-pigeon' }, settings: ['MAIL_TRANSPORT'] },
    { overrides: { MAIL_FROM: 'Pulse' }, settings: ['MAIL_FROM'] },
  ];

  it.each(MISCONFIGURATIONS)('should name $settings for $overrides', ({ overrides, settings }) => {
    expect(misconfigured(overrides)).toEqual({ code: 'INTERNAL', details: { settings } });
  });
});
