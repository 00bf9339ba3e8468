import { describe, expect, it } from 'vitest';
import { addClinicDays, clinicDayOf } from '../../worker/domain/clinic-time.ts';
import { apiJson, signedInWorld } from '../support/world.ts';

type Refusal = { error: { code: string; message: string; details?: Record<string, unknown> } };

describe('asking for a forecast that cannot be', () => {
  const signedIn = signedInWorld(['staffA', 'superAdmin']);

  it('should refuse a day before today, beyond 7 days ahead, off the calendar or not a day, in the one error shape', async () => {
    const { world } = signedIn;
    const today = clinicDayOf(Date.now(), 'Africa/Tunis');
    for (const day of [addClinicDays(today, -1), addClinicDays(today, 8), '0011-11-16', '9999-12-31', '2026-02-30', 'tomorrow', '2026-1-05']) {
      const { status, body } = await apiJson<Refusal>(world, `/clinics/${world.clinicA}/forecast?day=${day}`, { token: signedIn.token('staffA') });
      expect([day, status, body.error.code]).toEqual([day, 400, 'VALIDATION_FAILED']);
    }
  });

  it('should refuse an unknown window and answer 404 for a clinic that does not exist', async () => {
    const { world } = signedIn;
    const window = await apiJson<Refusal>(world, `/clinics/${world.clinicA}/stats/forecast-accuracy?timeframe=2y`, { token: signedIn.token('staffA') });
    expect([window.status, window.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    for (const path of ['/clinics/no-such-clinic/forecast', '/clinics/no-such-clinic/stats/forecast-accuracy']) {
      const missing = await apiJson<Refusal>(world, path, { token: signedIn.token('superAdmin') });
      expect([missing.status, missing.body.error.code]).toEqual([404, 'NOT_FOUND']);
    }
  });
});
