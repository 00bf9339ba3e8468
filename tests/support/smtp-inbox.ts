import { inject } from 'vitest';

/** A message the tests' SMTP server accepted (tests/support/smtp-global-setup.ts), as mailparser read it. */
export interface InboxMail {
  subject?: string;
  text?: string;
  html?: string;
  headers: Record<string, string>;
}

/** Every message the tests' SMTP server accepted for `address`, oldest first. */
export async function smtpMessagesTo(address: string): Promise<InboxMail[]> {
  const response = await fetch(`${inject('mailInspectorUrl')}/smtp/messages?to=${encodeURIComponent(address)}`);
  return response.json<InboxMail[]>();
}
