import { env } from 'cloudflare:test';
import { inject } from 'vitest';
import { MailError, type Mailer, type MailMessage } from '../../worker/mail/mailer.ts';

/** The mail tests' world: the Clinique El Amal's weekly digest, the tests' SMTP server and provider, and the deployed settings. */
/** Monday 09:00 in Tunis: the hour the weekly digest goes out. */
export const MONDAY_MORNING = Date.parse('2026-03-02T08:00:00Z');
const inspector = inject('mailInspectorUrl');
export const smtp = { host: inject('smtpHost'), port: inject('smtpPort'), security: 'off' as const };
export const smtpLogin = { username: inject('smtpUser'), password: inject('smtpPassword') };

/** A clinic owner's mailbox no other test writes to, so what arrived there is this test's alone. */
export function owner(prefix = 'proprietaire'): string {
  return `${prefix}-${crypto.randomUUID()}@clinique-el-amal.tn`;
}

/** The weekly digest of the Clinique El Amal, in French, as the digest job will compose it. */
export function digestFor(to: string): MailMessage {
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

/**
 * The environment as wrangler.toml deploys it (the outbox, no SMTP settings), with `overrides`:
 * the tests' own env sends over SMTP to the test server (vitest.config.ts).
 */
export function envWith(overrides: Record<string, string | undefined>): Env {
  const asDeployed = { MAIL_TRANSPORT: 'outbox', SMTP_HOST: undefined, SMTP_PORT: undefined, SMTP_SECURE: undefined, SMTP_USER: undefined, SMTP_PASSWORD: undefined };
  return { ...env, ...asDeployed, ...overrides } as unknown as Env;
}

export interface ReceivedMail {
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

export interface ProviderRequest {
  authorization: string;
  contentType: string;
  body: unknown;
}

export async function failureOf(mailer: Mailer, message: MailMessage): Promise<MailError> {
  const error = await mailer.send(message).then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof MailError)) throw new Error(`expected a MailError, got ${String(error)}`);
  return error;
}

/** The tests' stand-in for a provider's HTTP API (Resend-style JSON), behind the mail inspector. */
export const provider = { url: `${inspector}/provider/emails`, apiKey: 're_test_key_el_amal' };
