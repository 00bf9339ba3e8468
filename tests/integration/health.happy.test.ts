import { SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
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

  it('should report every part in a stable shape: database, Durable Object round trip, outbox backlog, cron jobs, mail', async () => {
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
      // The tests' Worker sends over SMTP with a login; no send has told how the login went yet.
      mail: { transport: 'smtp', state: 'ok', problem: null, lastLoginAcceptedAt: null, lastLoginRefusedAt: null },
    });
  });

  it('should say the Worker is alive on /health/live without asking anything else, even with libSQL down', async () => {
    const response = await fetchWithEnv('/api/v1/health/live', { LIBSQL_URL: 'http://127.0.0.1:9' });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('should carry a request id, echoing a valid one the caller sent', async () => {
    const fresh = await SELF.fetch('http://pulse.test/api/v1/health');
    expect(fresh.headers.get('x-request-id')).toMatch(/^[\w-]{8,}$/);
    const echoed = await SELF.fetch('http://pulse.test/api/v1/health', { headers: { 'X-Request-Id': 'trace-abc-123' } });
    expect(echoed.headers.get('x-request-id')).toBe('trace-abc-123');
  });
});
