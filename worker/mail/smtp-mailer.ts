import { LogLevel, WorkerMailer, type EmailOptions } from 'worker-mailer';
import { MailError, mailboxOf, recipientsOf, type Mailer, type MailMessage } from './mailer.ts';
import { guardAgainstHangups } from './worker-mailer-guard.ts';

guardAgainstHangups();

/** How the connection is protected: implicit TLS (465), STARTTLS when offered (587), or none. */
export const SMTP_SECURITY = ['tls', 'starttls', 'off'] as const;
export type SmtpSecurity = (typeof SMTP_SECURITY)[number];

export interface SmtpSettings {
  host: string;
  port: number;
  security: SmtpSecurity;
  /** Both or neither: a server that offers AUTH gets PLAIN, LOGIN or CRAM-MD5, whichever it takes. */
  credentials?: { username: string; password: string } | undefined;
}

/** A send that hangs on a dead server must end before the queue consumer's own time limit. */
const SMTP_TIMEOUT_MS = 10_000;

/**
 * SMTP from the Worker over `cloudflare:sockets` (worker-mailer): one connection per message, so
 * nothing outlives the request or the queue batch that sends it. The id is the Message-ID header,
 * set here so the caller knows it even though SMTP itself answers only "250 OK".
 */
export function smtpMailer(settings: SmtpSettings): Mailer {
  return {
    async send(message) {
      const messageId = `<${crypto.randomUUID()}@${mailboxOf(message.from).email.split('@').pop() ?? 'pulse'}>`;
      let connection: WorkerMailer;
      try {
        connection = await WorkerMailer.connect({
          host: settings.host,
          port: settings.port,
          secure: settings.security === 'tls',
          startTls: settings.security === 'starttls',
          credentials: settings.credentials,
          authType: ['plain', 'login', 'cram-md5'],
          socketTimeoutMs: SMTP_TIMEOUT_MS,
          responseTimeoutMs: SMTP_TIMEOUT_MS,
          // Failures reach the caller as MailError; the library's own console lines would be noise.
          logLevel: LogLevel.NONE,
        });
      } catch (error) {
        throw smtpError('The SMTP server could not be reached or refused the session', error, 'session');
      }
      try {
        await connection.send(emailOptions(message, messageId));
      } catch (error) {
        throw smtpError('The SMTP server did not accept the message', error, 'message');
      } finally {
        await connection.close();
      }
      return { id: messageId };
    },
  };
}

function emailOptions(message: MailMessage, messageId: string): EmailOptions {
  const headers = Object.fromEntries(Object.entries(message.headers ?? {}).map(([name, value]) => [name, oneLine(value)]));
  return {
    from: mailboxOf(message.from),
    to: recipientsOf(message).map(mailboxOf),
    subject: oneLine(message.subject),
    html: message.html,
    text: message.text,
    headers: { ...headers, 'Message-ID': messageId },
  };
}

/**
 * worker-mailer writes header values as given: a clinic name with a line break in a subject would
 * otherwise start a header of its own.
 */
function oneLine(value: string): string {
  return value.replace(/[\r\n]+\s*/g, ' ');
}

/**
 * worker-mailer reports every failure as a plain Error carrying the server's reply. A refused or
 * missing login (535 "credentials invalid", 534 "mechanism too weak", 530 "authentication
 * required", or no mechanism in common) is a configuration error: retried until someone fixes it,
 * and flagged for /health. Any other 5xx reply (unknown mailbox, policy) is permanent; a 4xx reply
 * (greylisting, a full queue) and anything without a reply (refused connection, timeout, reset)
 * are worth retrying.
 */
function smtpError(summary: string, error: unknown, stage: 'session' | 'message'): MailError {
  const detail = error instanceof Error ? error.message : String(error);
  const reply = /(?:^|\s)([45]\d\d)(?=[\s-]|$)/m.exec(detail)?.[1];
  const loginReply = reply === '535' || reply === '534' || reply === '530';
  // The session stage is where AUTH happens; a server that never offered AUTH answers 530 to MAIL FROM.
  const loginRefused = (stage === 'session' && (loginReply || (reply === undefined && /authentication|auth method/i.test(detail)))) || reply === '530';
  const permanent = !loginRefused && reply?.startsWith('5') === true;
  return new MailError('smtp', `${summary}: ${detail.trim()}`, { retryable: !permanent, loginRefused, cause: error });
}
