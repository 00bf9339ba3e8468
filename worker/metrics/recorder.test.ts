import { describe, expect, it } from 'vitest';
import { emptyBatch } from './batch.ts';
import { DB_DURATION_BUCKETS } from './catalog.ts';
import { batchRecorder } from './recorder.ts';

describe('a job batch recorder', () => {
  it("should bucket observations by the catalog's own bounds for the metric", () => {
    const batch = emptyBatch();
    const metrics = batchRecorder(batch);
    metrics.observe('pulse_db_query_duration_seconds', { query: 'select:sessions' }, 0.003);
    metrics.observe('pulse_db_query_duration_seconds', { query: 'select:sessions' }, 4);
    const series = batch.histograms['pulse_db_query_duration_seconds{query="select:sessions"}'];
    expect(series?.buckets).toHaveLength(DB_DURATION_BUCKETS.length + 1);
    // 3 ms falls under the 5 ms bound (third), 4 s above the last bound of 2.5 s.
    expect(series?.buckets).toEqual([0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
    expect(series).toMatchObject({ sum: 4.003, count: 2 });
  });

  it('should count with a default of one and keep the newest report of each clinic whatever the order they come in', () => {
    const batch = emptyBatch();
    const metrics = batchRecorder(batch);
    metrics.count('pulse_jobs_total', { type: 'retention.run', outcome: 'retried' });
    metrics.count('pulse_jobs_total', { type: 'retention.run', outcome: 'retried' }, 4);
    metrics.reportQueue('clinic-a', { outboxRows: 0, oldestEnqueuedAt: null, sockets: 2, reportedAt: 5_000 });
    metrics.reportQueue('clinic-a', { outboxRows: 9, oldestEnqueuedAt: 1_000, sockets: 2, reportedAt: 4_000 });
    expect(batch.counters['pulse_jobs_total{outcome="retried",type="retention.run"}']?.value).toBe(5);
    expect(batch.queues).toEqual({ 'clinic-a': { outboxRows: 0, oldestEnqueuedAt: null, sockets: 2, reportedAt: 5_000 } });
  });
});
