import { createExecutionContext, createMessageBatch, env, getQueueResult, SELF, waitOnExecutionContext } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../worker/app.ts';
import worker from '../../worker/index.ts';
import { SCHEDULES } from '../../worker/scheduled.ts';
import { eventually } from '../support/eventually.ts';
import { fireCron, jobAttempts, untilJobAttempts } from '../support/jobs.ts';
import { fetchWithEnv } from '../support/fetch-with-env.ts';
import { countOf, parseExposition, sampleOf, type Exposition } from '../support/prometheus-text.ts';
import { eventId, ingest } from '../support/queue-story.ts';
import { api, createWorld, openLiveSocket, ORIGIN, sessionFor, type World } from '../support/world.ts';

// vitest.config.ts gives the Worker this METRICS_TOKEN.
const METRICS_TOKEN = 'test-metrics-token-of-at-least-32-characters';
const HOUR = 3_600_000;

async function scrapeText(): Promise<string> {
  const response = await SELF.fetch(`${ORIGIN}/metrics`, { headers: { Authorization: `Bearer ${METRICS_TOKEN}` } });
  if (response.status !== 200) throw new Error(`scrape answered ${response.status}: ${await response.text()}`);
  return response.text();
}

const scrape = async (): Promise<Exposition> => parseExposition(await scrapeText());

/**
 * Scrapes until `series` has reached `expected` (increments arrive within a flush interval of the
 * answer, from every isolate and object), then returns that scrape for exact assertions.
 */
const scrapeUntil = (name: string, labels: Record<string, string>, expected: number) =>
  eventually(scrape, (exposition) => countOf(exposition, name, labels) >= expected);

describe('GET /metrics', () => {
  let world: World;
  beforeAll(async () => {
    world = await createWorld();
  });

  it('should refuse Prometheus without the metrics token, with a wrong one, and a signed-in person', async () => {
    const session = await sessionFor(world.superAdmin);
    for (const authorization of [undefined, 'Bearer not-the-token', `Bearer ${session}`]) {
      const response = await SELF.fetch(`${ORIGIN}/metrics`, { headers: authorization === undefined ? {} : { Authorization: authorization } });
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ error: { code: 'UNAUTHORIZED' } });
    }
  });

  it('should open to nobody when no token is configured, whatever is presented', async () => {
    for (const authorization of ['Bearer ', `Bearer ${METRICS_TOKEN}`, 'Bearer undefined']) {
      const response = await fetchWithEnv('/metrics', { METRICS_TOKEN: '' }, { headers: { Authorization: authorization } });
      expect(response.status, authorization).toBe(401);
    }
  });

  it('should refuse to run with a token shorter than 32 characters, even to the one who presents it', async () => {
    const short = 'metrics-token-31-characters-xyz';
    expect(short).toHaveLength(31);
    const response = await fetchWithEnv('/metrics', { METRICS_TOKEN: short }, { headers: { Authorization: `Bearer ${short}` } });
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ error: { code: 'INTERNAL', message: 'The service is misconfigured', details: {} } });
  });

  it('should answer the text format, with declared series at zero before anything happened', async () => {
    const response = await SELF.fetch(`${ORIGIN}/metrics`, { headers: { Authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(await response.text()).toContain('# TYPE http_request_duration_seconds histogram');
    // The business gauges come from a libSQL read that a loaded CI machine can time out once; a
    // later scrape answering 1 is what Prometheus would see, and the zero series must hold in it too.
    const exposition = await eventually(scrape, (scraped) => sampleOf(scraped, 'pulse_database_up') === 1);
    expect(sampleOf(exposition, 'pulse_push_sent_total', { result: 'failed' })).toBe(0);
    expect(sampleOf(exposition, 'pulse_emails_sent_total', { result: 'sent' })).toBe(0);
    expect(sampleOf(exposition, 'pulse_sms_sent_total', { kind: 'your_turn', status: 'failed' })).toBe(0);
    expect(sampleOf(exposition, 'pulse_cron_runs_total', { job: 'retention', result: 'failure' })).toBeGreaterThanOrEqual(0);
    expect(sampleOf(exposition, 'pulse_cron_stale', { job: 'retention' })).toBe(0);
  });

  it('should count requests by method, route pattern and status, never by raw path, and errors by code', async () => {
    const owner = await sessionFor(world.ownerA);
    const outsider = await sessionFor(world.ownerB);
    const today = `/clinics/${world.clinicA}/stats/today`;
    for (let i = 0; i < 3; i += 1) expect((await api(world, today, { token: owner })).status).toBe(200);
    expect((await api(world, today, { token: outsider })).status).toBe(404);
    for (let i = 0; i < 2; i += 1) expect((await api(world, `/no-such-thing/${world.clinicA}`)).status).toBe(404);

    const route = '/api/v1/clinics/:clinicId/stats/today';
    const exposition = await scrapeUntil('http_requests_total', { method: 'GET', route: 'unmatched', status_code: '404' }, 2);
    expect(countOf(exposition, 'http_requests_total', { method: 'GET', route, status_code: '200' })).toBe(3);
    expect(countOf(exposition, 'http_requests_total', { method: 'GET', route, status_code: '404' })).toBe(1);
    expect(countOf(exposition, 'http_requests_total', { method: 'GET', route: 'unmatched', status_code: '404' })).toBe(2);
    expect(countOf(exposition, 'pulse_api_errors_total', { route, code: 'NOT_FOUND' })).toBe(1);
    expect(countOf(exposition, 'pulse_api_errors_total', { route: 'unmatched', code: 'NOT_FOUND' })).toBe(2);
    // The histogram saw the same three answers, each in some bucket and all of them under +Inf.
    const ok = { method: 'GET', route, status_code: '200' };
    expect(countOf(exposition, 'http_request_duration_seconds_count', ok)).toBe(3);
    expect(countOf(exposition, 'http_request_duration_seconds_bucket', { ...ok, le: '+Inf' })).toBe(3);
    expect(countOf(exposition, 'http_request_duration_seconds_bucket', { ...ok, le: '0.005' })).toBeLessThanOrEqual(3);
    // No clinic id, and so no raw path, in any label.
    expect(await scrapeText()).not.toContain(world.clinicA);
  });

  it('should count each event once by type and result, entries by state reached and SMS by kind and status', async () => {
    const at = new Date().toISOString();
    const [first, second, sms] = [eventId('metrics-entry'), eventId('metrics-entry'), eventId('metrics-sms')];
    const morning = [
      { id: eventId('add'), type: 'patient_added', entryId: first, method: 'qr', occurredAt: at },
      { id: eventId('add'), type: 'patient_added', entryId: second, method: 'manual', occurredAt: at },
      { id: eventId('sms'), type: 'sms_sent', smsId: sms, entryId: first, kind: 'almost_turn', occurredAt: at },
      { id: eventId('call'), type: 'patient_called', entryId: first, occurredAt: at },
    ];
    expect((await ingest(world, world.keyA, morning)).body).toMatchObject({ accepted: 4, duplicates: 0 });
    // A retry storm resends the morning, with one impossible step, one SMS status and two malformed events.
    const retry = await ingest(world, world.keyA, [
      ...morning,
      { id: eventId('done'), type: 'patient_completed', entryId: second, occurredAt: at },
      { id: eventId('status'), type: 'sms_status', smsId: sms, status: 'failed', occurredAt: at },
      { id: eventId('bad'), type: 'patient_added', entryId: eventId('x'), method: 'qr', occurredAt: at, patientName: 'refused' },
      { id: eventId('bad'), type: 'no_such_type', occurredAt: at },
    ]);
    expect(retry.body).toMatchObject({ accepted: 1, duplicates: 4 });
    expect(retry.body.rejected).toHaveLength(3);
    // Reception calls the second patient: an event like the queue app's, and an entry reaching "called".
    const owner = await sessionFor(world.ownerA);
    expect((await api(world, `/clinics/${world.clinicA}/queue/call-next`, { method: 'POST', token: owner, json: {} })).status).toBe(200);

    const exposition = await scrapeUntil('pulse_queue_entries_total', { status: 'called' }, 2);
    const events = (type: string, result: string) => countOf(exposition, 'pulse_events_ingested_total', { type, result });
    expect({
      addedAccepted: events('patient_added', 'accepted'),
      addedDuplicate: events('patient_added', 'duplicate'),
      addedRejected: events('patient_added', 'rejected'),
      smsAccepted: events('sms_sent', 'accepted'),
      smsDuplicate: events('sms_sent', 'duplicate'),
      calledAccepted: events('patient_called', 'accepted'),
      calledDuplicate: events('patient_called', 'duplicate'),
      completedRejected: events('patient_completed', 'rejected'),
      statusAccepted: events('sms_status', 'accepted'),
      invalidRejected: events('invalid', 'rejected'),
    }).toEqual({
      addedAccepted: 2, addedDuplicate: 2, addedRejected: 1, smsAccepted: 1, smsDuplicate: 1,
      calledAccepted: 2, calledDuplicate: 1, completedRejected: 1, statusAccepted: 1, invalidRejected: 1,
    });
    expect(countOf(exposition, 'pulse_queue_entries_total', { status: 'waiting' })).toBe(2);
    expect(countOf(exposition, 'pulse_queue_entries_total', { status: 'called' })).toBe(2);
    expect(countOf(exposition, 'pulse_queue_entries_total', { status: 'completed' })).toBe(0);
    expect(countOf(exposition, 'pulse_sms_sent_total', { kind: 'almost_turn', status: 'sent' })).toBe(1);
    expect(countOf(exposition, 'pulse_sms_sent_total', { kind: 'almost_turn', status: 'failed' })).toBe(1);
  });

  it('should show the phones connected to live queues and count the updates sent to them', async () => {
    const before = await scrape();
    const response = await openLiveSocket(world, await sessionFor(world.staffA));
    const socket = response.webSocket;
    if (socket === null) throw new Error('no socket');
    socket.accept();
    const connected = await eventually(scrape, (exposition) => sampleOf(exposition, 'pulse_active_websockets') === 1);
    expect(sampleOf(connected, 'pulse_active_websockets')).toBe(1);

    await ingest(world, world.keyA, [{ id: eventId('live'), type: 'patient_added', entryId: eventId('live-entry'), method: 'qr', occurredAt: new Date().toISOString() }]);
    const sent = countOf(before, 'pulse_websocket_messages_total');
    const updated = await eventually(scrape, (exposition) => countOf(exposition, 'pulse_websocket_messages_total') > sent);
    expect(countOf(updated, 'pulse_websocket_messages_total')).toBe(sent + 1);

    socket.close(1000, 'done');
    const gone = await eventually(scrape, (exposition) => sampleOf(exposition, 'pulse_active_websockets') === 0);
    expect(sampleOf(gone, 'pulse_active_websockets')).toBe(0);
  });

  it('should time libSQL round trips by statement kind and table', async () => {
    const before = await scrape();
    const session = await sessionFor(world.staffA);
    // Each health check makes exactly one `select 1`; a signed-in request reads its session in one batch.
    for (let i = 0; i < 2; i += 1) await SELF.fetch(`${ORIGIN}/api/v1/health`);
    await api(world, '/me', { token: session });
    const exposition = await scrapeUntil('pulse_db_query_duration_seconds_count', { query: 'select' }, countOf(before, 'pulse_db_query_duration_seconds_count', { query: 'select' }) + 2);
    const delta = (query: string) => countOf(exposition, 'pulse_db_query_duration_seconds_count', { query }) - countOf(before, 'pulse_db_query_duration_seconds_count', { query });
    expect(delta('select')).toBe(2);
    expect(delta('batch:select:sessions')).toBeGreaterThanOrEqual(1);
    expect(countOf(exposition, 'pulse_db_query_errors_total', { query: 'select' })).toBe(0);
  });

  it('should count cron runs by result and report the last success, stale once its bound has passed', async () => {
    const started = Date.now();
    // In 2001 nothing of any test is old enough to be deleted. The trigger enqueues; the queue's consumer runs it.
    const at = Date.parse('2001-05-01T03:00:00Z');
    const before = await jobAttempts('retention.run', 'done');
    await fireCron(SCHEDULES.nightly, at);
    expect(await untilJobAttempts('retention.run', 'done', before, 1)).toBe(1);
    // The same job with libSQL unreachable: recorded as a failure, and handed back to the queue for a retry.
    const batch = createMessageBatch('pulse-jobs', [{ id: 'retention-offline', timestamp: new Date(), attempts: 1, body: { type: 'retention.run', at } }]);
    const ctx = createExecutionContext();
    await worker.queue(batch, { ...env, LIBSQL_URL: 'http://127.0.0.1:9' });
    expect((await getQueueResult(batch, ctx)).retryMessages).toEqual([{ msgId: 'retention-offline' }]);

    const exposition = await scrape();
    expect(countOf(exposition, 'pulse_cron_runs_total', { job: 'retention', result: 'success' })).toBe(1);
    expect(countOf(exposition, 'pulse_cron_runs_total', { job: 'retention', result: 'failure' })).toBe(1);
    const lastSuccess = sampleOf(exposition, 'pulse_cron_last_success_timestamp_seconds', { job: 'retention' }) ?? 0;
    expect(lastSuccess * 1000).toBeGreaterThanOrEqual(started);
    expect(lastSuccess * 1000).toBeLessThanOrEqual(Date.now());
    expect(sampleOf(exposition, 'pulse_cron_stale_after_seconds', { job: 'retention' })).toBe(26 * 3600);

    // Seen 27 hours later without another run, the daily job is stale: health degrades, /metrics says so.
    const later = createApp({ clock: { now: () => lastSuccess * 1000 + 27 * HOUR } });
    const call = async (path: string, headers: Record<string, string> = {}) => {
      const ctx = createExecutionContext();
      const response = await later.fetch(new Request(`${ORIGIN}${path}`, { headers }), env, ctx);
      await waitOnExecutionContext(ctx);
      return response;
    };
    const health = await call('/api/v1/health');
    expect(health.status).toBe(503);
    const report = await health.json<{ failing: string[]; cron: Record<string, unknown> }>();
    expect(report.failing).toContain('cron');
    expect(report.cron.retention).toMatchObject({ stale: true, lastSuccessAt: new Date(lastSuccess * 1000).toISOString() });
    const stale = parseExposition(await (await call('/metrics', { Authorization: `Bearer ${METRICS_TOKEN}` })).text());
    expect(sampleOf(stale, 'pulse_cron_stale', { job: 'retention' })).toBe(1);
  });

  it('should still answer with libSQL down: pulse_database_up 0 and no business gauges rather than zeros', async () => {
    const response = await fetchWithEnv('/metrics', { LIBSQL_URL: 'http://127.0.0.1:9' }, { headers: { Authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(response.status).toBe(200);
    const exposition = parseExposition(await response.text());
    expect(sampleOf(exposition, 'pulse_database_up')).toBe(0);
    expect(sampleOf(exposition, 'pulse_active_clinics')).toBeUndefined();
    expect(sampleOf(exposition, 'pulse_mrr', { currency: 'TND' })).toBeUndefined();
    expect(sampleOf(exposition, 'pulse_active_websockets')).toBeDefined();
  });
});

describe('the Metrics object', () => {
  it('should refuse series beyond its bound per metric and count what it refused', async () => {
    // An object of its own: the service's must not carry these thousands of series.
    const stub = env.METRICS.get(env.METRICS.idFromName('series-bound-test'));
    const counters = Object.fromEntries(
      Array.from({ length: 2_005 }, (_, index) => [`route-${index}`, { name: 'pulse_api_errors_total', labels: { route: `/route-${index}`, code: 'INTERNAL' }, value: 1 }]),
    );
    await stub.add({ counters, histograms: {}, queues: {} });
    const snapshot = await stub.snapshot(Date.now());
    expect(snapshot.counters.filter((series) => series.name === 'pulse_api_errors_total')).toHaveLength(2_000);
    expect(snapshot.counters.find((series) => series.name === 'pulse_metrics_series_dropped_total')?.value).toBe(5);
  });

  it('should keep only series of known metrics with their own labels', async () => {
    const stub = env.METRICS.get(env.METRICS.idFromName('series-labels-test'));
    await stub.add({
      counters: {
        a: { name: 'pulse_queue_entries_total', labels: { status: 'waiting' }, value: 2 },
        b: { name: 'pulse_queue_entries_total', labels: { status: 'waiting', clinic: 'Cabinet Amel' }, value: 1 },
        c: { name: 'not_a_pulse_metric_total', labels: {}, value: 1 },
      },
      histograms: {},
      queues: {},
    });
    const snapshot = await stub.snapshot(Date.now());
    expect(snapshot.counters.map(({ name, labels, value }) => ({ name, labels, value }))).toEqual([
      { name: 'pulse_queue_entries_total', labels: { status: 'waiting' }, value: 2 },
      { name: 'pulse_metrics_series_dropped_total', labels: {}, value: 2 },
    ]);
  });
});
