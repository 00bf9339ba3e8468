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

  it('should answer 503 degraded, naming the database, when libSQL cannot be reached', async () => {
    // A real connection to a closed port: nothing listens on TCP port 9 here.
    const response = await fetchWithEnv('/api/v1/health', { LIBSQL_URL: 'http://127.0.0.1:9' });
    expect(response.status).toBe(503);
    const body = await response.json<Record<string, unknown>>();
    expect(body).toMatchObject({ status: 'degraded', database: { reachable: false, latencyMs: null } });
    expect(JSON.stringify(body)).not.toContain('127.0.0.1');
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
