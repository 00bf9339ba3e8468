/** What the Metrics object answers: plain data, read by /metrics and by health. */
import type { CounterSeries, HistogramSeries } from './batch.ts';
import type { CRON_RESULTS } from './catalog.ts';
import type { QueueSummary } from './queue-summary.ts';

export type CronResult = (typeof CRON_RESULTS)[number];

export interface CronRecord {
  job: string;
  lastSuccessAt: number | null;
  lastRunAt: number;
  lastResult: CronResult;
}

/** How the SMTP server last answered Pulse's login, as the sends saw it (worker/mail/login-watch.ts). */
export interface MailLoginRecord {
  lastAcceptedAt: number | null;
  lastRefusedAt: number | null;
  /** The last refusal's words; kept after a later success, which is what clears the failure. */
  refusal: string | null;
}

/** What health reads on every call: small, no series. */
export interface MetricsStatus {
  /** When the Metrics object first counted anything: a job that never ran is judged from here. */
  trackingSince: number;
  queues: QueueSummary;
  cron: CronRecord[];
  mailLogin: MailLoginRecord;
}

export interface MetricsSnapshot extends MetricsStatus {
  counters: CounterSeries[];
  histograms: HistogramSeries[];
}
