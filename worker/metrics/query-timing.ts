import type { QueryObserver } from '../../db/client.ts';
import { queryLabel } from './query-label.ts';
import type { MetricsRecorder } from './recorder.ts';

/**
 * Times every libSQL round trip of one runtime (a request, a job batch, a cron run, a Durable
 * Object) into `pulse_db_query_duration_seconds`, and counts the failed ones.
 */
export function queryTimingOf(metrics: MetricsRecorder): QueryObserver {
  return ({ statement, batch, seconds, failed }) => {
    const query = queryLabel(statement, batch);
    metrics.observe('pulse_db_query_duration_seconds', { query }, seconds);
    if (failed) metrics.count('pulse_db_query_errors_total', { query });
  };
}
