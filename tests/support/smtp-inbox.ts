import { inject } from 'vitest';

/** A message the tests' SMTP server accepted (tests/support/smtp-global-setup.ts), as mailparser read it. */
export interface InboxMail {
  subject?: string;
  text?: string;
  html?: string;
  headers: Record<string, string>;
}

/**
 * What the tests' mail inspector recorded for `to` under `path` (`/smtp/messages` as the SMTP
 * server parsed them, `/provider/requests` as the provider API received them), oldest first.
 */
export async function inspectedFor<T>(path: string, to: string): Promise<T[]> {
  const response = await fetch(`${inject('mailInspectorUrl')}${path}?to=${encodeURIComponent(to)}`);
  return response.json<T[]>();
}

/** Every message the tests' SMTP server accepted for `address`, oldest first. */
export function smtpMessagesTo(address: string): Promise<InboxMail[]> {
  return inspectedFor<InboxMail>('/smtp/messages', address);
}
