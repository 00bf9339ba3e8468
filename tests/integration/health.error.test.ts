import { env, SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { metricsObjectOf } from '../../worker/metrics/stub.ts';
import { fetchWithEnv } from '../support/fetch-with-env.ts';

describe('GET /api/v1/health with a part failing', () => {
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


  it('should be refused by the database without its token, as Turso would refuse it', async () => {
    const response = await fetchWithEnv('/api/v1/health', { LIBSQL_AUTH_TOKEN: '' });
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ database: { reachable: false } });
  });

});
