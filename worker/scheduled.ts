import type { Database } from '../db/client.ts';
import { clinicZones } from '../db/queries/admin-figures.ts';
import { liveClinicsIn } from '../db/queries/recipients.ts';
import { SERVICE_TIME_ZONE } from './digest/digest-content.ts';
import { localHourOf } from './domain/clinic-time.ts';
import { digestWeekOf, isDigestHour } from './domain/digest-schedule.ts';
import { ALERT_KINDS } from './domain/vocabulary.ts';
import { enqueueJobs, type JobMessage } from './jobs/job-messages.ts';
import { recordCronRun } from './metrics/cron-runs.ts';
import type { CronSchedule } from './metrics/health-report.ts';
import { backgroundRuntime } from './runtime/background-runtime.ts';

/** The cron expressions of wrangler.toml `[triggers]` (UTC). */
export const SCHEDULES = {
  /** The alert rules, churn risk aside; the pushes quiet hours held, once they are over. */
  alerts: '*/5 * * * *',
  /**
   * Clinics whose wall clock has just reached Monday 09:00, and the service's own Monday; clinics
   * whose midnight has just passed (their forecasts: yesterday's scored, today's frozen).
   */
  digest: '0 * * * *',
  /** Retention, the churn scan and the service's walk-out model: clinic nights, in every zone the product serves today. */
  nightly: '0 3 * * *',
  /** The business snapshot of the UTC day that just ended (admin trends). */
  business_snapshot: '10 0 * * *',
} as const;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * Each job whose last success health and /metrics watch, and how old it may be before they call
 * it stale: its period plus slack for a late trigger, a job backlog or a long run. Jobs run by
 * the job consumer record their own success; the digest records the hourly decision.
 */
export const CRON_SCHEDULES = {
  alerts: { schedule: SCHEDULES.alerts, staleAfterMs: 20 * MINUTE },
  digest: { schedule: SCHEDULES.digest, staleAfterMs: 3 * HOUR },
  retention: { schedule: SCHEDULES.nightly, staleAfterMs: 26 * HOUR },
  churn_scan: { schedule: SCHEDULES.nightly, staleAfterMs: 26 * HOUR },
  business_snapshot: { schedule: SCHEDULES.business_snapshot, staleAfterMs: 26 * HOUR },
} satisfies Record<string, CronSchedule>;

export type CronJob = keyof typeof CRON_SCHEDULES;

/**
 * A cron trigger only decides what is due and enqueues it; the job consumer does the work
 * (worker/jobs/job-consumer.ts). Every job is safe twice, so a trigger fired twice costs a
 * second look, never a second e-mail.
 */
export async function handleScheduled(controller: ScheduledController, env: Env): Promise<void> {
  const { runtime, flushMetrics } = backgroundRuntime(env, { cron: controller.cron });
  const { logger, jobs } = runtime;
  const at = controller.scheduledTime;
  try {
    switch (controller.cron) {
      case SCHEDULES.alerts:
        await enqueueJobs(jobs, [
          { type: 'alerts.evaluate', at, kinds: ALERT_KINDS.filter((kind) => kind !== 'churn_risk') },
          // Pushes held by quiet hours that ended since the last run.
          { type: 'alerts.release_held', at },
        ]);
        return;
      case SCHEDULES.digest:
        await recordCronRun(runtime, 'digest', async () => {
          const due = await dueDigests(runtime.db, at);
          const forecasts = await dueForecasts(runtime.db, at);
          await enqueueJobs(jobs, [...due, ...forecasts]);
          logger.info('digests enqueued', { job: 'digest', jobs: due.length, forecasts: forecasts.length });
        });
        return;
      case SCHEDULES.nightly:
        await enqueueJobs(jobs, [
          { type: 'retention.run', at },
          { type: 'alerts.evaluate', at, kinds: ['churn_risk'] },
          { type: 'walk_out_model.refresh', at },
        ]);
        return;
      case SCHEDULES.business_snapshot:
        await enqueueJobs(jobs, [{ type: 'business_snapshot.run', at }]);
        return;
      default:
        logger.warn('no job for this schedule', { job: null });
    }
  } catch (error) {
    logger.error('scheduled job failed', error);
    throw error;
  } finally {
    await flushMetrics();
  }
}

/** The digests due at `at`: every live clinic whose zone is at Monday 09:00, and the service's. */
export async function dueDigests(db: Database, at: number): Promise<JobMessage[]> {
  const zones = (await clinicZones(db)).filter((zone) => isDigestHour(at, zone));
  const clinics = await liveClinicsIn(db, zones);
  const jobs: JobMessage[] = clinics.map((clinic) => ({ type: 'digest.clinic', clinicId: clinic.id, weekStart: digestWeekOf(at, clinic.timezone).from }));
  if (isDigestHour(at, SERVICE_TIME_ZONE)) jobs.push({ type: 'digest.service', weekStart: digestWeekOf(at, SERVICE_TIME_ZONE).from });
  return jobs;
}

/** The forecast jobs due at `at`: every live clinic whose wall clock is in the first hour of its day. */
export async function dueForecasts(db: Database, at: number): Promise<JobMessage[]> {
  const zones = (await clinicZones(db)).filter((zone) => localHourOf(at, zone) === 0);
  const clinics = await liveClinicsIn(db, zones);
  return clinics.map((clinic) => ({ type: 'forecast.clinic', clinicId: clinic.id, at }));
}
