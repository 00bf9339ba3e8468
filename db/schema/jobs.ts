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
    /** The last attempt's error message (from `job_failures`), null when none was recorded. */
    error: text('error'),
    /** The first and last failed attempts, epoch ms; null when none was recorded. */
    firstFailedAt: integer('first_failed_at'),
    lastFailedAt: integer('last_failed_at'),
  },
  (table) => [
    // Newest first, for the operator.
    index('dead_letters_received_idx').on(table.receivedAt),
  ],
);

/**
 * A job's failed attempts while the queue still retries it, by queue message id. The dead-letter
 * queue carries the body only, so the error and the first and last failure are kept here and
 * folded into `dead_letters` when the message dies; a job that succeeds at last removes its row.
 */
export const jobFailures = sqliteTable('job_failures', {
  messageId: text('message_id').primaryKey(),
  jobType: text('job_type').notNull(),
  attempts: integer('attempts').notNull(),
  error: text('error').notNull(),
  firstFailedAt: integer('first_failed_at').notNull(),
  lastFailedAt: integer('last_failed_at').notNull(),
});
