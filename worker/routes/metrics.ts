import { Hono } from 'hono';
import { readServiceGaugeRows } from '../../db/queries/service-gauges.ts';
import type { AppEnv } from '../app-env.ts';
import { authorize } from '../auth/authorize.ts';
import { PROMETHEUS } from '../auth/policy.ts';
import { CRON_RESULTS } from '../metrics/catalog.ts';
import { EXPOSITION_CONTENT_TYPE, renderExposition, type GaugeValues } from '../metrics/exposition.ts';
import { statusGauges } from '../metrics/health-report.ts';
import { flushMetrics } from '../metrics/recorder.ts';
import { serviceGauges } from '../metrics/service-gauges.ts';
import { CRON_SCHEDULES } from '../scheduled.ts';

/** Every job × result at zero until it runs, so `increase(pulse_cron_runs_total[…])` works from the first scrape. */
const CRON_RUN_SERIES = Object.keys(CRON_SCHEDULES).flatMap((job) => CRON_RESULTS.map((result) => ({ job, result })));

/**
 * `GET /metrics`, for Prometheus (bearer METRICS_TOKEN), outside /api: the counters every isolate
 * sent to the Metrics object, the queue and cron gauges it keeps, and the business gauges read
 * from libSQL now. With libSQL down the scrape still answers, with `pulse_database_up 0` and
 * without the business gauges (absent, not zero: an MRR of 0 would page someone).
 */
export const metricsRoutes = new Hono<AppEnv>().get('/metrics', authorize(PROMETHEUS), async (c) => {
  const { db, clock, logger } = c.var.services;
  const now = clock.now();
  // This isolate's own pending increments first, so what it just counted is in this answer.
  await flushMetrics(c.env);
  const [snapshot, business] = await Promise.all([
    c.var.services.durableObjects.metrics().snapshot(now),
    readServiceGaugeRows(db, now).then(
      (rows): GaugeValues => serviceGauges(rows, now),
      (error: unknown): GaugeValues => {
        logger.warn('metrics: business gauges unavailable', { error: error instanceof Error ? error.message.slice(0, 200) : 'unknown' });
        return { pulse_database_up: [{ value: 0 }] };
      },
    ),
  ]);
  const text = renderExposition(snapshot, { ...statusGauges(snapshot, CRON_SCHEDULES, now), ...business }, { pulse_cron_runs_total: CRON_RUN_SERIES });
  c.header('Cache-Control', 'no-store');
  return c.body(text, 200, { 'Content-Type': EXPOSITION_CONTENT_TYPE });
});
