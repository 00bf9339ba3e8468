import { z } from 'zod';
import type { HttpMailSettings } from './http-mailer.ts';
import { MAIL_TRANSPORTS } from './mailer.ts';
import { SMTP_SECURITY, type SmtpSettings } from './smtp-mailer.ts';

/** Where mail goes, validated with the rest of the environment (worker/env.ts). */
export interface MailConfig {
  /** The sender of everything Pulse sends (`MAIL_FROM`). */
  from: string;
  transport:
    | { kind: 'outbox' }
    | { kind: 'smtp'; smtp: SmtpSettings }
    | { kind: 'http'; http: HttpMailSettings }
    | { kind: 'cloudflare'; binding: SendEmail };
}

/** A setting left empty in `.dev.vars` is a setting not given. */
const setting = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === '' ? undefined : value.trim()));

const MAILBOX = /^(?:[^<>@\s]+@[^<>@\s]+\.[^<>@\s]+|[^<>]*<[^<>@\s]+@[^<>@\s]+\.[^<>@\s]+>)$/;

/** The mail settings of the Worker's environment; spread into the config schema. */
export const MAIL_SETTINGS = {
  MAIL_TRANSPORT: z.enum(MAIL_TRANSPORTS).default('outbox'),
  MAIL_FROM: z.string().regex(MAILBOX, 'must be "address" or "Name <address>"'),
  SMTP_HOST: setting,
  SMTP_PORT: setting.pipe(z.coerce.number<string>().int().min(1).max(65_535).optional()),
  SMTP_SECURE: setting.pipe(z.enum(SMTP_SECURITY).default('starttls')),
  SMTP_USER: setting,
  SMTP_PASSWORD: setting,
  MAIL_API_URL: setting.pipe(z.url({ protocol: /^https?$/ }).optional()),
  MAIL_API_KEY: setting,
  /** The `send_email` binding, only declared in wrangler.toml where Cloudflare sends the mail. */
  SEND_EMAIL: z.custom<SendEmail>((value) => typeof value === 'object' && value !== null && typeof Reflect.get(value, 'send') === 'function').optional(),
};

type MailSettings = z.output<z.ZodObject<typeof MAIL_SETTINGS>>;

/** The settings the chosen transport cannot do without, each named when missing. */
export function checkMailSettings(settings: MailSettings, context: z.RefinementCtx): void {
  const required: Record<MailSettings['MAIL_TRANSPORT'], (keyof MailSettings)[]> = {
    outbox: [],
    smtp: ['SMTP_HOST', 'SMTP_PORT'],
    http: ['MAIL_API_URL', 'MAIL_API_KEY'],
    cloudflare: ['SEND_EMAIL'],
  };
  const missing = required[settings.MAIL_TRANSPORT].filter((name) => settings[name] === undefined);
  // A user without a password (or the reverse) is a half-done secret, not "no authentication".
  if (settings.MAIL_TRANSPORT === 'smtp' && (settings.SMTP_USER === undefined) !== (settings.SMTP_PASSWORD === undefined)) {
    missing.push(settings.SMTP_USER === undefined ? 'SMTP_USER' : 'SMTP_PASSWORD');
  }
  for (const name of missing) {
    context.addIssue({ code: 'custom', path: [name], message: `required when MAIL_TRANSPORT is ${settings.MAIL_TRANSPORT}` });
  }
}

/** The checked settings as the mailer factory takes them. */
export function mailConfigOf(settings: MailSettings): MailConfig {
  const from = settings.MAIL_FROM;
  const { SMTP_HOST, SMTP_PORT, SMTP_USER, SMTP_PASSWORD, MAIL_API_URL, MAIL_API_KEY, SEND_EMAIL } = settings;
  switch (settings.MAIL_TRANSPORT) {
    case 'smtp':
      if (SMTP_HOST === undefined || SMTP_PORT === undefined) break;
      return {
        from,
        transport: {
          kind: 'smtp',
          smtp: {
            host: SMTP_HOST,
            port: SMTP_PORT,
            security: settings.SMTP_SECURE,
            credentials: SMTP_USER === undefined || SMTP_PASSWORD === undefined ? undefined : { username: SMTP_USER, password: SMTP_PASSWORD },
          },
        },
      };
    case 'http':
      if (MAIL_API_URL === undefined || MAIL_API_KEY === undefined) break;
      return { from, transport: { kind: 'http', http: { url: MAIL_API_URL, apiKey: MAIL_API_KEY } } };
    case 'cloudflare':
      if (SEND_EMAIL === undefined) break;
      return { from, transport: { kind: 'cloudflare', binding: SEND_EMAIL } };
    case 'outbox':
      return { from, transport: { kind: 'outbox' } };
  }
  // checkMailSettings ran first and named what is missing; this only narrows the types.
  throw new Error(`MAIL_TRANSPORT ${settings.MAIL_TRANSPORT} lacks its settings`);
}

/**
 * What /health reports as the mail part's configuration error, null when there is none. Pulse
 * always logs in to its SMTP relay (the local MailDev asks for a login too): an smtp transport
 * without SMTP_USER and SMTP_PASSWORD would send through a relay open to anyone, or be refused
 * with 530 on every message. Not refused at start-up like a half-given login (checkMailSettings):
 * the rest of Pulse works without mail, and /health is where an operator looks.
 */
export function mailLoginProblem(config: MailConfig): string | null {
  if (config.transport.kind !== 'smtp' || config.transport.smtp.credentials !== undefined) return null;
  return 'SMTP_USER and SMTP_PASSWORD are not set: Pulse logs in to its SMTP server';
}
