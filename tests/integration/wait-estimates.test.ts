import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { queueEntriesOf } from '../../db/queries/queue-rows.ts';
import { dailyRollupOf } from '../../db/queries/rollup-rows.ts';
import { clinics, queueEntries } from '../../db/schema/index.ts';
import { clinicQueueOf } from '../../worker/clinic-queue/stub.ts';
import { addClinicDays } from '../../worker/domain/clinic-time.ts';
import type { QueueEvent } from '../../worker/domain/queue-events.ts';
import { judgeEntries } from '../../worker/domain/quote-accuracy.ts';
import { drainOutbox } from '../support/queue-story.ts';
import { testDatabase } from '../support/world.ts';
import { insertClinics } from '../../db/queries/clinic-prices.ts';

/**
 * A new clinic's Tuesday morning in Tunis (UTC+1), on a day ahead of the real clock so only the
 * test moves time. The clinic has no history, so the estimator plans with PRODUCT's 15-minute
 * default (blended with today's intervals as they come), the doctor always at work, and the
 * default range (−30 % … +55 % of the point plus 10 minutes).
 */
const DAY = '2027-02-02';
const MINUTE = 60_000;
const tunis = (time: string, day = DAY) => Date.parse(`${day}T${time}:00+01:00`);

async function newClinic(): Promise<string> {
  const clinicId = `clinic-estimates-${crypto.randomUUID().slice(0, 8)}`;
  await insertClinics(testDatabase(), [{ id: clinicId, name: 'Cabinet des estimations', timezone: 'Africa/Tunis', planPriceMinor: 50_000, smsUnitCostMinor: 40, createdAt: 0 }]);
  return clinicId;
}

function event(clinicId: string, label: string, time: string, body: Record<string, unknown>): QueueEvent {
  return { id: `${clinicId}-${label}`, occurredAt: `${DAY}T${time}:00+01:00`, ...body } as QueueEvent;
}

describe('wait estimates in the live queue', () => {
  it('should quote each patient at check-in, keep the quote, and move the live estimate as the queue moves', async () => {
    const clinicId = await newClinic();
    const stub = clinicQueueOf(env, clinicId);
    const morning = [
      event(clinicId, 'in', '09:00', { type: 'doctor_presence_changed', present: true }),
      event(clinicId, 'a', '09:00', { type: 'patient_added', entryId: 'a', method: 'qr' }),
      event(clinicId, 'b', '09:01', { type: 'patient_added', entryId: 'b', method: 'qr' }),
      event(clinicId, 'c', '09:02', { type: 'patient_added', entryId: 'c', method: 'manual' }),
    ];
    expect(await stub.ingest(clinicId, morning, tunis('09:02'))).toMatchObject({ accepted: 4, rejected: [] });

    const atTwo = await stub.entries(clinicId, tunis('09:02'));
    // a: nobody ahead, the doctor in: now. b: one ahead, one 15-minute interval. c: two.
    expect(atTwo.map(({ entryId, position, quote, estimate }) => ({ entryId, position, quote: quote && [quote.waitMinutes, quote.lowMinutes, quote.highMinutes], estimate: estimate?.waitMinutes }))).toEqual([
      { entryId: 'a', position: 1, quote: [0, 0, 6], estimate: 0 },
      { entryId: 'b', position: 2, quote: [15, 7, 29], estimate: 15 },
      { entryId: 'c', position: 3, quote: [30, 18, 52], estimate: 30 },
    ]);
    expect(atTwo[2]?.quote?.quotedAt).toBe(`${DAY}T09:02:00.000+01:00`);

    // 09:10 a is called (10 minutes: 10 over a quote of 0–6); 09:25 b (24 minutes: inside 7–29).
    await stub.ingest(clinicId, [event(clinicId, 'call-a', '09:10', { type: 'patient_called', entryId: 'a' })], tunis('09:10'));
    await stub.ingest(clinicId, [event(clinicId, 'call-b', '09:25', { type: 'patient_called', entryId: 'b' })], tunis('09:25'));
    const entries = await stub.entries(clinicId, tunis('09:25'));
    const [a, b, c] = entries;
    expect(a).toMatchObject({ state: 'called', position: null, estimate: null, quote: { waitMinutes: 0, lowMinutes: 0, highMinutes: 6 }, waitedMinutes: 10 });
    expect(b).toMatchObject({ state: 'called', quote: { waitMinutes: 15 }, waitedMinutes: 24 });
    // c is next: b has just been called, and a whole interval (a→b took 15 minutes, the default too) is ahead.
    expect(c).toMatchObject({ position: 1, quote: { waitMinutes: 30 }, waitedMinutes: null, estimate: { waitMinutes: 15, callAt: `${DAY}T09:40:00.000+01:00` } });

    const today = await stub.today(clinicId, tunis('09:25'));
    expect(today.estimates).toEqual({ called: 2, meanAbsoluteErrorMinutes: 9.5, medianAbsoluteErrorMinutes: 9.5, withinRangeShare: 0.5, underQuotedShare: 0.5 });
    expect(today.serviceLevel).toEqual({ targetMinutes: 30, called: 2, calledWithinTarget: 2, share: 1 });

    // The figures are the entries' own, recomputed from what libSQL stored.
    await drainOutbox(clinicId);
    const stored = await queueEntriesOf(testDatabase(), clinicId);
    expect(judgeEntries(stored, 30).estimates).toEqual(today.estimates);
  });

  it("should close the patients still open at the clinic's midnight as unfinished, never seen, and count them apart", async () => {
    const clinicId = await newClinic();
    const stub = clinicQueueOf(env, clinicId);
    await stub.ingest(
      clinicId,
      [
        event(clinicId, 'in', '20:00', { type: 'doctor_presence_changed', present: true }),
        event(clinicId, 'seen', '20:00', { type: 'patient_added', entryId: 'seen', method: 'qr' }),
        event(clinicId, 'consulting', '20:05', { type: 'patient_added', entryId: 'consulting', method: 'qr' }),
        event(clinicId, 'waiting', '20:10', { type: 'patient_added', entryId: 'waiting', method: 'manual' }),
        event(clinicId, 'call-seen', '20:10', { type: 'patient_called', entryId: 'seen' }),
        event(clinicId, 'done-seen', '20:25', { type: 'patient_completed', entryId: 'seen' }),
        event(clinicId, 'call-consulting', '20:30', { type: 'patient_called', entryId: 'consulting' }),
        event(clinicId, 'start-consulting', '20:31', { type: 'consultation_started', entryId: 'consulting' }),
      ],
      tunis('20:31'),
    );
    const midnight = tunis('00:00', '2027-02-03');
    expect(await stub.today(clinicId, midnight)).toMatchObject({ day: '2027-02-03', waiting: 0, seenToday: 0 });
    await drainOutbox(clinicId);

    const rows = new Map((await queueEntriesOf(testDatabase(), clinicId)).map((row) => [row.id, row]));
    expect(rows.get('seen')).toMatchObject({ state: 'completed', unfinishedAt: null });
    expect(rows.get('consulting')).toMatchObject({ state: 'unfinished', unfinishedAt: midnight, completedAt: null });
    expect(rows.get('waiting')).toMatchObject({ state: 'unfinished', unfinishedAt: midnight, calledAt: null });
    expect(await dailyRollupOf(testDatabase(), clinicId, DAY)).toMatchObject({ seen: 1, unfinished: 2, checkinsQr: 2, checkinsManual: 1, finalizedAt: midnight });
  });

  it("should plan with the clinic's own history, read from libSQL when the object starts", async () => {
    const clinicId = await newClinic();
    // The week before: six patients each morning, all there at 09:00, called every 10 minutes.
    const history = Array.from({ length: 7 }, (_, back) => addClinicDays(DAY, -(back + 1))).flatMap((day) =>
      Array.from({ length: 6 }, (_, index) => {
        const calledAt = tunis('09:00', day) + index * 10 * MINUTE;
        return {
          clinicId, id: `${day}-${index}`, clinicDay: day, ticketNumber: index + 1, method: 'qr' as const, state: 'completed' as const,
          checkedInAt: tunis('09:00', day), calledAt, completedAt: calledAt + 9 * MINUTE, updatedAt: calledAt + 9 * MINUTE,
        };
      }),
    );
    await testDatabase().insert(queueEntries).values(history);
    const stub = clinicQueueOf(env, clinicId);
    await stub.ingest(
      clinicId,
      [
        event(clinicId, 'in', '09:00', { type: 'doctor_presence_changed', present: true }),
        event(clinicId, 'a', '09:00', { type: 'patient_added', entryId: 'a', method: 'qr' }),
        event(clinicId, 'b', '09:00', { type: 'patient_added', entryId: 'b', method: 'qr' }),
        event(clinicId, 'c', '09:00', { type: 'patient_added', entryId: 'c', method: 'qr' }),
      ],
      tunis('09:00'),
    );
    // Ten minutes a patient, as this clinic works, not PRODUCT's fifteen.
    expect((await stub.entries(clinicId, tunis('09:00'))).map((entry) => entry.quote?.waitMinutes)).toEqual([0, 10, 20]);
  });
});

