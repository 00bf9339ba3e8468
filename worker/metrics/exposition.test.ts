import { describe, expect, it } from 'vitest';
import { addCount, addObservation, type SeriesTotals } from './batch.ts';
import { formatValue, renderExposition } from './exposition.ts';

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

describe('an exposition before anything happened', () => {
  const text = renderExposition({ counters: [], histograms: [] }, {});
  const lines = text.split('\n');

  it('should expose only the counters with declared series, in catalog order, each typed once', () => {
    expect(lines.filter((line) => line.startsWith('# TYPE '))).toEqual([
      '# TYPE pulse_events_ingested_total counter',
      '# TYPE pulse_queue_entries_total counter',
      '# TYPE pulse_sms_sent_total counter',
      '# TYPE pulse_push_sent_total counter',
      '# TYPE pulse_emails_sent_total counter',
      '# TYPE pulse_websocket_messages_total counter',
      '# TYPE pulse_jobs_total counter',
      '# TYPE pulse_ticket_views_total counter',
      '# TYPE pulse_logins_total counter',
      '# TYPE pulse_admin_actions_total counter',
      '# TYPE pulse_exports_total counter',
      '# TYPE pulse_metrics_series_dropped_total counter',
    ]);
    // HELP comes right before TYPE, with the catalog's text as is.
    const push = lines.indexOf('# TYPE pulse_push_sent_total counter');
    expect(lines.slice(push - 1, push + 3)).toEqual([
      '# HELP pulse_push_sent_total Web push notifications sent, by result.',
      '# TYPE pulse_push_sent_total counter',
      'pulse_push_sent_total{result="failed"} 0',
      'pulse_push_sent_total{result="sent"} 0',
    ]);
  });

  it('should write a series without labels bare, and every job type by outcome (nine types and unreadable, three outcomes)', () => {
    expect(lines).toContain('pulse_websocket_messages_total 0');
    expect(lines).toContain('pulse_metrics_series_dropped_total 0');
    expect(lines.filter((line) => line.startsWith('pulse_jobs_total{'))).toHaveLength(30);
    expect(lines).toContain('pulse_jobs_total{outcome="dead_lettered",type="unreadable"} 0');
    // The failed-login alert and the admin's security figures read these from the first scrape.
    expect(lines.filter((line) => line.startsWith('pulse_logins_total{'))).toEqual([
      'pulse_logins_total{outcome="failed"} 0',
      'pulse_logins_total{outcome="ok"} 0',
      'pulse_logins_total{outcome="throttled"} 0',
    ]);
    expect(lines.filter((line) => line.startsWith('pulse_admin_actions_total{'))).toEqual([
      'pulse_admin_actions_total{result="failure"} 0',
      'pulse_admin_actions_total{result="success"} 0',
    ]);
    expect(lines.filter((line) => line.startsWith('pulse_queue_entries_total{'))).toEqual([
      'pulse_queue_entries_total{status="called"} 0',
      'pulse_queue_entries_total{status="cancelled"} 0',
      'pulse_queue_entries_total{status="completed"} 0',
      'pulse_queue_entries_total{status="in_consultation"} 0',
      'pulse_queue_entries_total{status="no_show"} 0',
      'pulse_queue_entries_total{status="unfinished"} 0',
      'pulse_queue_entries_total{status="waiting"} 0',
    ]);
  });
});

describe('series declared at run time', () => {
  it("should show each cron job's results at zero until counted, never twice once counted", () => {
    const totals: SeriesTotals = { counters: {}, histograms: {} };
    addCount(totals, 'pulse_cron_runs_total', { job: 'retention', result: 'success' }, 3);
    const text = renderExposition({ counters: Object.values(totals.counters), histograms: [] }, {}, {
      pulse_cron_runs_total: ['alerts', 'retention'].flatMap((job) => ['success', 'failure'].map((result) => ({ job, result }))),
    });
    expect(text.split('\n').filter((line) => line.startsWith('pulse_cron_runs_total'))).toEqual([
      'pulse_cron_runs_total{job="alerts",result="failure"} 0',
      'pulse_cron_runs_total{job="alerts",result="success"} 0',
      'pulse_cron_runs_total{job="retention",result="failure"} 0',
      'pulse_cron_runs_total{job="retention",result="success"} 3',
    ]);
  });
});

describe('sample values', () => {
  it('should write the text format\'s own spellings of NaN and the infinities, and numbers as JavaScript prints them', () => {
    expect([NaN, Infinity, -Infinity, 0, 42, 0.025, 1.24, 93_600].map(formatValue)).toEqual(['NaN', '+Inf', '-Inf', '0', '42', '0.025', '1.24', '93600']);
  });
});
