import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * E-mail "sent" by the outbox transport (`MAIL_TRANSPORT=outbox`, the local default): the whole
 * message kept as it would have left, so a developer or the admin screens can read it instead of
 * an inbox. Nothing reads this table to deliver it.
 */
export const mailOutbox = sqliteTable(
  'mail_outbox',
  {
    id: text('id').primaryKey(),
    fromAddress: text('from_address').notNull(),
    /** Comma-separated recipients, as they would appear in the To header. */
    toAddresses: text('to_addresses').notNull(),
    subject: text('subject').notNull(),
    html: text('html').notNull(),
    text: text('text').notNull(),
    /** JSON object of extra headers (`{}` when none). */
    headers: text('headers').notNull(),
    /** JSON array of tags (`[]` when none): the kind of message, for filtering in the admin screens. */
    tags: text('tags').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (table) => [
    // The admin screens' outbox list: newest first.
    index('mail_outbox_created_idx').on(table.createdAt),
  ],
);
