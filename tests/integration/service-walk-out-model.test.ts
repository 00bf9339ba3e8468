import { describe, expect, it } from 'vitest';
import { queueEntries } from '../../db/schema/index.ts';
import { addClinicDays } from '../../worker/domain/clinic-time.ts';
import { fitWalkOutModel, SERVICE_WALK_OUT_PRIOR, walkOutLandmarks, fitWalkOutLandmarks } from '../../worker/domain/walk-out-risk.ts';
import { fitServiceWalkOutModel } from '../../worker/use-cases/service-walk-out-model.ts';
import { testDatabase } from '../support/world.ts';
import { insertClinics } from '../../db/queries/clinic-prices.ts';

const MINUTE = 60_000;
const AT = Date.parse('2027-03-01T03:00:00Z');

/**
 * A clinic's four weeks before AT, by hand: each day six patients at 09:00, called one every
 * `everyMinutes`; the last `leaving` of them give up after 50 minutes.
 */
async function clinicWith(zone: string, everyMinutes: number, leaving: number): Promise<{ id: string; timezone: string }> {
  const id = `clinic-service-model-${crypto.randomUUID().slice(0, 8)}`;
  await insertClinics(testDatabase(), [{ id, name: `Cabinet ${id}`, timezone: zone, planPriceMinor: 50_000, smsUnitCostMinor: 40, createdAt: 0 }]);
  const rows = Array.from({ length: 28 }, (_, back) => addClinicDays('2027-03-01', -(back + 1))).flatMap((day) =>
    Array.from({ length: 6 }, (_, index) => {
      const checkedInAt = Date.parse(`${day}T09:00:00Z`);
      const leaves = index >= 6 - leaving;
      const calledAt = leaves ? null : checkedInAt + index * everyMinutes * MINUTE;
      return {
        clinicId: id, id: `${day}-${index}`, clinicDay: day, ticketNumber: index + 1, method: index % 2 === 0 ? ('qr' as const) : ('manual' as const),
        state: leaves ? ('cancelled' as const) : ('completed' as const), checkedInAt, calledAt, cancelledAt: leaves ? checkedInAt + 50 * MINUTE : null,
        completedAt: calledAt === null ? null : calledAt + 8 * MINUTE, updatedAt: checkedInAt + 60 * MINUTE,
      };
    }),
  );
  await testDatabase().insert(queueEntries).values(rows);
  return { id, timezone: zone };
}

describe("the service's walk-out model", () => {
  it("should learn from every sampled clinic's own four weeks, pooled, shrunk toward the documented default", async () => {
    const patient = await clinicWith('UTC', 10, 0);
    const impatient = await clinicWith('UTC', 20, 2);
    const { model, clinics: learntFrom } = await fitServiceWalkOutModel(testDatabase(), [patient, impatient], AT);
    expect(learntFrom).toBe(2);
    // 28 days × 6 patients, each decided, but the first of each day, called the instant they came, never waited:
    // nothing to learn from them. The pooled fit is the fit of both clinics' landmarks together.
    expect(model.entries).toBe(2 * 28 * 5);
    const rowsOf = async (clinicId: string) => (await testDatabase().query.queueEntries.findMany({ where: (entry, { eq }) => eq(entry.clinicId, clinicId) }));
    const sets = [walkOutLandmarks(await rowsOf(patient.id), 'UTC'), walkOutLandmarks(await rowsOf(impatient.id), 'UTC')];
    expect(model).toEqual(fitWalkOutLandmarks(sets, SERVICE_WALK_OUT_PRIOR));
    // Walk-outs in the data (1 in 6 left) move the base rate up from the default's.
    expect(model.baseRate).toBeGreaterThan(SERVICE_WALK_OUT_PRIOR.baseRate);
    // A clinic with no history of its own keeps the service's model as it is.
    expect(fitWalkOutModel([], 'UTC', model)).toMatchObject({ weights: model.weights, baseRate: model.baseRate });
  });

  it('should learn nothing from a clinic without patients in its four weeks', async () => {
    const id = `clinic-service-empty-${crypto.randomUUID().slice(0, 8)}`;
    await insertClinics(testDatabase(), [{ id, name: `Cabinet ${id}`, timezone: 'UTC', planPriceMinor: 50_000, smsUnitCostMinor: 40, createdAt: 0 }]);
    expect(await fitServiceWalkOutModel(testDatabase(), [{ id, timezone: 'UTC' }], AT)).toMatchObject({ clinics: 0, model: { entries: 0 } });
  });
});
