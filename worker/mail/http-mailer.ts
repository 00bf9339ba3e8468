import { z } from 'zod';
import { headerLine, headerLines } from './header-line.ts';
import { MailError, recipientsOf, type Mailer, type MailMessage } from './mailer.ts';

export interface HttpMailSettings {
  /** The provider's send endpoint, e.g. `https://api.resend.com/emails`. */
  url: string;
  apiKey: string;
}

/** What a Resend-style API answers to an accepted message. */
const AcceptedSchema = z.object({ id: z.string().min(1) });

/**
 * Statuses that are the provider's way of saying "later": a timeout and rate limiting. Every other
 * 4xx (bad key, unverified sender, malformed address) fails the same way on every retry.
 */
const RETRYABLE_CLIENT_STATUSES = new Set([408, 429]);

/** A provider's HTTP API (Resend's JSON shape, which Postmark-, SendGrid-style relays also accept). */
export function httpMailer(settings: HttpMailSettings): Mailer {
  return {
    async send(message) {
      let response: Response;
      try {
        response = await fetch(settings.url, {
          method: 'POST',
          headers: { Authorization: `Bearer ${settings.apiKey}`, 'Content-Type': 'application/json' },
          body: JSON.stringify(requestBody(message)),
        });
      } catch (error) {
        throw new MailError('http', 'The mail provider could not be reached', { retryable: true, cause: error });
      }
      if (!response.ok) {
        // The provider's own words (first few hundred characters) say why; the key never appears in them.
        const detail = (await response.text().catch(() => '')).slice(0, 300);
        const retryable = response.status >= 500 || RETRYABLE_CLIENT_STATUSES.has(response.status);
        throw new MailError('http', `The mail provider answered ${response.status}: ${detail}`, { retryable });
      }
      const accepted = AcceptedSchema.safeParse(await response.json().catch(() => undefined));
      // Accepted but unreadable: the message probably left, so sending it again would duplicate it.
      if (!accepted.success) throw new MailError('http', 'The mail provider accepted the message without an id', { retryable: false });
      return { id: accepted.data.id };
    },
  };
}

/**
 * The provider turns the JSON back into a message's header block, and not every provider refuses a
 * line break in a subject or header value: they leave here on one line, as over SMTP.
 */
function requestBody(message: MailMessage) {
  return {
    from: message.from,
    to: recipientsOf(message),
    subject: headerLine(message.subject),
    html: message.html,
    text: message.text,
    ...(message.headers === undefined ? {} : { headers: headerLines(message.headers) }),
    ...(message.tags === undefined ? {} : { tags: Object.entries(message.tags).map(([name, value]) => ({ name, value })) }),
  };
}
