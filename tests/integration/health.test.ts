import { env, SELF } from 'cloudflare:test';
import { describe, expect, it, vi } from 'vitest';
import { metricsObjectOf } from '../../worker/metrics/recorder.ts';
import { fetchWithEnv } from '../support/fetch-with-env.ts';

describe('GET /api/v1/health', () => {
  it('should report ok with the database reachable and its latency', async () => {
    const response = await SELF.fetch('http://pulse.test/api/v1/health');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = await response.json<Record<string, unknown>>();
    expect(body).toMatchObject({ status: 'ok', version: '0.1.0', database: { reachable: true } });
    expect(body).toHaveProperty('database.latencyMs', expect.any(Number));
  });

  it('should report every part in a stable shape: database, Durable Object round trip, outbox backlog, cron jobs', async () => {
    const response = await SELF.fetch('http://pulse.test/api/v1/health');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: 'ok',
      version: '0.1.0',
      time: expect.any(String),
      failing: [],
      database: { reachable: true, latencyMs: expect.any(Number) },
      durableObject: { reachable: true, latencyMs: expect.any(Number) },
      outbox: { backlogRows: 0, clinicsBehind: 0, lagSeconds: 0, maxLagSeconds: 300 },
      // Never run yet, and the deployment is younger than a day: not stale.
      cron: {
        alerts: { schedule: '*/5 * * * *', lastSuccessAt: null, staleAfterSeconds: 20 * 60, stale: false },
        digest: { schedule: '0 * * * *', lastSuccessAt: null, staleAfterSeconds: 3 * 3600, stale: false },
        retention: { schedule: '0 3 * * *', lastSuccessAt: null, staleAfterSeconds: 26 * 3600, stale: false },
        churn_scan: { schedule: '0 3 * * *', lastSuccessAt: null, staleAfterSeconds: 26 * 3600, stale: false },
        business_snapshot: { schedule: '10 0 * * *', lastSuccessAt: null, staleAfterSeconds: 26 * 3600, stale: false },
      },
    });
  });

  it('should answer 503 degraded, naming the database and only it, when libSQL cannot be reached', async () => {
    // A real connection to a closed port: nothing listens on TCP port 9 here.
    const response = await fetchWithEnv('/api/v1/health', { LIBSQL_URL: 'http://127.0.0.1:9' });
    expect(response.status).toBe(503);
    const body = await response.json<Record<string, unknown>>();
    expect(body).toMatchObject({ status: 'degraded', failing: ['database'], database: { reachable: false, latencyMs: null }, durableObject: { reachable: true } });
    expect(JSON.stringify(body)).not.toContain('127.0.0.1');
  });

  it('should degrade while a clinic outbox has waited more than five minutes for libSQL, and recover once it drains', async () => {
    const now = Date.now();
    // What a ClinicQueue whose flushes keep failing reports: rows waiting since 6 minutes ago.
    await metricsObjectOf(env).add({ counters: {}, histograms: {}, queues: { 'clinic-behind': { outboxRows: 12, oldestEnqueuedAt: now - 360_000, sockets: 0, reportedAt: now } } });
    const behind = await SELF.fetch('http://pulse.test/api/v1/health');
    expect(behind.status).toBe(503);
    const report = await behind.json<{ failing: string[]; outbox: { backlogRows: number; clinicsBehind: number; lagSeconds: number } }>();
    expect(report.failing).toEqual(['outbox']);
    expect(report.outbox).toMatchObject({ backlogRows: 12, clinicsBehind: 1 });
    expect(report.outbox.lagSeconds).toBeGreaterThanOrEqual(360);

    await metricsObjectOf(env).add({ counters: {}, histograms: {}, queues: { 'clinic-behind': { outboxRows: 0, oldestEnqueuedAt: null, sockets: 0, reportedAt: now + 1 } } });
    const drained = await SELF.fetch('http://pulse.test/api/v1/health');
    expect(drained.status).toBe(200);
    expect(await drained.json()).toMatchObject({ failing: [], outbox: { backlogRows: 0, lagSeconds: 0 } });
  });

  it('should say the Worker is alive on /health/live without asking anything else, even with libSQL down', async () => {
    const response = await fetchWithEnv('/api/v1/health/live', { LIBSQL_URL: 'http://127.0.0.1:9' });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('should be refused by the database without its token, as Turso would refuse it', async () => {
    const response = await fetchWithEnv('/api/v1/health', { LIBSQL_AUTH_TOKEN: '' });
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ database: { reachable: false } });
  });

  it('should carry a request id, echoing a valid one the caller sent', async () => {
    const fresh = await SELF.fetch('http://pulse.test/api/v1/health');
    expect(fresh.headers.get('x-request-id')).toMatch(/^[\w-]{8,}$/);
    const echoed = await SELF.fetch('http://pulse.test/api/v1/health', { headers: { 'X-Request-Id': 'trace-abc-123' } });
    expect(echoed.headers.get('x-request-id')).toBe('trace-abc-123');
  });
});

describe('a misconfigured deployment', () => {
  /** Each refused by the configuration check for its own reason. */
  const MISCONFIGURED: Array<{ setting: string; overrides: Partial<Env> }> = [
    { setting: 'IP_HASH_KEY', overrides: { IP_HASH_KEY: 'short' } },
    // Anyone could try a short token until /metrics opens: refused at start, not at scrape time.
    { setting: 'METRICS_TOKEN', overrides: { METRICS_TOKEN: 'a'.repeat(31) } },
    { setting: 'LIBSQL_URL', overrides: { LIBSQL_URL: 'not a url' } },
  ];
  /** What anyone on the internet may ask without signing in. */
  const ANONYMOUS: Array<[string, RequestInit]> = [
    ['/api/v1/health', {}],
    ['/api/v1/health/live', {}],
    ['/metrics', { headers: { Authorization: `Bearer ${'a'.repeat(31)}` } }],
    ['/api/v1/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: 'x@pulse.tn', password: 'x' }) }],
  ];

  it.each(MISCONFIGURED)('should tell anonymous callers only that the configuration fails, naming $setting in the logs alone', async ({ setting, overrides }) => {
    // Watched, not replaced: the lines still reach the output.
    const written = vi.spyOn(console, 'log');
    try {
      for (const [path, init] of ANONYMOUS) {
        const response = await fetchWithEnv(path, overrides, init);
        const text = await response.text();
        expect(response.status, path).toBe(500);
        expect(JSON.parse(text), path).toEqual({ error: { code: 'INTERNAL', message: 'The service is misconfigured', details: {} } });
        expect(text, path).not.toContain(setting);
      }
      const lines = written.mock.calls.map(([line]) => String(line));
      expect(lines.some((line) => line.includes(setting) && line.includes('configuration'))).toBe(true);
    } finally {
      written.mockRestore();
    }
  });
});
