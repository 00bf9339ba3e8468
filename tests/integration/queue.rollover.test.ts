import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { dailyRollupOf } from '../../db/queries/rollup-rows.ts';
import { clinicQueueOf } from '../../worker/clinic-queue/stub.ts';
import { drainOutbox } from '../support/queue-story.ts';
import { testDatabase } from '../support/world.ts';
import { insertClinics } from '../../db/queries/clinic-prices.ts';

/**
 * Midnight in Paris on the night clocks go forward (2027-03-28 has 23 hours): the evening's
 * patients stay in their day, whose rollup is finalised at its true end, and the new day starts
 * empty with tickets from 1. The days lie ahead of the real clock so only the test moves time.
 */
describe("the clinic's midnight", () => {
  it('should close the day at local midnight, DST-correct, and open an empty one', async () => {
    const clinicId = `clinic-midnight-${crypto.randomUUID().slice(0, 8)}`;
    await insertClinics(testDatabase(), [{ id: clinicId, name: 'Cabinet de nuit', timezone: 'Europe/Paris', planPriceMinor: 50_000, smsUnitCostMinor: 40, createdAt: 0 }]);
    const stub = clinicQueueOf(env, clinicId);
    const evening = Date.parse('2027-03-27T23:40:00+01:00');
    const answer = await stub.ingest(
      clinicId,
      [
        { id: `${clinicId}-1`, type: 'patient_added', entryId: 'late-1', method: 'qr', occurredAt: '2027-03-27T23:10:00+01:00' },
        { id: `${clinicId}-2`, type: 'patient_called', entryId: 'late-1', occurredAt: '2027-03-27T23:20:00+01:00' },
        { id: `${clinicId}-3`, type: 'patient_completed', entryId: 'late-1', occurredAt: '2027-03-27T23:35:00+01:00' },
        { id: `${clinicId}-4`, type: 'patient_added', entryId: 'late-2', method: 'manual', occurredAt: '2027-03-27T23:38:00+01:00' },
      ],
      evening,
    );
    expect(answer).toEqual({ archived: false, accepted: 4, duplicates: 0, rejected: [] });
    expect(await stub.today(clinicId, evening)).toMatchObject({ day: '2027-03-27', waiting: 1, seenToday: 1 });

    // 00:00 Paris is 23:00 UTC; the next midnight comes 23 hours later (02:00 → 03:00 skipped).
    const justAfterMidnight = Date.parse('2027-03-27T23:00:01Z');
    expect(await stub.today(clinicId, justAfterMidnight - 2_000)).toMatchObject({ day: '2027-03-27' });
    const newDay = await stub.today(clinicId, justAfterMidnight);
    expect(newDay).toMatchObject({ day: '2027-03-28', waiting: 0, seenToday: 0, checkIns: { qr: 0, manual: 0 } });
    const added = await stub.act(clinicId, { kind: 'walk_in', method: 'qr' }, justAfterMidnight + 60_000);
    expect(added.refused).toBeNull();
    expect((await stub.entries(clinicId, justAfterMidnight + 60_000)).map((entry) => entry.ticketNumber)).toEqual([1]);
    expect((await stub.today(clinicId, Date.parse('2027-03-28T22:00:00Z') - 1))).toMatchObject({ day: '2027-03-28' });
    expect((await stub.today(clinicId, Date.parse('2027-03-28T22:00:00Z')))).toMatchObject({ day: '2027-03-29', waiting: 0 });

    await drainOutbox(clinicId);
    const closed = await dailyRollupOf(testDatabase(), clinicId, '2027-03-27');
    expect(closed).toMatchObject({ checkinsQr: 1, checkinsManual: 1, seen: 1, finalizedAt: justAfterMidnight - 1_000 });
    const sunday = await dailyRollupOf(testDatabase(), clinicId, '2027-03-28');
    expect(sunday).toMatchObject({ checkinsQr: 1, finalizedAt: Date.parse('2027-03-28T22:00:00Z') });
  });
});
