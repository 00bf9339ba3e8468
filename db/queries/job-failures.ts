/**
 * A job's failed attempts while the queue retries it (`job_failures`), and their end: folded into
 * the dead letter when the message dies, forgotten when the job succeeds at last. Keyed by the
 * queue's message id, which the dead-letter queue keeps, so each step is safe to run twice.
 */
import { eq, sql, type SQLWrapper } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { deadLetters, jobFailures } from '../schema/jobs.ts';
import { writeBatch } from '../write-batch.ts';
import type { DeadLetterRow } from './dead-letters.ts';

/** One failed attempt: the queue's attempt count (1 on the first delivery) and its error message. */
export interface FailedAttempt {
  messageId: string;
  jobType: string;
  attempts: number;
  error: string;
  at: number;
}

/** A dead letter before its failures are folded in: those columns come from `job_failures`. */
export type DeadLetterArrival = Omit<DeadLetterRow, 'error' | 'firstFailedAt' | 'lastFailedAt'>;

function failureUpsert(db: Database, attempt: FailedAttempt) {
  return db
    .insert(jobFailures)
    .values({ messageId: attempt.messageId, jobType: attempt.jobType, attempts: attempt.attempts, error: attempt.error, firstFailedAt: attempt.at, lastFailedAt: attempt.at })
    .onConflictDoUpdate({
      target: jobFailures.messageId,
      // A redelivered attempt (the same count) changes nothing but the latest error; times only widen.
      set: {
        attempts: sql`max(${jobFailures.attempts}, excluded.attempts)`,
        error: sql`excluded.error`,
        firstFailedAt: sql`min(${jobFailures.firstFailedAt}, excluded.first_failed_at)`,
        lastFailedAt: sql`max(${jobFailures.lastFailedAt}, excluded.last_failed_at)`,
      },
    });
}

/** Keeps a failed attempt the queue will retry. */
export async function recordJobFailure(db: Database, attempt: FailedAttempt): Promise<void> {
  await failureUpsert(db, attempt);
}

/** A job that succeeded after failing: its failures are over. */
export async function forgetJobFailure(db: Database, messageId: string): Promise<void> {
  await db.delete(jobFailures).where(eq(jobFailures.messageId, messageId));
}

/**
 * The dead letter with its failures folded in (error, first and last failure, the most attempts
 * seen), and the failure row gone, in one transaction. A letter already kept stays as it was: the
 * dead-letter queue may deliver it again.
 */
function foldStatements(letter: DeadLetterArrival): SQLWrapper[] {
  return [
    sql`insert into ${deadLetters} (message_id, queue, job_type, body, attempts, received_at, error, first_failed_at, last_failed_at)
        select ${letter.messageId}, ${letter.queue}, ${letter.jobType}, ${letter.body}, max(${letter.attempts}, coalesce(f.attempts, 0)), ${letter.receivedAt}, f.error, f.first_failed_at, f.last_failed_at
        from (select 1) left join ${jobFailures} f on f.message_id = ${letter.messageId}
        where true
        on conflict (message_id) do nothing`,
    sql`delete from ${jobFailures} where message_id = ${letter.messageId}`,
  ];
}

/**
 * Keeps dead letters with what their failed attempts left. `lastAttempt` is an attempt that ends
 * the job at once (it can never succeed, or is no job at all): recorded first, in the same
 * transaction, so its error is the letter's.
 */
export async function buryDeadLetters(db: Database, letters: readonly DeadLetterArrival[], lastAttempt?: FailedAttempt): Promise<void> {
  const statements: SQLWrapper[] = lastAttempt === undefined ? [] : [failureUpsert(db, lastAttempt)];
  await writeBatch(db, [...statements, ...letters.flatMap(foldStatements)]);
}

/** A message's failed attempts so far, if any are kept. */
export async function jobFailureOf(db: Database, messageId: string) {
  const [row] = await db.select().from(jobFailures).where(eq(jobFailures.messageId, messageId));
  return row;
}
