// In workerd: the settings name the SMTP transport's options, and the SMTP transport needs cloudflare:sockets.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { checkMailSettings, MAIL_SETTINGS, mailConfigOf } from './config.ts';

const schema = z.object(MAIL_SETTINGS).superRefine(checkMailSettings);
const FROM = 'Pulse <alertes@pulse.tn>';

function configOf(settings: Record<string, unknown>) {
  return mailConfigOf(schema.parse({ MAIL_FROM: FROM, ...settings }));
}

describe('the mail configuration', () => {
  it('should keep mail in the outbox when no transport is named', () => {
    expect(configOf({})).toEqual({ from: FROM, transport: { kind: 'outbox' } });
  });

  it('should read SMTP settings trimmed, the port as a number, STARTTLS by default and the login when both halves are given', () => {
    expect(configOf({ MAIL_TRANSPORT: 'smtp', SMTP_HOST: ' smtp.pulse.tn ', SMTP_PORT: '587', SMTP_USER: 'pulse', SMTP_PASSWORD: 'secret' })).toEqual({
      from: FROM,
      transport: { kind: 'smtp', smtp: { host: 'smtp.pulse.tn', port: 587, security: 'starttls', credentials: { username: 'pulse', password: 'secret' } } },
    });
  });

  it('should take an SMTP server without login, and empty settings as settings not given', () => {
    expect(configOf({ MAIL_TRANSPORT: 'smtp', SMTP_HOST: 'localhost', SMTP_PORT: '2525', SMTP_SECURE: 'off', SMTP_USER: '', SMTP_PASSWORD: '  ' })).toEqual({
      from: FROM,
      transport: { kind: 'smtp', smtp: { host: 'localhost', port: 2525, security: 'off', credentials: undefined } },
    });
  });

  it('should read a provider API and a send_email binding', () => {
    expect(configOf({ MAIL_TRANSPORT: 'http', MAIL_API_URL: 'https://api.resend.com/emails', MAIL_API_KEY: 're_key' })).toEqual({
      from: FROM,
      transport: { kind: 'http', http: { url: 'https://api.resend.com/emails', apiKey: 're_key' } },
    });
    const binding = { send: async () => ({ messageId: 'm' }) };
    const config = configOf({ MAIL_TRANSPORT: 'cloudflare', SEND_EMAIL: binding });
    expect(config.transport).toEqual({ kind: 'cloudflare', binding });
  });

  it('should refuse a port out of range, a provider URL that is not http(s), and a sender that is not a mailbox', () => {
    const issues = (settings: Record<string, unknown>) => schema.safeParse({ MAIL_FROM: FROM, ...settings }).error?.issues.map((issue) => issue.path.join('.'));
    expect(issues({ MAIL_TRANSPORT: 'smtp', SMTP_HOST: 'smtp.pulse.tn', SMTP_PORT: '70000' })).toContain('SMTP_PORT');
    expect(issues({ MAIL_TRANSPORT: 'http', MAIL_API_URL: 'ftp://mail.pulse.tn', MAIL_API_KEY: 'k' })).toContain('MAIL_API_URL');
    expect(issues({ MAIL_FROM: 'alertes@pulse' })).toEqual(['MAIL_FROM']);
    expect(issues({ MAIL_FROM: 'Pulse Alertes <alertes@pulse.tn>' })).toBeUndefined();
  });
});
