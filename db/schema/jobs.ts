import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * A background job that failed every attempt the queue allowed and reached the dead-letter queue.
 * Kept with its body so someone can see what was lost and replay it; the message id makes a
 * redelivered dead letter land once.
 */
export const deadLetters = sqliteTable(
  'dead_letters',
  {
    messageId: text('message_id').primaryKey(),
    /** The queue the message failed on (the dead-letter queue's source). */
    queue: text('queue').notNull(),
    /** The job's `type`, or `unreadable` for a body that is not a job. */
    jobType: text('job_type').notNull(),
    body: text('body').notNull(),
    attempts: integer('attempts').notNull(),
    receivedAt: integer('received_at').notNull(),
  },
  (table) => [
    // Newest first, for the operator.
    index('dead_letters_received_idx').on(table.receivedAt),
  ],
);
