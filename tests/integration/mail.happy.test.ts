import { describe, expect, it } from 'vitest';
import { listOutboxMail } from '../../db/queries/mail-outbox.ts';
import { readConfig } from '../../worker/env.ts';
import { configuredMailer } from '../../worker/mail/configured-mailer.ts';
import { digestFor, envWith, MONDAY_MORNING, owner, provider, smtp, smtpLogin, type ProviderRequest, type ReceivedMail } from '../support/mail-delivery.ts';
import { inspectedFor } from '../support/smtp-inbox.ts';
import { testDatabase } from '../support/world.ts';

describe('e-mail over SMTP (worker-mailer over cloudflare:sockets)', () => {
  it('should deliver the French digest with both parts and every accent intact, through MAIL_TRANSPORT=smtp', async () => {
    const config = readConfig(
      envWith({ MAIL_TRANSPORT: 'smtp', SMTP_HOST: smtp.host, SMTP_PORT: String(smtp.port), SMTP_SECURE: 'off', SMTP_USER: smtpLogin.username, SMTP_PASSWORD: smtpLogin.password }),
    );
    const mailer = configuredMailer(config.mail, { db: testDatabase(), clock: { now: () => MONDAY_MORNING } });
    const to = owner();

    const { id } = await mailer.send(digestFor(to));

    const [mail, ...others] = await inspectedFor<ReceivedMail>('/smtp/messages', to);
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

});

describe('e-mail over a provider HTTP API (Resend-style JSON)', () => {
  it('should post the message as JSON with the key as a bearer token, through MAIL_TRANSPORT=http', async () => {
    const config = readConfig(envWith({ MAIL_TRANSPORT: 'http', MAIL_API_URL: provider.url, MAIL_API_KEY: provider.apiKey }));
    const mailer = configuredMailer(config.mail, { db: testDatabase(), clock: { now: () => MONDAY_MORNING } });
    const to = owner();

    const { id } = await mailer.send(digestFor(to));

    expect(id).toMatch(/^provider-\d+$/);
    const requests = await inspectedFor<ProviderRequest>('/provider/requests', to);
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

});
