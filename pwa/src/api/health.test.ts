import { describe, expect, it } from 'vitest';
import { HealthResponseError, parseHealth, readHealthResponse, ServerUnreachableError, type Health } from './health';

const HEALTHY: Health = {
  status: 'ok',
  version: '0.1.0',
  time: '2026-11-24T23:00:00.000Z',
  database: { reachable: true, latencyMs: 3.2 },
  failing: [],
};

const DATABASE_DOWN: Health = {
  status: 'degraded',
  version: '0.1.0',
  time: '2026-11-24T23:00:15.000Z',
  database: { reachable: false, latencyMs: null, error: 'connect ECONNREFUSED 127.0.0.1:8080' },
  failing: ['database'],
};

function json(body: unknown, status: number): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

describe('parseHealth', () => {
  it('should accept a healthy service and ignore fields it does not know yet', () => {
    expect(parseHealth({ ...HEALTHY, region: 'TUN' })).toEqual(HEALTHY);
  });

  it('should read the whole document the API answers, keeping the failing parts it knows', () => {
    const document = {
      status: 'degraded',
      version: '0.1.0',
      time: '2026-11-25T03:10:00.000Z',
      failing: ['outbox', 'cron', 'something-new'],
      database: { reachable: true, latencyMs: 4 },
      durableObject: { reachable: true, latencyMs: 1.5 },
      outbox: { backlogRows: 1200, clinicsBehind: 3, lagSeconds: 420, maxLagSeconds: 300 },
      cron: { retention: { schedule: '0 3 * * *', lastSuccessAt: null, staleAfterSeconds: 93600, stale: true } },
    };
    expect(parseHealth(document)).toEqual({
      status: 'degraded',
      version: '0.1.0',
      time: '2026-11-25T03:10:00.000Z',
      database: { reachable: true, latencyMs: 4 },
      failing: ['outbox', 'cron'],
    });
  });

  it('should read a document kept from before the API named failing parts', () => {
    const { failing: _, ...older } = DATABASE_DOWN;
    expect(parseHealth(older)).toEqual(DATABASE_DOWN);
    expect(() => parseHealth({ ...HEALTHY, failing: 'cron' })).toThrow(HealthResponseError);
  });

  it('should accept a database that cannot be reached, with its error', () => {
    expect(parseHealth(DATABASE_DOWN)).toEqual(DATABASE_DOWN);
  });

  it('should refuse a reachable database without a latency', () => {
    expect(() => parseHealth({ ...HEALTHY, database: { reachable: true, latencyMs: null } })).toThrow(HealthResponseError);
  });

  it('should refuse an unknown status, a missing version and a time that is not a date', () => {
    expect(() => parseHealth({ ...HEALTHY, status: 'up' })).toThrow(/status/);
    expect(() => parseHealth({ ...HEALTHY, version: undefined })).toThrow(/version/);
    expect(() => parseHealth({ ...HEALTHY, time: 'yesterday' })).toThrow(/time/);
  });

  it('should refuse anything that is not an object', () => {
    for (const value of [null, 'ok', 42, [HEALTHY]]) expect(() => parseHealth(value)).toThrow(HealthResponseError);
  });
});

describe('readHealthResponse', () => {
  it('should read a 200 as the current health', async () => {
    await expect(readHealthResponse(json(HEALTHY, 200))).resolves.toEqual(HEALTHY);
  });

  it("should read a 503 carrying the document as Pulse's own report of a degraded service", async () => {
    await expect(readHealthResponse(json(DATABASE_DOWN, 503))).resolves.toEqual(DATABASE_DOWN);
  });

  it('should treat edge error pages in front of a stopped worker as an unreachable server', async () => {
    const page = (status: number) => new Response('<h1>Service Unavailable</h1>', { status, headers: { 'content-type': 'text/html' } });
    await expect(readHealthResponse(page(503))).rejects.toThrow(ServerUnreachableError);
    await expect(readHealthResponse(page(502))).rejects.toThrow(ServerUnreachableError);
  });

  it('should report a broken contract when the app shell answers instead of the API', async () => {
    const shell = new Response('<!doctype html><html lang="fr">', { status: 200, headers: { 'content-type': 'text/html' } });
    await expect(readHealthResponse(shell)).rejects.toThrow(HealthResponseError);
  });

  it('should report a broken contract for a client error', async () => {
    const notFound = json({ error: { code: 'NOT_FOUND', message: 'No such route' } }, 404);
    await expect(readHealthResponse(notFound)).rejects.toThrow(HealthResponseError);
  });
});
