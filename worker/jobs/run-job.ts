/** Runs one job of `pulse-jobs` (worker/jobs/job-messages.ts) and logs what it did. */
import { recordCronRun } from '../metrics/cron-runs.ts';
import type { Runtime } from '../runtime/runtime.ts';
import { deliverAlert } from './alert-delivery.ts';
import { clinicQueueHourReader, evaluateAlerts } from './alert-evaluation.ts';
import { releaseHeldPushes } from './held-push-release.ts';
import { snapshotMissingBusinessDays } from './business-snapshot.ts';
import { sendClinicDigest, sendServiceDigest } from './digest-delivery.ts';
import { enqueueJobs, type JobMessage } from './job-messages.ts';
import { runRetention } from './retention.ts';
import { runForecastJob } from '../use-cases/forecasts.ts';
import { refreshServiceWalkOutModel } from '../use-cases/service-walk-out-model.ts';

export async function runJob(runtime: Runtime, job: JobMessage): Promise<void> {
  const { db, logger } = runtime;
  switch (job.type) {
    case 'alerts.evaluate': {
      // The daily churn scan is the churn-risk rule alone; the 5-minute run checks the others.
      const name = job.kinds.length === 1 && job.kinds[0] === 'churn_risk' ? 'churn_scan' : 'alerts';
      await recordCronRun(runtime, name, async () => {
        const notices = await evaluateAlerts(db, job.at, job.kinds, clinicQueueHourReader(runtime.durableObjects));
        await enqueueJobs(runtime.jobs, notices.map((notice) => ({ type: 'alert.deliver', alertId: notice.instanceId, noticeAt: notice.noticeAt })));
        logger.info('alerts evaluated', { job: name, notices: notices.length });
      });
      return;
    }
    case 'alert.deliver': {
      const outcome = await deliverAlert(runtime, job.alertId, job.noticeAt);
      logger.info('alert delivered', { job: job.type, alertId: job.alertId, ...outcome });
      return;
    }
    case 'alerts.release_held': {
      const release = await releaseHeldPushes(runtime, job.at);
      logger.info('held pushes released', { job: job.type, ...release });
      return;
    }
    case 'digest.clinic': {
      const outcome = await sendClinicDigest(runtime, job.clinicId, job.weekStart);
      logger.info('clinic digest done', { job: job.type, clinicId: job.clinicId, weekStart: job.weekStart, ...outcome });
      return;
    }
    case 'digest.service': {
      const outcome = await sendServiceDigest(runtime, job.weekStart);
      logger.info('service digest done', { job: job.type, weekStart: job.weekStart, ...outcome });
      return;
    }
    case 'forecast.clinic': {
      const outcome = await runForecastJob(db, job.clinicId, job.at);
      logger.info('forecast job done', { job: job.type, clinicId: job.clinicId, ...outcome });
      return;
    }
    case 'walk_out_model.refresh': {
      const outcome = await refreshServiceWalkOutModel(db, job.at);
      logger.info('service walk-out model refitted', { job: job.type, ...outcome });
      return;
    }
    case 'retention.run':
      await recordCronRun(runtime, 'retention', async () => {
        const run = await runRetention(db, job.at, runtime.config.retentionDays);
        logger.info('retention done', { job: 'retention', cutoff: new Date(run.cutoff).toISOString(), complete: run.complete, ...run.deleted });
      });
      return;
    case 'business_snapshot.run':
      await recordCronRun(runtime, 'business_snapshot', async () => {
        const written = await snapshotMissingBusinessDays(db, job.at);
        logger.info('business snapshot done', { job: 'business_snapshot', days: written });
      });
      return;
  }
}
