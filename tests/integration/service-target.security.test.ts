import { describe, expect, it } from 'vitest';
import { auditRowsAbout } from '../../db/queries/audit-rows.ts';
import { readServiceTarget } from '../../db/queries/service-target.ts';
import { api, apiJson, signedInWorld, testDatabase } from '../support/world.ts';

describe("a clinic's service target, set by its owners only", () => {
  const signedIn = signedInWorld(['staffA', 'ownerB']);

  it("should refuse the receptionist (403), hide the clinic from another clinic's owner (404) and ask the signed out to sign in (401)", async () => {
    const { world } = signedIn;
    const path = `/clinics/${world.clinicA}/service-target`;
    const asStaff = await apiJson<{ error: { code: string } }>(world, path, { method: 'PUT', token: signedIn.token('staffA'), json: { minutes: 45 } });
    expect([asStaff.status, asStaff.body.error.code]).toEqual([403, 'FORBIDDEN']);
    const asOtherOwner = await apiJson<{ error: { code: string; message: string } }>(world, path, { method: 'PUT', token: signedIn.token('ownerB'), json: { minutes: 45 } });
    expect([asOtherOwner.status, asOtherOwner.body.error.message]).toEqual([404, 'No such clinic']);
    expect((await api(world, path, { token: signedIn.token('ownerB') })).status).toBe(404);
    expect((await api(world, path, { method: 'PUT', json: { minutes: 45 } })).status).toBe(401);
    expect(await readServiceTarget(testDatabase(), world.clinicA)).toBe(30);
    expect((await auditRowsAbout(testDatabase(), world.clinicA)).filter((row) => row.action === 'service_target_change')).toEqual([]);
  });
});
