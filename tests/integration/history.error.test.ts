import { describe, expect, it } from 'vitest';
import type { NoShowsAnswer } from '../../worker/domain/history-wire.ts';
import { fetchWithEnv } from '../support/fetch-with-env.ts';
import { apiJson, signedInWorld } from '../support/world.ts';

describe('a clinic history that cannot be answered as asked', () => {
  const signedIn = signedInWorld(['ownerA']);

  it('should refuse a window it does not know, naming the ones it does', async () => {
    const { world } = signedIn;
    const { response, body } = await apiJson<{ error: { code: string; message: string; details: unknown } }>(world, `/clinics/${world.clinicA}/analytics?timeframe=2w`, { token: signedIn.token('ownerA') });
    expect(response.status).toBe(400);
    expect(body.error.code).toBe('VALIDATION_FAILED');
    for (const allowed of ['7d', '30d', '90d', '1y']) expect(JSON.stringify(body.error)).toContain(allowed);
  });

  it('should serve the last answer marked stale when the database is down, and 503 when it has none', async () => {
    const { world } = signedIn;
    const doctor = signedIn.token('ownerA');
    const path = `/api/v1/clinics/${world.clinicA}/stats/no-shows?timeframe=30d`;
    const headers = { Authorization: `Bearer ${doctor}`, 'CF-Connecting-IP': world.ip, 'Cache-Control': 'no-cache' };
    const live = await fetchWithEnv(path, {}, { headers });
    expect(live.status).toBe(200);
    const liveBody = await live.json<NoShowsAnswer>();
    const down = { LIBSQL_URL: 'http://127.0.0.1:9' };
    // `no-cache` makes it ask the database, which is down: the last answer stands in, marked.
    const stale = await fetchWithEnv(path, down, { headers });
    expect(stale.status).toBe(200);
    const staleBody = await stale.json<NoShowsAnswer>();
    expect(staleBody).toMatchObject({ stale: true, dataFreshness: 'cached', weekdays: liveBody.weekdays });
    expect(staleBody.ageSeconds).toBeGreaterThanOrEqual(0);
    const never = await fetchWithEnv(`/api/v1/clinics/${world.clinicA}/stats/peak-hours?timeframe=1y`, down, { headers });
    expect(never.status).toBe(503);
    expect(await never.json()).toMatchObject({ error: { code: 'UNAVAILABLE' } });
  });
});
