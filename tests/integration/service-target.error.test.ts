import { describe, expect, it } from 'vitest';
import { readServiceTarget } from '../../db/queries/service-target.ts';
import { api, apiJson, signedInWorld, testDatabase } from '../support/world.ts';

interface ErrorBody {
  error: { code: string; message: string; details: { issues?: Array<{ path: string }> } };
}

describe('a service target that cannot be set as asked', () => {
  const signedIn = signedInWorld(['ownerA']);

  const put = (body: unknown) =>
    apiJson<ErrorBody>(signedIn.world, `/clinics/${signedIn.world.clinicA}/service-target`, { method: 'PUT', token: signedIn.token('ownerA'), json: body });

  it('should refuse targets outside 5–240 whole minutes, a number sent as text, and fields it does not know, changing nothing', async () => {
    const refused: unknown[] = [{ minutes: 4 }, { minutes: 241 }, { minutes: 0 }, { minutes: -30 }, { minutes: 30.5 }, { minutes: '30' }, { minutes: null }, {}, { minutes: 30, note: 'rush hour' }, [30], 30];
    for (const body of refused) {
      const { status, body: answer } = await put(body);
      expect({ body, status, code: answer.error.code }).toEqual({ body, status: 400, code: 'VALIDATION_FAILED' });
    }
    expect((await put({ minutes: 241 })).body.error.details.issues?.[0]?.path).toBe('minutes');
    expect(await readServiceTarget(testDatabase(), signedIn.world.clinicA)).toBe(30);
  });

  it('should take the bounds themselves', async () => {
    expect((await put({ minutes: 5 })).status).toBe(200);
    expect((await put({ minutes: 240 })).status).toBe(200);
    expect(await readServiceTarget(testDatabase(), signedIn.world.clinicA)).toBe(240);
  });

  it('should refuse a body that is not JSON', async () => {
    const { world } = signedIn;
    const response = await api(world, `/clinics/${world.clinicA}/service-target`, { method: 'PUT', token: signedIn.token('ownerA'), headers: { 'Content-Type': 'application/json' }, body: 'minutes=45' });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
  });
});
