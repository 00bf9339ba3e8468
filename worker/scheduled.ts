import { createDatabase } from '../db/client.ts';
import { readConfig } from './env.ts';
import { runRetention } from './jobs/retention.ts';
import { createLogger } from './services/logger.ts';

/** The cron expressions of wrangler.toml `[triggers]`, by job. */
export const SCHEDULES = { retention: '0 3 * * *' } as const;

/**
 * Runs the job a cron trigger names. Every job is safe to run twice (a cron may fire twice):
 * retention deletes what is past the cutoff, and a second run finds nothing.
 */
export async function handleScheduled(controller: ScheduledController, env: Env): Promise<void> {
  const logger = createLogger({ cron: controller.cron });
  const config = readConfig(env);
  const db = createDatabase({ url: config.libsqlUrl, authToken: config.libsqlAuthToken });
  try {
    if (controller.cron === SCHEDULES.retention) {
      const run = await runRetention(db, controller.scheduledTime, config.retentionDays);
      logger.info('retention done', { job: 'retention', cutoff: new Date(run.cutoff).toISOString(), complete: run.complete, ...run.deleted });
      return;
    }
    logger.warn('no job for this schedule', { job: null });
  } catch (error) {
    logger.error('scheduled job failed', error);
    throw error;
  }
}
