import { SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { clinics } from '../../db/schema/index.ts';
import { fetchWithEnv } from '../support/fetch-with-env.ts';
import { api, createWorld, signIn, testDatabase } from '../support/world.ts';
import { insertClinics } from '../../db/queries/clinic-prices.ts';

describe('the one error shape', () => {
  it('should answer an unknown API path with 404 NOT_FOUND in the error shape', async () => {
    const response = await SELF.fetch('http://pulse.test/api/v1/no-such-thing');
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      error: { code: 'NOT_FOUND', message: 'No route for GET /api/v1/no-such-thing', details: {} },
    });
  });

  it('should answer a known path with the wrong method with 404 in the error shape', async () => {
    const response = await SELF.fetch('http://pulse.test/api/v1/health', { method: 'DELETE' });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });

  it('should answer a stranger 500 INTERNAL "misconfigured", naming no setting and no value', async () => {
    const response = await fetchWithEnv('/api/v1/health', { LIBSQL_URL: 'not a url' });
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ error: { code: 'INTERNAL', message: 'The service is misconfigured', details: {} } });
    expect(text).not.toMatch(/LIBSQL_URL|not a url/);
  });
});

describe("the live queue's own failures", () => {
  it("should answer 503 in words of its own, never the object's error message", async () => {
    const world = await createWorld();
    // A zone no runtime knows: the clinic's queue object cannot open its day.
    const clinicId = `broken-${world.suffix}`;
    await insertClinics(testDatabase(), [{ id: clinicId, name: `Cassé ${world.suffix}`, timezone: 'Mars/Olympus_Mons', planPriceMinor: 50_000, smsUnitCostMinor: 40, createdAt: Date.now() }]);
    const response = await api(world, `/clinics/${clinicId}/queue`, { token: await signIn(world, world.superAdmin) });
    expect(response.status).toBe(503);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ error: { code: 'UNAVAILABLE', message: 'The live queue is not available right now; try again shortly', details: {} } });
    expect(text).not.toMatch(/Mars|time ?zone|RangeError/i);

    // The service's own figures still answer, the broken clinic without a "today".
    const superAdmin = await signIn(world, world.superAdmin);
    for (const path of ['/admin/metrics', '/admin/clinics', '/admin/trends']) {
      expect((await api(world, path, { token: superAdmin })).status).toBe(200);
    }
  });
});

describe('GET /api/v1/openapi.json', () => {
  it('should be generated from the route definitions, health and error schemas included', async () => {
    const response = await SELF.fetch('http://pulse.test/api/v1/openapi.json');
    expect(response.status).toBe(200);
    const spec = await response.json<{ openapi: string; paths: Record<string, unknown>; components: { schemas: Record<string, unknown> } }>();
    expect(spec.openapi).toBe('3.1.0');
    expect(Object.keys(spec.paths)).toContain('/api/v1/health');
    expect(Object.keys(spec.components.schemas)).toContain('HealthReport');
  });

  it('should be readable on the docs page', async () => {
    const response = await SELF.fetch('http://pulse.test/api/v1/docs');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(await response.text()).toContain('/api/v1/openapi.json');
  });
});
