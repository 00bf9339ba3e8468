import type { Database } from '../../db/client.ts';
import { insertOutboxMail } from '../../db/queries/mail-outbox.ts';
import type { Clock } from '../runtime/clock.ts';
import { MailError, recipientsOf, type Mailer } from './mailer.ts';

/**
 * The local default: nothing leaves the machine, every message becomes a `mail_outbox` row that
 * the admin screens (and tests) read back. The row id is the message id.
 */
export function outboxMailer(db: Database, clock: Clock): Mailer {
  return {
    async send(message) {
      const id = crypto.randomUUID();
      try {
        await insertOutboxMail(db, {
          id,
          fromAddress: message.from,
          toAddresses: recipientsOf(message).join(', '),
          subject: message.subject,
          html: message.html,
          text: message.text,
          headers: JSON.stringify(message.headers ?? {}),
          tags: JSON.stringify(message.tags ?? {}),
          createdAt: clock.now(),
        });
      } catch (error) {
        // The database being away is the only way this fails, and it comes back.
        throw new MailError('outbox', 'The outbox could not store the message', { retryable: true, cause: error });
      }
      return { id };
    },
  };
}
