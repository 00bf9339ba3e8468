/**
 * The consumer of both Cloudflare Queues of jobs. `pulse-jobs`: each message is one job, run
 * concurrently with the rest of its batch, acknowledged when done, retried with exponential backoff
 * when it failed (Cloudflare moves it to `pulse-jobs-dlq` after `max_retries`). `pulse-jobs-dlq`:
 * what failed every attempt is kept in `dead_letters` for someone to see and replay.
 *
 * Each failed attempt is kept in `job_failures` (its error, first and last failure) under the
 * message id, which the dead-letter queue keeps: the dead letter takes them over, and a job that
 * succeeds at last forgets them.
 */
import { buryDeadLetters, forgetJobFailure, recordJobFailure, type DeadLetterArrival, type FailedAttempt } from '../../db/queries/job-failures.ts';
import { jobErrorText, UNREADABLE_JOB_ERROR } from '../domain/failed-jobs.ts';
import { PermanentJobError, retryDelaySeconds } from '../domain/job-retry.ts';
import type { JOB_OUTCOMES } from '../metrics/catalog.ts';
import { backgroundRuntime } from '../runtime/background-runtime.ts';
import { JobMessageSchema } from './job-messages.ts';
import { runJob } from './run-job.ts';

/** wrangler.toml's names of the jobs and of their dead letters. */
export const JOBS = 'pulse-jobs';
export const DEAD_JOBS = 'pulse-jobs-dlq';

export async function handleJobBatch(batch: MessageBatch<unknown>, env: Env): Promise<void> {
  // The log field keeps Cloudflare's name for where the batch came from, as before.
  const { runtime, flushMetrics } = backgroundRuntime(env, { queue: batch.queue });
  const { config, db, clock, logger, metrics } = runtime;
  const count = (type: string, outcome: (typeof JOB_OUTCOMES)[number]) => metrics.count('pulse_jobs_total', { type, outcome });
  if (batch.queue === DEAD_JOBS) {
    // Kept before the ack: if libSQL is down this throws and the dead letters come back.
    const letters = batch.messages.map((message) => deadLetterOf(message, batch.queue, clock.now()));
    await buryDeadLetters(db, letters);
    for (const letter of letters) {
      logger.warn('job dead-lettered', { job: letter.jobType, messageId: letter.messageId, attempts: letter.attempts });
      count(letter.jobType, 'dead_lettered');
    }
    batch.ackAll();
    await flushMetrics();
    return;
  }
  /**
   * Best effort: the retry is already asked for, and an outage of libSQL (the usual cause of a
   * failure) must not turn it into a lost message. The next failure records it again.
   */
  const keepFailure = async (attempt: FailedAttempt) => {
    try {
      await recordJobFailure(db, attempt);
    } catch (error) {
      logger.warn('job failure not recorded', { job: attempt.jobType, messageId: attempt.messageId, error: String(error) });
    }
  };
  await Promise.all(
    batch.messages.map(async (message) => {
      const parsed = JobMessageSchema.safeParse(message.body);
      if (!parsed.success) {
        // No attempt can read it: straight to the dead letters, no retries.
        logger.error('unreadable job', parsed.error, { messageId: message.id });
        const letter = deadLetterOf(message, batch.queue, clock.now());
        await buryDeadLetters(db, [letter], failedAttempt(message, letter.jobType, UNREADABLE_JOB_ERROR, letter.receivedAt));
        message.ack();
        count('unreadable', 'dead_lettered');
        return;
      }
      try {
        await runJob(runtime.withLogFields({ job: parsed.data.type, messageId: message.id }), parsed.data);
        // Part of the attempt: if libSQL is down this throws, and the job (safe to run twice) comes back.
        if (message.attempts > 1) await forgetJobFailure(db, message.id);
        message.ack();
        count(parsed.data.type, 'done');
      } catch (error) {
        if (error instanceof PermanentJobError) {
          logger.error('job cannot succeed', error, { job: parsed.data.type, messageId: message.id });
          const letter = deadLetterOf(message, batch.queue, clock.now());
          await buryDeadLetters(db, [letter], failedAttempt(message, letter.jobType, jobErrorText(error), letter.receivedAt));
          message.ack();
          count(parsed.data.type, 'dead_lettered');
          return;
        }
        const delaySeconds = retryDelaySeconds(message.attempts, config.jobRetryBaseSeconds);
        logger.warn('job failed, retrying', { job: parsed.data.type, messageId: message.id, attempts: message.attempts, delaySeconds, error: error instanceof Error ? error.message : String(error) });
        message.retry({ delaySeconds });
        count(parsed.data.type, 'retried');
        await keepFailure(failedAttempt(message, parsed.data.type, jobErrorText(error), clock.now()));
      }
    }),
  );
  await flushMetrics();
}

function jobTypeOf(body: unknown): string {
  const parsed = JobMessageSchema.safeParse(body);
  return parsed.success ? parsed.data.type : 'unreadable';
}

function failedAttempt(message: Message<unknown>, jobType: string, error: string, at: number): FailedAttempt {
  return { messageId: message.id, jobType, attempts: message.attempts, error, at };
}

function deadLetterOf(message: Message<unknown>, source: string, now: number): DeadLetterArrival {
  return {
    messageId: message.id,
    // A message of the dead letters failed as a job.
    queue: source === DEAD_JOBS ? JOBS : source,
    jobType: jobTypeOf(message.body),
    body: JSON.stringify(message.body) ?? 'null',
    attempts: message.attempts,
    receivedAt: now,
  };
}
