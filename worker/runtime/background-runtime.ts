import { emptyBatch, isEmptyBatch } from '../metrics/batch.ts';
import { batchRecorder } from '../metrics/recorder.ts';
import { createLogger, type LogFields } from './logger.ts';
import { createRuntime, type Runtime } from './runtime.ts';

/** A cron run's or a job batch's runtime, and how its increments reach the Metrics object. */
export interface BackgroundRuntime {
  runtime: Runtime;
  /**
   * Sends what was recorded (query timings, jobs, e-mails, pushes) in one RPC. Best effort: the
   * work is done whether or not its counters arrive.
   */
  flushMetrics(): Promise<void>;
}

/**
 * Unlike a request or a Durable Object, a cron run or a job batch has no `waitUntil` to flush
 * after it returns (the handlers are called without an execution context in tests), so its
 * increments gather in a batch of its own, sent once and awaited when the work is done.
 */
export function backgroundRuntime(env: Env, logFields: LogFields): BackgroundRuntime {
  const batch = emptyBatch();
  const runtime = createRuntime(env, { logger: createLogger(logFields), metrics: batchRecorder(batch) });
  return {
    runtime,
    async flushMetrics() {
      if (isEmptyBatch(batch)) return;
      try {
        await runtime.durableObjects.metrics().add(batch);
      } catch (error) {
        runtime.logger.error('job metrics not recorded', error);
      }
    },
  };
}
