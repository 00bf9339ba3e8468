/**
 * Driving the background jobs as Cloudflare does: a cron trigger fires the Worker's scheduled
 * handler, which enqueues on the real (Miniflare) `pulse-jobs` queue, whose consumer is the
 * Worker's queue handler. Tests wait on the consumer's own job counters in the Metrics object.
 */
import { createExecutionContext, createMessageBatch, createScheduledController, env, getQueueResult } from 'cloudflare:test';
import worker from '../../worker/index.ts';
import type { JobMessage } from '../../worker/jobs/job-messages.ts';
import { metricsObjectOf } from '../../worker/metrics/stub.ts';
import { eventually } from './eventually.ts';

export async function fireCron(cron: string, scheduledTime: number, environment: Env = env): Promise<void> {
  await worker.scheduled(createScheduledController({ scheduledTime, cron }), environment);
}

/** Attempts of `type` that ended as `outcome`, counted by the consumer since the Metrics object began. */
export async function jobAttempts(type: string, outcome: 'done' | 'retried' | 'dead_lettered'): Promise<number> {
  const snapshot = await metricsObjectOf(env).snapshot(Date.now());
  return snapshot.counters.find((series) => series.name === 'pulse_jobs_total' && series.labels.type === type && series.labels.outcome === outcome)?.value ?? 0;
}

/** Waits until `count` more attempts of `type` ended as `outcome` than `before`; answers how many did. */
export async function untilJobAttempts(type: string, outcome: 'done' | 'retried' | 'dead_lettered', before: number, count: number, timeoutMs = 20_000): Promise<number> {
  return (await eventually(() => jobAttempts(type, outcome), (value) => value >= before + count, timeoutMs)) - before;
}

/**
 * Hands jobs straight to the Worker's queue handler, as the queue would deliver one batch, in a
 * given environment (another database, a broken setting); answers what the handler acked and retried.
 */
export async function deliverJobs(jobs: readonly JobMessage[], environment: Env = env, attempts = 1) {
  const batch = createMessageBatch<unknown>(
    'pulse-jobs',
    jobs.map((body, index) => ({ id: `direct-${Date.now()}-${index}-${crypto.randomUUID().slice(0, 8)}`, timestamp: new Date(), attempts, body })),
  );
  const ctx = createExecutionContext();
  await worker.queue(batch, environment);
  return getQueueResult(batch, ctx);
}
