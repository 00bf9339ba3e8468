import { createDatabase } from '../db/client.ts';
import { readConfig } from './env.ts';
import { snapshotMissingBusinessDays } from './jobs/business-snapshot.ts';
import { runRetention } from './jobs/retention.ts';
import { recordCronRun } from './metrics/cron-runs.ts';
import type { CronSchedule } from './metrics/health-report.ts';
import { createLogger } from './services/logger.ts';

/** The cron expressions of wrangler.toml `[triggers]` (UTC), by job. */
export const SCHEDULES = { retention: '0 3 * * *', business_snapshot: '10 0 * * *' } as const;

export type CronJob = keyof typeof SCHEDULES;

/**
 * Each job's schedule and how old its last success may be before health and alerts call it stale:
 * its period plus slack for a late trigger or a long run (retention: daily, so 24 h + 2 h).
 */
export const CRON_SCHEDULES: Record<CronJob, CronSchedule> = {
  retention: { schedule: SCHEDULES.retention, staleAfterMs: 26 * 3_600_000 },
  business_snapshot: { schedule: SCHEDULES.business_snapshot, staleAfterMs: 26 * 3_600_000 },
};

/**
 * Runs the job a cron trigger names. Every job is safe to run twice (a cron may fire twice):
 * retention deletes what is past the cutoff, and a second run finds nothing; the business
 * snapshot writes the finished UTC days that have none, by key.
 */
export async function handleScheduled(controller: ScheduledController, env: Env): Promise<void> {
  const logger = createLogger({ cron: controller.cron });
  const config = readConfig(env);
  const db = createDatabase({ url: config.libsqlUrl, authToken: config.libsqlAuthToken });
  try {
    if (controller.cron === SCHEDULES.retention) {
      await recordCronRun(env, 'retention', logger, async () => {
        const run = await runRetention(db, controller.scheduledTime, config.retentionDays);
        logger.info('retention done', { job: 'retention', cutoff: new Date(run.cutoff).toISOString(), complete: run.complete, ...run.deleted });
      });
      return;
    }
    if (controller.cron === SCHEDULES.business_snapshot) {
      await recordCronRun(env, 'business_snapshot', logger, async () => {
        const written = await snapshotMissingBusinessDays(db, controller.scheduledTime);
        logger.info('business snapshot done', { job: 'business_snapshot', days: written });
      });
      return;
    }
    logger.warn('no job for this schedule', { job: null });
  } catch (error) {
    logger.error('scheduled job failed', error);
    throw error;
  }
}
