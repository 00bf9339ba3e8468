import { describe, expect, it } from 'vitest';
import { readSmsBudget } from '../../db/queries/sms-budget.ts';
import { api, apiJson, signedInWorld, testDatabase } from '../support/world.ts';

interface ErrorBody {
  error: { code: string; message: string; details: { issues?: Array<{ path: string }> } };
}

describe('an SMS budget that cannot be set as asked', () => {
  const signedIn = signedInWorld(['ownerA']);

  const put = (body: unknown) =>
    apiJson<ErrorBody>(signedIn.world, `/clinics/${signedIn.world.clinicA}/sms-budget`, { method: 'PUT', token: signedIn.token('ownerA'), json: body });

  it('should refuse amounts that are not whole positive minor units within a billion, text, missing amounts and unknown fields, changing nothing', async () => {
    const refused: unknown[] = [
      { monthlyAmountMinor: 0 },
      { monthlyAmountMinor: -80_000 },
      { monthlyAmountMinor: 80.5 },
      { monthlyAmountMinor: 1_000_000_001 },
      { monthlyAmountMinor: '80000' },
      { monthlyAmountMinor: true },
      {},
      { monthlyAmountMinor: 80_000, currency: 'EUR' },
      { amount: 80 },
      [80_000],
      80_000,
      null,
    ];
    for (const body of refused) {
      const { status, body: answer } = await put(body);
      expect({ body, status, code: answer.error.code }).toEqual({ body, status: 400, code: 'VALIDATION_FAILED' });
    }
    expect((await put({ monthlyAmountMinor: 0 })).body.error.details.issues?.[0]?.path).toBe('monthlyAmountMinor');
    expect(await readSmsBudget(testDatabase(), signedIn.world.clinicA)).toEqual({ budgetMinor: null, currency: 'TND' });
  });

  it('should take the bounds themselves', async () => {
    expect((await put({ monthlyAmountMinor: 1 })).status).toBe(200);
    expect((await put({ monthlyAmountMinor: 1_000_000_000 })).status).toBe(200);
    expect(await readSmsBudget(testDatabase(), signedIn.world.clinicA)).toEqual({ budgetMinor: 1_000_000_000, currency: 'TND' });
  });

  it('should refuse a body that is not JSON, keeping the budget it had', async () => {
    const { world } = signedIn;
    const response = await api(world, `/clinics/${world.clinicA}/sms-budget`, { method: 'PUT', token: signedIn.token('ownerA'), headers: { 'Content-Type': 'application/json' }, body: 'monthlyAmountMinor=5' });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    expect((await readSmsBudget(testDatabase(), world.clinicA))?.budgetMinor).toBe(1_000_000_000);
  });
});
