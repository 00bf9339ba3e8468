import { describe, expect, it } from 'vitest';
import { auditRowsAbout } from '../../db/queries/audit-rows.ts';
import { readSmsBudget } from '../../db/queries/sms-budget.ts';
import type { SmsBudget } from '../../worker/domain/sms-budget-wire.ts';
import { api, apiJson, signedInWorld, testDatabase } from '../support/world.ts';

describe("a clinic's SMS budget, set by its owners only", () => {
  const signedIn = signedInWorld(['ownerA', 'staffA', 'ownerB']);

  it("should refuse the receptionist (403), hide the clinic from another clinic's owner (404) and ask the signed out to sign in (401)", async () => {
    const { world } = signedIn;
    const path = `/clinics/${world.clinicA}/sms-budget`;
    const asStaff = await apiJson<{ error: { code: string } }>(world, path, { method: 'PUT', token: signedIn.token('staffA'), json: { monthlyAmountMinor: 80_000 } });
    expect([asStaff.status, asStaff.body.error.code]).toEqual([403, 'FORBIDDEN']);
    const asOtherOwner = await apiJson<{ error: { code: string; message: string } }>(world, path, { method: 'PUT', token: signedIn.token('ownerB'), json: { monthlyAmountMinor: 80_000 } });
    expect([asOtherOwner.status, asOtherOwner.body.error.message]).toEqual([404, 'No such clinic']);
    expect((await api(world, path, { token: signedIn.token('ownerB') })).status).toBe(404);
    expect((await api(world, path, { method: 'PUT', json: { monthlyAmountMinor: 80_000 } })).status).toBe(401);
    expect((await api(world, path)).status).toBe(401);
    expect(await readSmsBudget(testDatabase(), world.clinicA)).toEqual({ budgetMinor: null, currency: 'TND' });
    expect((await auditRowsAbout(testDatabase(), world.clinicA)).filter((row) => row.action === 'sms_budget_change')).toEqual([]);
  });

  it("should let the receptionist read the budget, and show another clinic's owner neither its budget nor its SMS month", async () => {
    const { world } = signedIn;
    const set = await api(world, `/clinics/${world.clinicA}/sms-budget`, { method: 'PUT', token: signedIn.token('ownerA'), json: { monthlyAmountMinor: 80_000 } });
    expect(set.status).toBe(200);
    const asStaff = await apiJson<SmsBudget>(world, `/clinics/${world.clinicA}/sms-budget`, { token: signedIn.token('staffA') });
    expect([asStaff.status, asStaff.body]).toEqual([200, { monthlyAmountMinor: 80_000, currency: 'TND' }]);
    expect((await api(world, `/clinics/${world.clinicA}/stats/today`, { token: signedIn.token('ownerB') })).status).toBe(404);
    // B's own SMS month knows nothing of A's budget.
    const own = await apiJson<{ sms: { budgetMinor: number | null } | null }>(world, `/clinics/${world.clinicB}/stats/today`, { token: signedIn.token('ownerB') });
    expect([own.status, own.body.sms?.budgetMinor]).toEqual([200, null]);
  });
});
