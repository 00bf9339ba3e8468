import type { Runtime } from '../runtime/runtime.ts';
import type { CronResult } from './status.ts';

/**
 * Runs one scheduled job and records its result in the Metrics object (`pulse_cron_runs_total`,
 * the last success health reads). The record is awaited: a cron has no one waiting for it, and a
 * success must be stored before the run counts as done. Failing to record never fails the job.
 */
export async function recordCronRun(runtime: Runtime, job: string, work: () => Promise<void>): Promise<void> {
  const record = async (result: CronResult) => {
    try {
      await runtime.durableObjects.metrics().recordCronRun(job, result, runtime.clock.now());
    } catch (error) {
      runtime.logger.error('cron run not recorded in metrics', error, { job, result });
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
