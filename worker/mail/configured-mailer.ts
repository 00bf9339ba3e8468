import type { Database } from '../../db/client.ts';
import type { Clock } from '../runtime/clock.ts';
import { cloudflareMailer } from './cloudflare-mailer.ts';
import type { MailConfig } from './config.ts';
import { httpMailer } from './http-mailer.ts';
import type { Mailer } from './mailer.ts';
import { outboxMailer } from './outbox-mailer.ts';
import { smtpMailer } from './smtp-mailer.ts';

/**
 * The mailer `MAIL_TRANSPORT` chose, built per request or per queue batch from that invocation's
 * configuration (`readConfig(env).mail`). The outbox needs the database; the others do not.
 */
export function configuredMailer(config: MailConfig, services: { db: Database; clock: Clock }): Mailer {
  const { transport } = config;
  switch (transport.kind) {
    case 'outbox':
      return outboxMailer(services.db, services.clock);
    case 'smtp':
      return smtpMailer(transport.smtp);
    case 'http':
      return httpMailer(transport.http);
    case 'cloudflare':
      return cloudflareMailer(transport.binding);
  }
}
