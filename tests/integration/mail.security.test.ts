import { describe, expect, it } from 'vitest';
import { cloudflareMailer } from '../../worker/mail/cloudflare-mailer.ts';
import { httpMailer } from '../../worker/mail/http-mailer.ts';
import { smtpMailer } from '../../worker/mail/smtp-mailer.ts';
import { digestFor, owner, provider, smtp, smtpLogin, type ProviderRequest, type ReceivedMail } from '../support/mail-delivery.ts';
import { inspectedFor } from '../support/smtp-inbox.ts';

/** A line break in a subject or header value would start a header of its own (Bcc: an intruder): every transport folds it. */
describe('e-mail headers kept on one line', () => {
  it('should keep a line break in a subject from starting a header of its own', async () => {
    const to = owner();
    await smtpMailer({ ...smtp, credentials: smtpLogin }).send({ ...digestFor(to), subject: 'Clinique\r\nBcc: intrus@example.com' });
    const [mail] = await inspectedFor<ReceivedMail>('/smtp/messages', to);
    expect(mail?.subject).toBe('Clinique Bcc: intrus@example.com');
    expect(mail?.envelopeTo).toEqual([to]);
  });

  it('should keep a line break in a subject or a header value from reaching the provider, as over SMTP', async () => {
    const to = owner();
    await httpMailer(provider).send({ ...digestFor(to), subject: 'Clinique\r\nBcc: intrus@example.com', headers: { 'X-Pulse-Kind': 'weekly_digest\r\nBcc: intrus@example.com' } });
    const [request] = await inspectedFor<ProviderRequest>('/provider/requests', to);
    expect(request?.body).toMatchObject({ to: [to], subject: 'Clinique Bcc: intrus@example.com', headers: { 'X-Pulse-Kind': 'weekly_digest Bcc: intrus@example.com' } });
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
});
