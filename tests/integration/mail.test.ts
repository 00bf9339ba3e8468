import { env } from 'cloudflare:test';
import { describe, expect, inject, it } from 'vitest';
import { listOutboxMail } from '../../db/queries/mail-outbox.ts';
import { MisconfiguredError, readConfig } from '../../worker/env.ts';
import { cloudflareMailer } from '../../worker/mail/cloudflare-mailer.ts';
import { configuredMailer } from '../../worker/mail/configured-mailer.ts';
import { httpMailer } from '../../worker/mail/http-mailer.ts';
import { MailError, type Mailer, type MailMessage } from '../../worker/mail/mailer.ts';
import { smtpMailer } from '../../worker/mail/smtp-mailer.ts';
import { testDatabase } from '../support/world.ts';

/** Monday 09:00 in Tunis: the hour the weekly digest goes out. */
const MONDAY_MORNING = Date.parse('2026-03-02T08:00:00Z');
const inspector = inject('mailInspectorUrl');
const smtp = { host: inject('smtpHost'), port: inject('smtpPort'), security: 'off' as const };
const smtpLogin = { username: inject('smtpUser'), password: inject('smtpPassword') };

/** A clinic owner's mailbox no other test writes to, so what arrived there is this test's alone. */
function owner(prefix = 'proprietaire'): string {
  return `${prefix}-${crypto.randomUUID()}@clinique-el-amal.tn`;
}

/** The weekly digest of the Clinique El Amal, in French, as the digest job will compose it. */
function digestFor(to: string): MailMessage {
  return {
    from: 'Pulse <notifications@pulse.tn>',
    to,
    subject: 'Clinique El Amal — votre semaine : 412 patients, attente médiane 18 min',
    html: '<!doctype html><html lang="fr"><body style="font-family:sans-serif"><h1 style="color:#0f766e">Résumé de la semaine</h1><p>412 patients accueillis, attente médiane 18 min (−3 min). Créneau le plus chargé : lundi 10 h.</p></body></html>',
    text: 'Résumé de la semaine\n\n412 patients accueillis, attente médiane 18 min (−3 min).\nCréneau le plus chargé : lundi 10 h.',
    headers: { 'X-Pulse-Kind': 'weekly_digest' },
    tags: { kind: 'weekly_digest', clinic: 'el-amal' },
  };
}

/** The Worker's environment with some settings changed, as another deployment would have them. */
/**
 * The environment as wrangler.toml deploys it (the outbox, no SMTP settings), with `overrides`:
 * the tests' own env sends over SMTP to the test server (vitest.config.ts).
 */
function envWith(overrides: Record<string, string | undefined>): Env {
  const asDeployed = { MAIL_TRANSPORT: 'outbox', SMTP_HOST: undefined, SMTP_PORT: undefined, SMTP_SECURE: undefined, SMTP_USER: undefined, SMTP_PASSWORD: undefined };
  return { ...env, ...asDeployed, ...overrides } as unknown as Env;
}

async function received<T>(path: string, to: string): Promise<T[]> {
  const response = await fetch(`${inspector}${path}?to=${encodeURIComponent(to)}`);
  return response.json<T[]>();
}

interface ReceivedMail {
  envelopeFrom: string;
  envelopeTo: string[];
  from: string;
  fromName: string;
  to: string[];
  subject: string;
  html: string;
  text: string;
  messageId: string;
  headers: Record<string, string>;
}

interface ProviderRequest {
  authorization: string;
  contentType: string;
  body: unknown;
}

async function failureOf(mailer: Mailer, message: MailMessage): Promise<MailError> {
  const error = await mailer.send(message).then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof MailError)) throw new Error(`expected a MailError, got ${String(error)}`);
  return error;
}

describe('e-mail over SMTP (worker-mailer over cloudflare:sockets)', () => {
  it('should deliver the French digest with both parts and every accent intact, through MAIL_TRANSPORT=smtp', async () => {
    const config = readConfig(
      envWith({ MAIL_TRANSPORT: 'smtp', SMTP_HOST: smtp.host, SMTP_PORT: String(smtp.port), SMTP_SECURE: 'off', SMTP_USER: smtpLogin.username, SMTP_PASSWORD: smtpLogin.password }),
    );
    const mailer = configuredMailer(config.mail, { db: testDatabase(), clock: { now: () => MONDAY_MORNING } });
    const to = owner();

    const { id } = await mailer.send(digestFor(to));

    const [mail, ...others] = await received<ReceivedMail>('/smtp/messages', to);
    expect(others).toEqual([]);
    expect(mail).toMatchObject({
      envelopeFrom: 'notifications@pulse.tn',
      envelopeTo: [to],
      from: 'notifications@pulse.tn',
      fromName: 'Pulse',
      to: [to],
      subject: 'Clinique El Amal — votre semaine : 412 patients, attente médiane 18 min',
      messageId: id,
    });
    expect(mail?.html.trim()).toBe(digestFor(to).html);
    expect(mail?.text.trim()).toBe(digestFor(to).text);
    expect(mail?.headers['x-pulse-kind']).toBe('weekly_digest');
  });

  it('should keep a line break in a subject from starting a header of its own', async () => {
    const to = owner();
    await smtpMailer({ ...smtp, credentials: smtpLogin }).send({ ...digestFor(to), subject: 'Clinique\r\nBcc: intrus@example.com' });
    const [mail] = await received<ReceivedMail>('/smtp/messages', to);
    expect(mail?.subject).toBe('Clinique Bcc: intrus@example.com');
    expect(mail?.envelopeTo).toEqual([to]);
  });

  it('should fail for good when the server refuses the mailbox (550)', async () => {
    const to = owner('refused');
    const error = await failureOf(smtpMailer({ ...smtp, credentials: smtpLogin }), digestFor(to));
    expect(error).toMatchObject({ transport: 'smtp', retryable: false });
    expect(error.message).toContain('550');
    expect(await received('/smtp/messages', to)).toEqual([]);
  });

  it('should fail for good when the server rejects the login (535)', async () => {
    const error = await failureOf(smtpMailer({ ...smtp, credentials: { username: smtpLogin.username, password: 'wrong-password' } }), digestFor(owner()));
    expect(error).toMatchObject({ transport: 'smtp', retryable: false });
    expect(error.message).toContain('535');
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

describe('e-mail over a provider HTTP API (Resend-style JSON)', () => {
  const provider = { url: `${inspector}/provider/emails`, apiKey: 're_test_key_el_amal' };

  it('should post the message as JSON with the key as a bearer token, through MAIL_TRANSPORT=http', async () => {
    const config = readConfig(envWith({ MAIL_TRANSPORT: 'http', MAIL_API_URL: provider.url, MAIL_API_KEY: provider.apiKey }));
    const mailer = configuredMailer(config.mail, { db: testDatabase(), clock: { now: () => MONDAY_MORNING } });
    const to = owner();

    const { id } = await mailer.send(digestFor(to));

    expect(id).toMatch(/^provider-\d+$/);
    const requests = await received<ProviderRequest>('/provider/requests', to);
    expect(requests).toEqual([
      {
        authorization: 'Bearer re_test_key_el_amal',
        contentType: 'application/json',
        body: {
          from: 'Pulse <notifications@pulse.tn>',
          to: [to],
          subject: 'Clinique El Amal — votre semaine : 412 patients, attente médiane 18 min',
          html: digestFor(to).html,
          text: digestFor(to).text,
          headers: { 'X-Pulse-Kind': 'weekly_digest' },
          tags: [
            { name: 'kind', value: 'weekly_digest' },
            { name: 'clinic', value: 'el-amal' },
          ],
        },
      },
    ]);
  });

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

  it('should keep a line break in a subject or a header value from reaching the provider, as over SMTP', async () => {
    const to = owner();
    await httpMailer(provider).send({ ...digestFor(to), subject: 'Clinique\r\nBcc: intrus@example.com', headers: { 'X-Pulse-Kind': 'weekly_digest\r\nBcc: intrus@example.com' } });
    const [request] = await received<ProviderRequest>('/provider/requests', to);
    expect(request?.body).toMatchObject({ to: [to], subject: 'Clinique Bcc: intrus@example.com', headers: { 'X-Pulse-Kind': 'weekly_digest Bcc: intrus@example.com' } });
  });

  it('should be retried when the provider cannot be reached', async () => {
    const error = await failureOf(httpMailer({ ...provider, url: `http://127.0.0.1:${inject('smtpClosedPort')}/emails` }), digestFor(owner()));
    expect(error).toMatchObject({ transport: 'http', retryable: true });
  });
});

describe('e-mail into the local outbox (the npm start default)', () => {
  it('should keep the whole message as a row the admin screens read back', async () => {
    const config = readConfig(envWith({}));
    expect(config.mail).toEqual({ from: 'Pulse <notifications@pulse.tn>', transport: { kind: 'outbox' } });
    const db = testDatabase();
    const to = owner();

    const { id } = await configuredMailer(config.mail, { db, clock: { now: () => MONDAY_MORNING } }).send({ ...digestFor(to), to: [to, 'direction@pulse.tn'] });

    const row = (await listOutboxMail(db, 500)).find((kept) => kept.id === id);
    expect(row).toEqual({
      id,
      fromAddress: 'Pulse <notifications@pulse.tn>',
      toAddresses: `${to}, direction@pulse.tn`,
      subject: 'Clinique El Amal — votre semaine : 412 patients, attente médiane 18 min',
      html: digestFor(to).html,
      text: digestFor(to).text,
      headers: '{"X-Pulse-Kind":"weekly_digest"}',
      tags: '{"kind":"weekly_digest","clinic":"el-amal"}',
      createdAt: MONDAY_MORNING,
    });
  });
});

describe('e-mail through the send_email binding (Miniflare locally, Cloudflare Email Service deployed)', () => {
  it('should hand the message to the binding through MAIL_TRANSPORT=cloudflare and answer its message id', async () => {
    const config = readConfig(envWith({ MAIL_TRANSPORT: 'cloudflare' }));
    expect(config.mail.transport.kind).toBe('cloudflare');
    const mailer = configuredMailer(config.mail, { db: testDatabase(), clock: { now: () => MONDAY_MORNING } });

    const { id } = await mailer.send(digestFor('direction@pulse.tn'));

    expect(id).toMatch(/^<[^@<>]+@pulse\.tn>$/);
  });

  it('should hand the binding a subject and header values on one line, as over SMTP', async () => {
    const handed: EmailMessageBuilder[] = [];
    const binding: SendEmail = {
      async send(message: EmailMessage | EmailMessageBuilder) {
        if ('subject' in message) handed.push(message);
        return { messageId: '<kept@pulse.tn>' };
      },
    };
    await cloudflareMailer(binding).send({ ...digestFor('direction@pulse.tn'), subject: 'Clinique\r\nBcc: intrus@example.com', headers: { 'X-Pulse-Kind': 'weekly\n digest' } });
    expect(handed).toMatchObject([{ to: ['direction@pulse.tn'], subject: 'Clinique Bcc: intrus@example.com', headers: { 'X-Pulse-Kind': 'weekly digest' } }]);
  });

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
