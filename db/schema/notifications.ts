import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { DIGEST_KINDS } from '../../worker/domain/vocabulary.ts';
import { users } from './accounts.ts';

/** A browser's Web Push subscription (RFC 8030 endpoint and RFC 8291 keys). */
export const pushSubscriptions = sqliteTable(
  'push_subscriptions',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    /** One row per browser: re-subscribing the same endpoint replaces it. */
    endpoint: text('endpoint').notNull().unique(),
    p256dh: text('p256dh').notNull(),
    auth: text('auth').notNull(),
    createdAt: integer('created_at').notNull(),
    lastSuccessAt: integer('last_success_at'),
    failureCount: integer('failure_count').notNull().default(0),
  },
  (table) => [
    // Sending an alert to every device of one user.
    index('push_subscriptions_user_idx').on(table.userId),
  ],
);

/**
 * Per user and topic (an alert kind or `weekly_digest`): which channels are wanted (push, e-mail, digest).
 * A missing row means the defaults of PRODUCT.md's alert table.
 */
export const notificationPreferences = sqliteTable(
  'notification_preferences',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    topic: text('topic').notNull(),
    push: integer('push', { mode: 'boolean' }).notNull(),
    email: integer('email', { mode: 'boolean' }).notNull(),
    /** Listed in the person's Monday digest instead of (or besides) being sent at once. */
    digest: integer('digest', { mode: 'boolean' }).notNull().default(false),
    updatedAt: integer('updated_at').notNull(),
  },
  (table) => [primaryKey({ columns: [table.userId, table.topic] })],
);

/**
 * One digest for one recipient and period. The unique index is what makes "sent exactly once even
 * when the schedule fires twice" hold: the second run cannot claim the same row.
 */
export const digestRuns = sqliteTable(
  'digest_runs',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind', { enum: DIGEST_KINDS }).notNull(),
    /** The clinic id for a clinic digest, `service` for the admin's. */
    scopeKey: text('scope_key').notNull(),
    /** First day (YYYY-MM-DD, Monday) of the week summarised. */
    periodStart: text('period_start').notNull(),
    claimedAt: integer('claimed_at').notNull(),
    sentAt: integer('sent_at'),
    error: text('error'),
  },
  (table) => [uniqueIndex('digest_runs_once_idx').on(table.userId, table.kind, table.scopeKey, table.periodStart)],
);
