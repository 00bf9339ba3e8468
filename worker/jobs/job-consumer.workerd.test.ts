// The Worker first: its routes extend zod with OpenAPI before any shared schema module is read.
import { deliverJobs, jobAttempts } from '../../tests/support/jobs.ts';
import { createExecutionContext, createMessageBatch, env, getQueueResult } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { deadLetterOfMessage } from '../../db/queries/dead-letter-rows.ts';
import { testDatabase } from '../../tests/support/world.ts';
import { DEAD_JOBS, handleJobBatch } from './job-consumer.ts';

const NOTICE_AT = Date.parse('2031-07-01T09:00:00Z');
const libsqlDown: Env = { ...env, LIBSQL_URL: 'http://127.0.0.1:9' };
type Told = 'nothing' | 'ack' | { retry: QueueRetryOptions | undefined };

/**
 * A batch that remembers what the consumer told the queue about each message, in order: the
 * plugin's `getQueueResult` reports a retry but not the delay asked for.
 */
function toldQueue(messages: ReadonlyArray<{ id: string; attempts: number; body: unknown }>): MessageBatch<unknown> & { told: Told[] } {
  const told: Told[] = messages.map(() => 'nothing');
  return {
    queue: 'pulse-jobs',
    metadata: { metrics: { backlogCount: messages.length, backlogBytes: 0 } },
    told,
    messages: messages.map((message, index) => ({
      ...message,
      timestamp: new Date(NOTICE_AT),
      ack: () => (told[index] = 'ack'),
      retry: (options) => (told[index] = { retry: options }),
    })),
    retryAll: () => {
      throw new Error('the consumer retries message by message');
    },
    ackAll: () => {
      throw new Error('the consumer acknowledges message by message');
    },
  };
}
const nobodysAlert = () => ({ type: 'alert.deliver' as const, alertId: `alert-${crypto.randomUUID()}`, noticeAt: NOTICE_AT });

describe('a job that fails', () => {
  it('should be kept as a dead letter at once, never retried, when it can never succeed', async () => {
    const [retried, dead] = [await jobAttempts('alert.deliver', 'retried'), await jobAttempts('alert.deliver', 'dead_lettered')];
    const job = nobodysAlert();
    const result = await deliverJobs([job], env, 2);
    expect(result.retryMessages).toEqual([]);
    expect(result.explicitAcks).toHaveLength(1);
    const letter = await deadLetterOfMessage(testDatabase(), result.explicitAcks[0] ?? '');
    expect(letter).toMatchObject({ queue: 'pulse-jobs', jobType: 'alert.deliver', attempts: 2, body: JSON.stringify(job) });
    expect(await jobAttempts('alert.deliver', 'dead_lettered')).toBe(dead + 1);
    expect(await jobAttempts('alert.deliver', 'retried')).toBe(retried);
  });

  it('should be retried while libSQL is down, waiting twice as long each attempt from the base, at most 15 minutes', async () => {
    const retried = await jobAttempts('alert.deliver', 'retried');
    // Six deliveries of one batch, as the queue would make them: the nth has been attempted n times.
    const batch = toldQueue([1, 2, 3, 5, 6, 10].map((attempts) => ({ id: `retry-${attempts}-${crypto.randomUUID()}`, attempts, body: nobodysAlert() })));
    await handleJobBatch(batch, { ...libsqlDown, JOB_RETRY_BASE_SECONDS: '30' });
    expect(batch.told).toEqual([30, 60, 120, 480, 900, 900].map((delaySeconds) => ({ retry: { delaySeconds } })));
    expect(await jobAttempts('alert.deliver', 'retried')).toBe(retried + 6);
  });
});

describe('the dead-letter queue', () => {
  /** What `pulse-jobs-dlq` delivers: the job that failed every attempt, and one that never was a job. */
  const deadBatch = (ids: readonly [string, string], job: unknown) =>
    createMessageBatch<unknown>(DEAD_JOBS, [
      { id: ids[0], timestamp: new Date(NOTICE_AT), attempts: 6, body: job },
      { id: ids[1], timestamp: new Date(NOTICE_AT), attempts: 6, body: 'not a job' },
    ]);

  it('should hand its letters back while libSQL is down, and keep them as jobs of pulse-jobs once it is up', async () => {
    const ids = [`dlq-${crypto.randomUUID()}`, `dlq-${crypto.randomUUID()}`] as const;
    const job = nobodysAlert();
    const whileDown = deadBatch(ids, job);
    await expect(handleJobBatch(whileDown, libsqlDown)).rejects.toThrow();
    expect(await getQueueResult(whileDown, createExecutionContext())).toMatchObject({ ackAll: false, explicitAcks: [], retryMessages: [] });
    expect(await deadLetterOfMessage(testDatabase(), ids[0])).toBeUndefined();

    const [deadJobs, deadUnreadable] = [await jobAttempts('alert.deliver', 'dead_lettered'), await jobAttempts('unreadable', 'dead_lettered')];
    const redelivered = deadBatch(ids, job);
    await handleJobBatch(redelivered, env);
    expect(await getQueueResult(redelivered, createExecutionContext())).toMatchObject({ ackAll: true });
    expect(await deadLetterOfMessage(testDatabase(), ids[0])).toMatchObject({ queue: 'pulse-jobs', jobType: 'alert.deliver', attempts: 6, body: JSON.stringify(job) });
    expect(await deadLetterOfMessage(testDatabase(), ids[1])).toMatchObject({ queue: 'pulse-jobs', jobType: 'unreadable', attempts: 6, body: '"not a job"' });
    expect([await jobAttempts('alert.deliver', 'dead_lettered'), await jobAttempts('unreadable', 'dead_lettered')]).toEqual([deadJobs + 1, deadUnreadable + 1]);
  });
});
