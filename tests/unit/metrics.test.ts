import { describe, expect, it } from 'vitest';
import type { ClinicRecord } from '../../db/queries/business.ts';
import { addCount, addObservation, emptyBatch, mergeBatch, mergeTotals, type SeriesTotals } from '../../worker/metrics/batch.ts';
import { renderExposition } from '../../worker/metrics/exposition.ts';
import { healthReport, statusGauges, type Probe } from '../../worker/metrics/health-report.ts';
import { queryLabel } from '../../worker/metrics/query-label.ts';
import { reportDue } from '../../worker/metrics/queue-report.ts';
import { summarizeQueues } from '../../worker/metrics/queue-summary.ts';
import { serviceGauges } from '../../worker/metrics/service-gauges.ts';
import type { MetricsStatus } from '../../worker/metrics/status.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('increments and totals', () => {
  it('should add counts and observations per series, whatever the order of the labels', () => {
    const batch = emptyBatch();
    addCount(batch, 'pulse_queue_entries_total', { status: 'waiting' });
    addCount(batch, 'pulse_queue_entries_total', { status: 'waiting' }, 2);
    addCount(batch, 'pulse_api_errors_total', { route: '/a', code: 'FORBIDDEN' });
    addCount(batch, 'pulse_api_errors_total', { code: 'FORBIDDEN', route: '/a' });
    addObservation(batch, 'pulse_db_query_duration_seconds', { query: 'select' }, [0.1, 1], 0.1);
    addObservation(batch, 'pulse_db_query_duration_seconds', { query: 'select' }, [0.1, 1], 0.5);
    addObservation(batch, 'pulse_db_query_duration_seconds', { query: 'select' }, [0.1, 1], 7);
    expect(Object.values(batch.counters).map(({ name, value }) => [name, value])).toEqual([
      ['pulse_queue_entries_total', 3],
      ['pulse_api_errors_total', 2],
    ]);
    // 0.1 is in the 0.1 bucket (le is "less or equal"), 0.5 in the 1 bucket, 7 only under +Inf.
    expect(Object.values(batch.histograms)[0]).toMatchObject({ buckets: [1, 1, 1], sum: 7.6, count: 3 });
  });

  it('should admit new series only while allowed, count what it refused, and key series by their own labels', () => {
    const totals: SeriesTotals = { counters: {}, histograms: {} };
    const incoming: SeriesTotals = {
      counters: {
        whatever: { name: 'pulse_queue_entries_total', labels: { status: 'called' }, value: 4 },
        other: { name: 'pulse_queue_entries_total', labels: { status: 'no_show' }, value: 2 },
      },
      histograms: {},
    };
    const { changed, refused } = mergeTotals(totals, incoming, (_, labels) => labels.status === 'called');
    expect(changed).toEqual(['pulse_queue_entries_total{status="called"}']);
    expect(refused).toBe(2);
    mergeTotals(totals, incoming, () => false);
    // A series already admitted keeps counting.
    expect(totals.counters['pulse_queue_entries_total{status="called"}']?.value).toBe(8);
  });

  it("should keep each queue's newest report when batches meet", () => {
    const older = emptyBatch();
    older.queues.c1 = { outboxRows: 5, oldestEnqueuedAt: 1_000, sockets: 1, reportedAt: 2_000 };
    const newer = emptyBatch();
    newer.queues.c1 = { outboxRows: 0, oldestEnqueuedAt: null, sockets: 2, reportedAt: 3_000 };
    mergeBatch(newer, older);
    expect(newer.queues.c1).toEqual({ outboxRows: 0, oldestEnqueuedAt: null, sockets: 2, reportedAt: 3_000 });
  });
});

describe('the exposition text', () => {
  it('should write HELP and TYPE once per family, cumulative buckets, escaped labels, declared zeros, and leave out gauges not measured', () => {
    const totals: SeriesTotals = { counters: {}, histograms: {} };
    addCount(totals, 'pulse_api_errors_total', { route: '/say "hi"\\now', code: 'NOT_FOUND' }, 2);
    addObservation(totals, 'http_request_duration_seconds', { method: 'GET', route: '/api/v1/health', status_code: '200' }, [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10], 0.02);
    addObservation(totals, 'http_request_duration_seconds', { method: 'GET', route: '/api/v1/health', status_code: '200' }, [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10], 3);
    const text = renderExposition(
      { counters: Object.values(totals.counters), histograms: Object.values(totals.histograms) },
      { pulse_active_websockets: [{ value: 3 }], pulse_mrr: [{ labels: { currency: 'TND' }, value: 150 }, { labels: { currency: 'EUR' }, value: 50.5 }] },
    );
    const lines = text.split('\n');
    const health = 'method="GET",route="/api/v1/health",status_code="200"';
    expect(lines).toEqual(
      expect.arrayContaining([
        '# TYPE http_request_duration_seconds histogram',
        `http_request_duration_seconds_bucket{${health},le="0.01"} 0`,
        `http_request_duration_seconds_bucket{${health},le="0.025"} 1`,
        `http_request_duration_seconds_bucket{${health},le="2"} 1`,
        `http_request_duration_seconds_bucket{${health},le="5"} 2`,
        `http_request_duration_seconds_bucket{${health},le="+Inf"} 2`,
        `http_request_duration_seconds_sum{${health}} 3.02`,
        `http_request_duration_seconds_count{${health}} 2`,
        'pulse_api_errors_total{code="NOT_FOUND",route="/say \\"hi\\"\\\\now"} 2',
        'pulse_push_sent_total{result="failed"} 0',
        'pulse_push_sent_total{result="sent"} 0',
        'pulse_active_websockets 3',
        'pulse_mrr{currency="EUR"} 50.5',
        'pulse_mrr{currency="TND"} 150',
      ]),
    );
    expect(lines.filter((line) => line.startsWith('# TYPE pulse_mrr '))).toEqual(['# TYPE pulse_mrr gauge']);
    // Never counted, no declared series: no family at all rather than an empty one.
    expect(text).not.toContain('pulse_db_query_errors_total');
    expect(text).not.toContain('pulse_active_clinics');
    expect(text.endsWith('\n')).toBe(true);
  });
});

describe('the query label', () => {
  it('should name the statement kind and its own table, not a subquery', () => {
    expect(queryLabel('select "id", "token_hash" from "sessions" where "token_hash" = ?')).toBe('select:sessions');
    expect(queryLabel('select "id", (select max("occurred_at") from "clinic_activity" where "kind" = ?) from "clinics"')).toBe('select:clinics');
    expect(queryLabel('insert into "events" ("clinic_id", "id") values (?, ?) on conflict do nothing')).toBe('insert:events');
    expect(queryLabel('update "sessions" set "last_seen_at" = ?')).toBe('update:sessions');
    expect(queryLabel('delete from "events" where "rowid" in (select "rowid" from "events" limit ?)')).toBe('delete:events');
    expect(queryLabel('select 1')).toBe('select');
    expect(queryLabel('select "session" from "sessions"', true)).toBe('batch:select:sessions');
    expect(queryLabel('vacuum')).toBe('other');
  });
});

describe('clinic queue reports', () => {
  it('should sum the backlog and the phones, and age the oldest waiting row from now', () => {
    const summary = summarizeQueues(
      [
        { outboxRows: 0, oldestEnqueuedAt: null, sockets: 3, reportedAt: 1_000 },
        { outboxRows: 40, oldestEnqueuedAt: 10_000, sockets: 1, reportedAt: 12_000 },
        { outboxRows: 2, oldestEnqueuedAt: 50_000, sockets: 0, reportedAt: 51_000 },
      ],
      70_000,
    );
    expect(summary).toEqual({ reporting: 3, backlogRows: 42, clinicsBehind: 2, lagSeconds: 60, sockets: 4 });
  });

  it('should report on a change that matters and every 10 s while behind, not on every flush', () => {
    const empty = { outboxRows: 0, oldestEnqueuedAt: null, sockets: 2, reportedAt: 0 };
    const behind = { outboxRows: 7, oldestEnqueuedAt: 0, sockets: 2, reportedAt: 1_000 };
    expect(reportDue(undefined, empty)).toBe(true);
    expect(reportDue(empty, { ...empty, reportedAt: 60_000 })).toBe(false);
    expect(reportDue(empty, { ...empty, sockets: 3, reportedAt: 100 })).toBe(true);
    expect(reportDue(empty, behind)).toBe(true);
    expect(reportDue(behind, { ...behind, outboxRows: 9, reportedAt: 5_000 })).toBe(false);
    expect(reportDue(behind, { ...behind, reportedAt: 11_000 })).toBe(true);
    expect(reportDue(behind, { ...empty, reportedAt: 1_100 })).toBe(true);
  });
});

describe('the health report', () => {
  const NOW = Date.parse('2026-11-25T10:00:00Z');
  const up: Probe = { reachable: true, latencyMs: 3 };
  const jobs = { retention: { schedule: '0 3 * * *', staleAfterMs: 26 * HOUR } };
  const status = (lastSuccessAt: number | null, trackingSince = NOW - 3 * DAY): MetricsStatus => ({
    trackingSince,
    queues: { reporting: 2, backlogRows: 0, clinicsBehind: 0, lagSeconds: 0, sockets: 1 },
    cron: lastSuccessAt === null ? [] : [{ job: 'retention', lastSuccessAt, lastRunAt: lastSuccessAt, lastResult: 'success' }],
  });

  it('should be ok with every part answering and the daily job run this morning', () => {
    const report = healthReport({ version: '1.2.3', now: NOW, database: up, durableObject: up, status: status(NOW - 7 * HOUR), jobs });
    expect(report).toEqual({
      status: 'ok',
      version: '1.2.3',
      time: '2026-11-25T10:00:00.000Z',
      failing: [],
      database: up,
      durableObject: up,
      outbox: { backlogRows: 0, clinicsBehind: 0, lagSeconds: 0, maxLagSeconds: 300 },
      cron: { retention: { schedule: '0 3 * * *', lastSuccessAt: '2026-11-25T03:00:00.000Z', staleAfterSeconds: 93_600, stale: false } },
    });
  });

  it('should call a daily job stale after 26 hours without success, and a never-run job only once counting is that old', () => {
    expect(healthReport({ version: 'v', now: NOW, database: up, durableObject: up, status: status(NOW - 27 * HOUR), jobs })).toMatchObject({ status: 'degraded', failing: ['cron'] });
    expect(healthReport({ version: 'v', now: NOW, database: up, durableObject: up, status: status(null, NOW - HOUR), jobs }).failing).toEqual([]);
    expect(healthReport({ version: 'v', now: NOW, database: up, durableObject: up, status: status(null, NOW - 2 * DAY), jobs }).cron.retention?.stale).toBe(true);
  });

  it('should name every failing part in a fixed order, and say "unknown" rather than guess when the object is unreachable', () => {
    const down: Probe = { reachable: false, latencyMs: null, error: 'no answer within 5000 ms' };
    const report = healthReport({ version: 'v', now: NOW, database: { reachable: false, latencyMs: null, error: 'HttpServerError' }, durableObject: down, status: null, jobs });
    expect(report.failing).toEqual(['database', 'durableObject']);
    expect(report.outbox).toEqual({ backlogRows: null, clinicsBehind: null, lagSeconds: null, maxLagSeconds: 300 });
    expect(report.cron.retention).toMatchObject({ lastSuccessAt: null, stale: null });
  });

  it('should fail the outbox past five minutes of lag, and expose queues and cron as gauges', () => {
    const lagging = { ...status(NOW - HOUR), queues: { reporting: 3, backlogRows: 900, clinicsBehind: 2, lagSeconds: 301, sockets: 5 } };
    expect(healthReport({ version: 'v', now: NOW, database: up, durableObject: up, status: lagging, jobs }).failing).toEqual(['outbox']);
    expect(statusGauges(lagging, jobs, NOW)).toEqual({
      pulse_active_websockets: [{ value: 5 }],
      pulse_outbox_lag_seconds: [{ value: 301 }],
      pulse_outbox_backlog_rows: [{ value: 900 }],
      pulse_outbox_clinics_behind: [{ value: 2 }],
      pulse_cron_last_success_timestamp_seconds: [{ labels: { job: 'retention' }, value: (NOW - HOUR) / 1000 }],
      pulse_cron_stale_after_seconds: [{ labels: { job: 'retention' }, value: 93_600 }],
      pulse_cron_stale: [{ labels: { job: 'retention' }, value: 0 }],
    });
  });
});

describe('the business gauges', () => {
  // 00:30 UTC on 25 November: already the 25th in Tunis, still the 24th in New York.
  const NOW = Date.parse('2026-11-25T00:30:00Z');
  const clinic = (clinicId: string, timezone: string, planPriceMinor: number, lastLoginAt: number | null, currency = 'TND'): ClinicRecord => ({
    clinicId, name: `Cabinet ${clinicId}`, timezone, currency, planPriceMinor, smsUnitCostMinor: 40, createdAt: 0, archivedAt: null, lastLoginAt,
  });

  it('should count active clinics, MRR per currency, churn risk and today’s waiting patients in each clinic’s own zone', () => {
    const gauges = serviceGauges(
      {
        clinics: [
          clinic('tunis', 'Africa/Tunis', 50_000, NOW - HOUR),
          clinic('sfax', 'Africa/Tunis', 50_000, NOW - 10 * DAY),
          clinic('paris', 'Europe/Paris', 6_000, NOW - 2 * DAY, 'EUR'),
          clinic('nyc', 'America/New_York', 60_000, NOW - 31 * DAY),
          clinic('never', 'Africa/Tunis', 50_000, null),
        ],
        waiting: [
          { clinicId: 'tunis', clinicDay: '2026-11-25', waiting: 4 },
          // Yesterday's leftovers in Tunis are not waiting now; New York's today is the 24th.
          { clinicId: 'tunis', clinicDay: '2026-11-24', waiting: 2 },
          { clinicId: 'nyc', clinicDay: '2026-11-24', waiting: 7 },
          // An archived clinic is not in the standing list: its queue does not count.
          { clinicId: 'archived', clinicDay: '2026-11-25', waiting: 9 },
        ],
        smsCostLastHour: [{ currency: 'TND', costMinor: 1_240 }],
      },
      NOW,
    );
    expect(gauges).toEqual({
      pulse_database_up: [{ value: 1 }],
      pulse_clinics: [{ value: 5 }],
      // Logins within 30 days: tunis, sfax (at risk, still active) and paris.
      pulse_active_clinics: [{ value: 3 }],
      pulse_mrr: [
        { labels: { currency: 'TND' }, value: 100 },
        { labels: { currency: 'EUR' }, value: 60 },
      ],
      // sfax (10 days), nyc (31 days) and never: 3 of 5.
      pulse_churn_risk_ratio: [{ value: 0.6 }],
      pulse_patients_waiting: [{ value: 11 }],
      pulse_queues_open: [{ value: 2 }],
      pulse_queue_length_max: [{ value: 7 }],
      pulse_sms_cost_last_hour: [
        { labels: { currency: 'TND' }, value: 1.24 },
        { labels: { currency: 'EUR' }, value: 0 },
      ],
    });
  });

  it('should expose no churn share over no clinics rather than divide by zero', () => {
    expect(serviceGauges({ clinics: [], waiting: [], smsCostLastHour: [] }, NOW).pulse_churn_risk_ratio).toEqual([]);
  });
});
