import { env } from 'cloudflare:test';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { queueDayTally } from '../../db/queries/queue-rows.ts';
import { dailyRollupOf } from '../../db/queries/rollup-rows.ts';
import { clinicDayOf, formatClinicInstant } from '../../worker/domain/clinic-time.ts';
import type { QueueEvent } from '../../worker/domain/queue-events.ts';
import { clinicQueueOf } from '../../worker/clinic-queue/stub.ts';
import { drainOutbox } from '../support/queue-story.ts';
import { testDatabase } from '../support/world.ts';
import { insertClinics } from '../../db/queries/clinic-prices.ts';

/**
 * Random days of a clinic, valid and invalid events mixed, batches reordered inside and resent,
 * across midnight and a DST change — and at the end the object's figures must equal a plain SQL
 * recomputation from the rows it wrote to libSQL. The days lie ahead of the real clock, so the
 * object's own alarm never closes them behind the test's back.
 */

type Step =
  | { op: 'add'; method: 'qr' | 'manual' }
  | { op: 'call' | 'start' | 'complete' | 'no_show' | 'cancel' | 'sms' | 'sms_status'; pick: number }
  | { op: 'presence'; present: boolean }
  | { op: 'ghost' };

const stepArbitrary: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constant('add' as const), method: fc.constantFrom('qr' as const, 'manual' as const) }) },
  { weight: 8, arbitrary: fc.record({ op: fc.constantFrom('call' as const, 'start' as const, 'complete' as const, 'no_show' as const, 'cancel' as const, 'sms' as const, 'sms_status' as const), pick: fc.nat(40) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('presence' as const), present: fc.boolean() }) },
  { weight: 1, arbitrary: fc.constant({ op: 'ghost' as const }) },
);

/** Windows around the 2027 DST changes in Paris (and the same dates in Tunis, which has none). */
const WINDOWS = [
  { timezone: 'Europe/Paris', startsAt: Date.parse('2027-03-27T20:00:00Z') },
  { timezone: 'Europe/Paris', startsAt: Date.parse('2027-10-30T20:00:00Z') },
  { timezone: 'Africa/Tunis', startsAt: Date.parse('2027-03-27T20:00:00Z') },
  { timezone: 'Africa/Tunis', startsAt: Date.parse('2027-06-14T05:00:00Z') },
];

const ENTRY_EVENT = {
  call: 'patient_called',
  start: 'consultation_started',
  complete: 'patient_completed',
  no_show: 'patient_no_show',
  cancel: 'patient_cancelled',
} as const;

let runs = 0;

/** Turns abstract steps into the queue app's events, with times that only go forward. */
function eventsOf(run: string, timezone: string, startsAt: number, steps: Step[], gapsMinutes: number[]): QueueEvent[] {
  const entries: string[] = [];
  const sms: string[] = [];
  let at = startsAt;
  return steps.map((step, index) => {
    at += (gapsMinutes[index] ?? 1) * 60_000;
    const envelope = { id: `${run}-ev-${index}`, occurredAt: formatClinicInstant(at, timezone) };
    const entry = (pick: number) => entries[pick % Math.max(1, entries.length)] ?? `${run}-nobody`;
    switch (step.op) {
      case 'add': {
        const entryId = `${run}-entry-${index}`;
        entries.push(entryId);
        return { ...envelope, type: 'patient_added', entryId, method: step.method };
      }
      case 'presence':
        return { ...envelope, type: 'doctor_presence_changed', present: step.present };
      case 'ghost':
        return { ...envelope, type: 'patient_called', entryId: `${run}-ghost-${index}` };
      case 'sms': {
        const smsId = `${run}-sms-${index}`;
        sms.push(smsId);
        return { ...envelope, type: 'sms_sent', smsId, entryId: entry(step.pick), kind: 'almost_turn' };
      }
      case 'sms_status':
        return { ...envelope, type: 'sms_status', smsId: sms[step.pick % Math.max(1, sms.length)] ?? `${run}-no-sms`, status: step.pick % 5 === 0 ? 'failed' : 'delivered' };
      default:
        return { ...envelope, type: ENTRY_EVENT[step.op], entryId: entry(step.pick) };
    }
  });
}

/** PRODUCT.md's figures recomputed in SQL from the rows libSQL holds for that clinic day. */
async function figuresFromSql(clinicId: string, day: string, now: number) {
  const row = await queueDayTally(testDatabase(), clinicId, day, now);
  const minutes = (ms: number | null) => (ms === null || ms < 0 ? null : Math.round(ms / 6_000) / 10);
  return {
    waiting: row.waiting,
    seenToday: row.seen,
    noShowsToday: row.noShows,
    checkIns: { qr: row.qr, manual: row.manual },
    avgWaitMinutes: minutes(row.waitAvgMs),
    maxWaitMinutes: minutes(row.waitMaxMs),
    avgConsultationMinutes: minutes(row.consultAvgMs),
  };
}

describe('the ClinicQueue against a plain SQL recomputation (property)', () => {
  it('should agree on every figure after random valid and invalid days, retries and reordering', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...WINDOWS),
        fc.array(stepArbitrary, { minLength: 5, maxLength: 70 }),
        fc.array(fc.integer({ min: 1, max: 25 }), { minLength: 70, maxLength: 70 }),
        fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 70, maxLength: 70 }),
        fc.array(fc.boolean(), { minLength: 70, maxLength: 70 }),
        fc.infiniteStream(fc.double({ min: 0, max: 1, noNaN: true })),
        async (window, steps, gaps, batchSizes, resend, shuffles) => {
          runs += 1;
          const run = `prop-${Date.now().toString(36)}-${runs}`;
          const clinicId = `clinic-${run}`;
          await insertClinics(testDatabase(), [{ id: clinicId, name: run, timezone: window.timezone, planPriceMinor: 50_000, smsUnitCostMinor: 40, createdAt: 0 }]);
          const stub = clinicQueueOf(env, clinicId);
          const events = eventsOf(run, window.timezone, window.startsAt, steps, gaps);

          // Batches in time order; inside a batch any order; some batches sent again later.
          let cursor = 0;
          let index = 0;
          const pending: QueueEvent[][] = [];
          const random = shuffles[Symbol.iterator]();
          while (cursor < events.length) {
            const size = batchSizes[index] ?? 1;
            const batch = events.slice(cursor, cursor + size).sort(() => (random.next().value ?? 0.5) - 0.5);
            const now = Date.parse(batch.reduce((latest, event) => (event.occurredAt > latest ? event.occurredAt : latest), batch[0]?.occurredAt ?? '')) + 1_000;
            for (const earlier of pending.splice(0)) await stub.ingest(clinicId, earlier, now);
            await stub.ingest(clinicId, batch, now);
            if (resend[index] === true) pending.push(batch);
            cursor += size;
            index += 1;
          }
          const lastEvent = events.at(-1);
          const end = (lastEvent === undefined ? window.startsAt : Date.parse(lastEvent.occurredAt)) + 2_000;
          for (const earlier of pending.splice(0)) {
            const answer = await stub.ingest(clinicId, earlier, end);
            expect(answer.accepted).toBe(0);
          }

          const figures = await stub.today(clinicId, end);
          await drainOutbox(clinicId);
          const day = clinicDayOf(end, window.timezone);
          expect(figures.day).toBe(day);
          const expected = await figuresFromSql(clinicId, day, end);
          expect({
            waiting: figures.waiting,
            seenToday: figures.seenToday,
            noShowsToday: figures.noShowsToday,
            checkIns: { qr: figures.checkIns.qr, manual: figures.checkIns.manual },
            avgWaitMinutes: figures.avgWaitMinutes,
            maxWaitMinutes: figures.maxWaitMinutes,
            avgConsultationMinutes: figures.avgConsultationMinutes,
          }).toEqual(expected);

          // The day's rollup in libSQL agrees with its rows too.
          const rollup = await dailyRollupOf(testDatabase(), clinicId, day);
          if (rollup !== undefined) {
            expect({ qr: rollup.checkinsQr, manual: rollup.checkinsManual, seen: rollup.seen, noShows: rollup.noShows }).toEqual({
              qr: expected.checkIns.qr,
              manual: expected.checkIns.manual,
              seen: expected.seenToday,
              noShows: expected.noShowsToday,
            });
          } else {
            expect(expected.checkIns.qr + expected.checkIns.manual + expected.seenToday).toBe(0);
          }
        },
      ),
      { numRuns: 40 },
    );
  }, 120_000);
});
