import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { emptyBatch } from '../metrics/batch.ts';
import { batchRecorder } from '../metrics/recorder.ts';
import { metricsObjectOf } from '../metrics/stub.ts';
import { createLogger } from '../runtime/logger.ts';
import { createRuntime } from '../runtime/runtime.ts';
import type { JobMessage } from './job-messages.ts';
import { runJob } from './run-job.ts';

const MINUTE = 60_000;
/** The Worker's environment with libSQL down: every job fails on its first query. */
const libsqlDown: Env = { ...env, LIBSQL_URL: 'http://127.0.0.1:9' };

/** A job batch's runtime whose clock reads `now`. */
const runtimeAt = (now: number, environment: Env) =>
  createRuntime(environment, { logger: createLogger({ test: 'run-job' }, () => {}), metrics: batchRecorder(emptyBatch()), clock: { now: () => now } });

describe('which jobs count as cron runs, and under which name', () => {
  it('should record each scheduled job under the name health watches, at its clock, and hand the failure back for a retry', async () => {
    const first = Date.parse('2031-07-01T03:00:00Z');
    const jobs: JobMessage[] = [
      { type: 'alerts.evaluate', at: first, kinds: ['churn_risk'] },
      { type: 'alerts.evaluate', at: first, kinds: ['queue_too_long', 'sms_failures'] },
      { type: 'retention.run', at: first },
      { type: 'business_snapshot.run', at: first },
      // Not cron runs: a delivery or a digest is one of many, and health does not watch it.
      { type: 'alert.deliver', alertId: 'alert-of-nobody', noticeAt: first },
      { type: 'digest.clinic', clinicId: 'clinic-of-nobody', weekStart: '2031-06-23' },
      { type: 'digest.service', weekStart: '2031-06-23' },
    ];
    for (const [index, job] of jobs.entries()) {
      await expect(runJob(runtimeAt(first + index * MINUTE, libsqlDown), job), job.type).rejects.toThrow();
    }
    const { cron } = await metricsObjectOf(env).status(first + jobs.length * MINUTE);
    expect(cron).toEqual([
      { job: 'alerts', lastSuccessAt: null, lastRunAt: first + MINUTE, lastResult: 'failure' },
      { job: 'business_snapshot', lastSuccessAt: null, lastRunAt: first + 3 * MINUTE, lastResult: 'failure' },
      { job: 'churn_scan', lastSuccessAt: null, lastRunAt: first, lastResult: 'failure' },
      { job: 'retention', lastSuccessAt: null, lastRunAt: first + 2 * MINUTE, lastResult: 'failure' },
    ]);
  });

  it('should record a retention run that worked as a success, at the clock of the run rather than the instant it cleaned up to', async () => {
    const ranAt = Date.parse('2031-07-02T03:00:00Z');
    // As of 2000 nothing anyone stored is old enough to go: the run succeeds and deletes nothing.
    await runJob(runtimeAt(ranAt, env), { type: 'retention.run', at: Date.parse('2000-01-01T03:00:00Z') });
    const { cron } = await metricsObjectOf(env).status(ranAt);
    expect(cron.find((record) => record.job === 'retention')).toEqual({ job: 'retention', lastSuccessAt: ranAt, lastRunAt: ranAt, lastResult: 'success' });
  });
});
