/**
 * The consumer of both queues. `pulse-jobs`: each message is one job, run concurrently with the
 * rest of its batch, acknowledged when done, retried with exponential backoff when it failed (the
 * queue moves it to `pulse-jobs-dlq` after `max_retries`). `pulse-jobs-dlq`: what failed every
 * attempt is kept in `dead_letters` for someone to see and replay.
 */
import { createDatabase } from '../../db/client.ts';
import { keepDeadLetters, type DeadLetterRow } from '../../db/queries/dead-letters.ts';
import { PermanentJobError, retryDelaySeconds } from '../domain/job-retry.ts';
import { readConfig } from '../env.ts';
import { configuredMailer } from '../mail/configured-mailer.ts';
import { addCount, type SeriesTotals } from '../metrics/batch.ts';
import type { JOB_OUTCOMES } from '../metrics/catalog.ts';
import { metricsObjectOf } from '../metrics/recorder.ts';
import { systemClock } from '../services/clock.ts';
import { createLogger, type Logger } from '../services/logger.ts';
import type { JobContext } from './job-context.ts';
import { JobMessageSchema } from './job-messages.ts';
import { runJob } from './run-job.ts';

/** wrangler.toml's queue names. */
export const JOBS_QUEUE = 'pulse-jobs';
export const DEAD_LETTER_QUEUE = 'pulse-jobs-dlq';

export async function handleQueue(batch: MessageBatch<unknown>, env: Env): Promise<void> {
  const logger = createLogger({ queue: batch.queue });
  const config = readConfig(env);
  const db = createDatabase({ url: config.libsqlUrl, authToken: config.libsqlAuthToken });
  if (batch.queue === DEAD_LETTER_QUEUE) {
    // Kept before the ack: if libSQL is down this throws and the dead letters come back.
    const letters = batch.messages.map((message) => deadLetterOf(message, batch.queue, systemClock.now()));
    await keepDeadLetters(db, letters);
    const metrics: SeriesTotals = { counters: {}, histograms: {} };
    for (const letter of letters) {
      logger.warn('job dead-lettered', { job: letter.jobType, messageId: letter.messageId, attempts: letter.attempts });
      addCount(metrics, 'pulse_jobs_total', { type: letter.jobType, outcome: 'dead_lettered' });
    }
    batch.ackAll();
    await flushJobMetrics(env, metrics, logger);
    return;
  }
  const metrics: SeriesTotals = { counters: {}, histograms: {} };
  const context: JobContext = { env, config, db, mailer: configuredMailer(config.mail, { db, clock: systemClock }), now: systemClock.now, logger, metrics };
  const count = (type: string, outcome: (typeof JOB_OUTCOMES)[number]) => addCount(metrics, 'pulse_jobs_total', { type, outcome });
  await Promise.all(
    batch.messages.map(async (message) => {
      const parsed = JobMessageSchema.safeParse(message.body);
      if (!parsed.success) {
        // No attempt can read it: straight to the dead letters, no retries.
        logger.error('unreadable job', parsed.error, { messageId: message.id });
        await keepDeadLetters(db, [deadLetterOf(message, batch.queue, systemClock.now())]);
        message.ack();
        count('unreadable', 'dead_lettered');
        return;
      }
      try {
        await runJob({ ...context, logger: logger.with({ job: parsed.data.type, messageId: message.id }) }, parsed.data);
        message.ack();
        count(parsed.data.type, 'done');
      } catch (error) {
        if (error instanceof PermanentJobError) {
          logger.error('job cannot succeed', error, { job: parsed.data.type, messageId: message.id });
          await keepDeadLetters(db, [deadLetterOf(message, batch.queue, systemClock.now())]);
          message.ack();
          count(parsed.data.type, 'dead_lettered');
          return;
        }
        const delaySeconds = retryDelaySeconds(message.attempts, config.jobRetryBaseSeconds);
        logger.warn('job failed, retrying', { job: parsed.data.type, messageId: message.id, attempts: message.attempts, delaySeconds, error: error instanceof Error ? error.message : String(error) });
        message.retry({ delaySeconds });
        count(parsed.data.type, 'retried');
      }
    }),
  );
  await flushJobMetrics(env, metrics, logger);
}

/** Best effort: a batch's work is done whether or not its counters reach the Metrics object. */
async function flushJobMetrics(env: Env, metrics: SeriesTotals, logger: Logger): Promise<void> {
  try {
    await metricsObjectOf(env).add({ ...metrics, queues: {} });
  } catch (error) {
    logger.error('job metrics not recorded', error);
  }
}

function jobTypeOf(body: unknown): string {
  const parsed = JobMessageSchema.safeParse(body);
  return parsed.success ? parsed.data.type : 'unreadable';
}

function deadLetterOf(message: Message<unknown>, queue: string, now: number): DeadLetterRow {
  return {
    messageId: message.id,
    // A message of the dead-letter queue failed on the jobs queue.
    queue: queue === DEAD_LETTER_QUEUE ? JOBS_QUEUE : queue,
    jobType: jobTypeOf(message.body),
    body: JSON.stringify(message.body) ?? 'null',
    attempts: message.attempts,
    receivedAt: now,
  };
}
