import { Hono } from 'hono';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import type { AppEnv } from '../app-env.ts';
import { requestLog } from './request-log.ts';

/** A clinic resource mounted as the app mounts its sub-apps, behind the request log. */
function appWithLog() {
  const clinics = new Hono<AppEnv>();
  clinics.get('/:clinicId/queue', (c) => c.json({ waiting: 3 }));
  clinics.post('/:clinicId/queue/call-next', (c) => {
    // What `authorize` does once a policy allowed the caller: the clinic it acts on.
    c.set('clinicId', 'clinic-of-the-key');
    return c.json({ called: true });
  });
  const app = new Hono<AppEnv>();
  app.use(async (c, next) => {
    c.set('requestId', c.req.header('X-Request-Id') ?? 'no-id');
    await next();
  });
  app.use(requestLog);
  app.route('/api/v1/clinics', clinics);
  app.get('/api/v1/health', (c) => c.json({ status: 'degraded' }, 503));
  return app;
}

describe('the request log line', () => {
  let written: MockInstance<typeof console.log>;
  beforeEach(() => {
    written = vi.spyOn(console, 'log').mockImplementation(() => undefined);
  });
  afterEach(() => {
    written.mockRestore();
  });
  const lines = () => written.mock.calls.map(([text]) => String(text));

  it('should name the mounted route pattern and the clinic of the path, and leave the query string and the body out', async () => {
    const response = await appWithLog().request('/api/v1/clinics/cabinet-sfax/queue?phone=%2B21698123456&name=Amel', { headers: { 'X-Request-Id': 'r-1' } });
    expect(response.status).toBe(200);
    expect(lines()).toHaveLength(1);
    expect(JSON.parse(lines()[0] ?? '')).toEqual({
      level: 'info', time: expect.any(String), message: 'request', requestId: 'r-1',
      method: 'GET', route: '/api/v1/clinics/:clinicId/queue', status: 200, durationMs: expect.any(Number), clinicId: 'cabinet-sfax',
    });
    for (const personal of ['21698123456', 'Amel', 'phone']) expect(lines()[0]).not.toContain(personal);
  });

  it('should prefer the clinic a policy authorised to the one in the path', async () => {
    await appWithLog().request('/api/v1/clinics/cabinet-sfax/queue/call-next', { method: 'POST', body: '{"patientName":"Amel"}', headers: { 'X-Request-Id': 'r-2' } });
    expect(JSON.parse(lines()[0] ?? '')).toMatchObject({ route: '/api/v1/clinics/:clinicId/queue/call-next', clinicId: 'clinic-of-the-key' });
    expect(lines()[0]).not.toContain('Amel');
  });

  it("should call a path no route matches 'unmatched', never by its raw path", async () => {
    const response = await appWithLog().request('/api/v1/clinics/cabinet-sfax/secret-report', { headers: { 'X-Request-Id': 'r-3' } });
    expect(response.status).toBe(404);
    const line: unknown = JSON.parse(lines()[0] ?? '');
    expect(line).toMatchObject({ level: 'info', route: 'unmatched', status: 404 });
    expect(lines()[0]).not.toContain('secret-report');
  });

  it('should make a 5xx answered on purpose a warning, without error or stack', async () => {
    await appWithLog().request('/api/v1/health', { headers: { 'X-Request-Id': 'r-4' } });
    const line: unknown = JSON.parse(lines()[0] ?? '');
    expect(line).toEqual({
      level: 'warn', time: expect.any(String), message: 'request', requestId: 'r-4', method: 'GET', route: '/api/v1/health', status: 503, durationMs: expect.any(Number),
    });
  });
});
