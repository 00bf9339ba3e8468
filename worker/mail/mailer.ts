/**
 * One e-mail as every transport takes it: both parts are required, because a digest or an alert
 * must read well in a phone's HTML view and in a plain-text client alike.
 */
export interface MailMessage {
  /** `Pulse <alertes@pulse.tn>` or a bare address. */
  from: string;
  to: string | readonly string[];
  subject: string;
  html: string;
  text: string;
  /** Extra headers (`List-Unsubscribe`, `Reply-To`…). */
  headers?: Readonly<Record<string, string>> | undefined;
  /** What the message is (`{ kind: 'weekly_digest' }`): provider analytics, outbox filtering. */
  tags?: Readonly<Record<string, string>> | undefined;
}

/** Sends e-mail; which transport is behind it is configuration (`MAIL_TRANSPORT`). */
export interface Mailer {
  /** Resolves with the transport's id of the message; rejects with a `MailError`. */
  send(message: MailMessage): Promise<{ id: string }>;
}

export const MAIL_TRANSPORTS = ['outbox', 'smtp', 'http', 'cloudflare'] as const;
export type MailTransport = (typeof MAIL_TRANSPORTS)[number];

/**
 * A message that did not leave. `retryable` tells the queue consumer what to do with it: a full
 * mailbox server or a network hiccup is worth another try, a refused address or a rejected API key
 * is not and goes to the dead-letter queue at once.
 */
export class MailError extends Error {
  readonly transport: MailTransport;
  readonly retryable: boolean;
  /**
   * The SMTP server refused Pulse's login (or asked for one Pulse does not have): every message
   * fails alike until someone fixes SMTP_USER / SMTP_PASSWORD, so the message is retried, not
   * given up, and /health shows the mail part failing (worker/mail/login-watch.ts).
   */
  readonly loginRefused: boolean;

  constructor(transport: MailTransport, message: string, options: { retryable: boolean; loginRefused?: boolean; cause?: unknown }) {
    super(message, { cause: options.cause });
    this.name = 'MailError';
    this.transport = transport;
    this.retryable = options.retryable;
    this.loginRefused = options.loginRefused ?? false;
  }
}

/** The recipients as a list, whichever way the caller gave them. */
export function recipientsOf(message: MailMessage): string[] {
  return typeof message.to === 'string' ? [message.to] : [...message.to];
}

/** `Name <address>` (or a bare address) split the way SMTP needs it: the address for the envelope. */
export function mailboxOf(mailbox: string): { name?: string; email: string } {
  const named = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(mailbox);
  if (named === null) return { email: mailbox.trim() };
  const [, name = '', email = ''] = named;
  return name === '' ? { email } : { name, email };
}
