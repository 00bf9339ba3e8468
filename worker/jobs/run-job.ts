/** Runs one job of the `pulse-jobs` queue (worker/jobs/job-messages.ts) and logs what it did. */
import { recordCronRun } from '../metrics/cron-runs.ts';
import { deliverAlert } from './alert-delivery.ts';
import { evaluateAlerts } from './alert-evaluation.ts';
import { snapshotMissingBusinessDays } from './business-snapshot.ts';
import { sendClinicDigest, sendServiceDigest } from './digest-delivery.ts';
import type { JobContext } from './job-context.ts';
import { enqueueJobs, type JobMessage } from './job-messages.ts';
import { runRetention } from './retention.ts';

export async function runJob(context: JobContext, job: JobMessage): Promise<void> {
  const { env, db, logger } = context;
  switch (job.type) {
    case 'alerts.evaluate': {
      // The daily churn scan is the churn-risk rule alone; the 5-minute run checks the others.
      const name = job.kinds.length === 1 && job.kinds[0] === 'churn_risk' ? 'churn_scan' : 'alerts';
      await recordCronRun(env, name, logger, async () => {
        const notices = await evaluateAlerts(db, job.at, job.kinds);
        await enqueueJobs(env.JOBS, notices.map((notice) => ({ type: 'alert.deliver', alertId: notice.instanceId, noticeAt: notice.noticeAt })));
        logger.info('alerts evaluated', { job: name, notices: notices.length });
      });
      return;
    }
    case 'alert.deliver': {
      const outcome = await deliverAlert(context, job.alertId, job.noticeAt);
      logger.info('alert delivered', { job: job.type, alertId: job.alertId, ...outcome });
      return;
    }
    case 'digest.clinic': {
      const outcome = await sendClinicDigest(context, job.clinicId, job.weekStart);
      logger.info('clinic digest done', { job: job.type, clinicId: job.clinicId, weekStart: job.weekStart, ...outcome });
      return;
    }
    case 'digest.service': {
      const outcome = await sendServiceDigest(context, job.weekStart);
      logger.info('service digest done', { job: job.type, weekStart: job.weekStart, ...outcome });
      return;
    }
    case 'retention.run':
      await recordCronRun(env, 'retention', logger, async () => {
        const run = await runRetention(db, job.at, context.config.retentionDays);
        logger.info('retention done', { job: 'retention', cutoff: new Date(run.cutoff).toISOString(), complete: run.complete, ...run.deleted });
      });
      return;
    case 'business_snapshot.run':
      await recordCronRun(env, 'business_snapshot', logger, async () => {
        const written = await snapshotMissingBusinessDays(db, job.at);
        logger.info('business snapshot done', { job: 'business_snapshot', days: written });
      });
      return;
  }
}
