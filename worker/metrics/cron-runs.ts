import type { Logger } from '../services/logger.ts';
import { metricsObjectOf } from './recorder.ts';
import type { CronResult } from './status.ts';

/**
 * Runs one scheduled job and records its result in the Metrics object (`pulse_cron_runs_total`,
 * the last success health reads). The record is awaited: a cron has no one waiting for it, and a
 * success must be stored before the run counts as done. Failing to record never fails the job.
 */
export async function recordCronRun(env: Env, job: string, logger: Logger, work: () => Promise<void>): Promise<void> {
  const record = async (result: CronResult) => {
    try {
      await metricsObjectOf(env).recordCronRun(job, result, Date.now());
    } catch (error) {
      logger.error('cron run not recorded in metrics', error, { job, result });
    }
  };
  try {
    await work();
  } catch (error) {
    await record('failure');
    throw error;
  }
  await record('success');
}
