import { describe, expect, it } from 'vitest';
import { readFrozenForecast } from '../../db/queries/forecasts.ts';
import { clinicDayOf } from '../../worker/domain/clinic-time.ts';
import type { ForecastAnswer } from '../../worker/domain/forecast-wire.ts';
import { api, apiJson, signedInWorld, testDatabase } from '../support/world.ts';

describe("a clinic's forecasts, for its members only", () => {
  const signedIn = signedInWorld(['staffA', 'ownerB']);

  it("should hide the clinic from another clinic's owner (404, nothing frozen) and ask the signed out to sign in (401)", async () => {
    const { world } = signedIn;
    for (const path of [`/clinics/${world.clinicA}/forecast`, `/clinics/${world.clinicA}/stats/forecast-accuracy?timeframe=30d`]) {
      const asOtherOwner = await apiJson<{ error: { code: string; message: string } }>(world, path, { token: signedIn.token('ownerB') });
      expect([asOtherOwner.status, asOtherOwner.body.error.message]).toEqual([404, 'No such clinic']);
      expect((await api(world, path)).status).toBe(401);
    }
    // Asking about another clinic freezes nothing of it.
    expect(await readFrozenForecast(testDatabase(), world.clinicA, clinicDayOf(Date.now(), 'Africa/Tunis'))).toBeUndefined();
  });

  it("should answer each clinic its own forecast: clinic B's owner reads B's, frozen for B", async () => {
    const { world } = signedIn;
    const own = await apiJson<ForecastAnswer>(world, `/clinics/${world.clinicB}/forecast`, { token: signedIn.token('ownerB') });
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ clinicId: world.clinicB, timezone: 'Europe/Paris', method: 'no-history', total: { expected: 0, low: 0, high: 0 } });
    expect(await readFrozenForecast(testDatabase(), world.clinicB, own.body.day)).toMatchObject({ clinicId: world.clinicB });
    expect(await readFrozenForecast(testDatabase(), world.clinicA, own.body.day)).toBeUndefined();
  });
});
