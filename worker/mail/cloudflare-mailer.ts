import { headerLine, headerLines } from './header-line.ts';
import { MailError, mailboxOf, recipientsOf, type Mailer } from './mailer.ts';

/**
 * Cloudflare Email Service through a `send_email` binding (`[[send_email]] name = "SEND_EMAIL"` in
 * wrangler.toml, a verified sender domain on the account). It only runs on Cloudflare, so it stays
 * this thin: the message maps field for field onto the binding's builder form. Tags have no place
 * there and are dropped. The binding's failures carry no status to tell a refused address from an
 * outage, so they are all retried; the queue's dead-letter queue catches the permanent ones.
 * The subject and header values go on one line, as over SMTP: the binding writes them into the
 * message's header block.
 */
export function cloudflareMailer(binding: SendEmail): Mailer {
  return {
    async send(message) {
      try {
        const result = await binding.send({
          from: emailAddressOf(message.from),
          to: recipientsOf(message).map(emailAddressOf),
          subject: headerLine(message.subject),
          html: message.html,
          text: message.text,
          ...(message.headers === undefined ? {} : { headers: headerLines(message.headers) }),
        });
        return { id: result.messageId };
      } catch (error) {
        throw new MailError('cloudflare', `The send_email binding did not send the message: ${error instanceof Error ? error.message : String(error)}`, {
          retryable: true,
          cause: error,
        });
      }
    },
  };
}

/** The binding takes `{ name, email }` or a bare address, not `Name <address>`. */
function emailAddressOf(mailbox: string): string | EmailAddress {
  const { name, email } = mailboxOf(mailbox);
  return name === undefined ? email : { name, email };
}
