import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { queueEntriesOf } from '../../db/queries/queue-rows.ts';
import { dailyRollupOf } from '../../db/queries/rollup-rows.ts';
import { clinics, queueEntries } from '../../db/schema/index.ts';
import { clinicQueueOf } from '../../worker/clinic-queue/stub.ts';
import { addClinicDays } from '../../worker/domain/clinic-time.ts';
import type { QueueEvent } from '../../worker/domain/queue-events.ts';
import { scoreWalkOut, SERVICE_WALK_OUT_PRIOR, walkOutRisks } from '../../worker/domain/walk-out-risk.ts';
import { drainOutbox } from '../support/queue-story.ts';
import { testDatabase } from '../support/world.ts';
import { insertClinics } from '../../db/queries/clinic-prices.ts';

/**
 * A Tuesday in Tunis (UTC+1) ahead of the real clock, so only the test moves time: the walk-out
 * risk of the patients waiting, scored as each one ends, and "unusual for this hour" against the
 * clinic's own Tuesdays.
 */
const DAY = '2027-02-02';
const MINUTE = 60_000;
const TZ = 'Africa/Tunis';
const tunis = (time: string, day = DAY) => Date.parse(`${day}T${time}:00+01:00`);

async function newClinic(): Promise<string> {
  const clinicId = `clinic-foresight-${crypto.randomUUID().slice(0, 8)}`;
  await insertClinics(testDatabase(), [{ id: clinicId, name: 'Cabinet de la prévoyance', timezone: TZ, planPriceMinor: 50_000, smsUnitCostMinor: 40, createdAt: 0 }]);
  return clinicId;
}

function event(clinicId: string, label: string, time: string, body: Record<string, unknown>): QueueEvent {
  return { id: `${clinicId}-${label}`, occurredAt: `${DAY}T${time}:00+01:00`, ...body } as QueueEvent;
}

const added = (clinicId: string, entryId: string, time: string, method: 'qr' | 'manual' = 'qr') => event(clinicId, entryId, time, { type: 'patient_added', entryId, method });

describe('walk-out risk in the live queue', () => {
  it("should give each waiting patient a risk, from the service's model for a clinic without history, and only them", async () => {
    const clinicId = await newClinic();
    const stub = clinicQueueOf(env, clinicId);
    const morning = [
      event(clinicId, 'in', '09:00', { type: 'doctor_presence_changed', present: true }),
      ...['a', 'b', 'c', 'd', 'e', 'f'].map((entryId, index) => added(clinicId, entryId, `09:0${index}`, index % 2 === 0 ? 'qr' : 'manual')),
      event(clinicId, 'call-a', '09:06', { type: 'patient_called', entryId: 'a' }),
    ];
    expect(await stub.ingest(clinicId, morning, tunis('09:06'))).toMatchObject({ accepted: morning.length, rejected: [] });
    await drainOutbox(clinicId);
    const rows = await queueEntriesOf(testDatabase(), clinicId);

    for (const time of ['09:30', '10:30', '11:30']) {
      const listed = await stub.entries(clinicId, tunis(time));
      const expected = walkOutRisks(rows, SERVICE_WALK_OUT_PRIOR, tunis(time), TZ);
      expect(Object.fromEntries(listed.map((entry) => [entry.entryId, entry.walkOutRisk]))).toEqual({
        a: null,
        ...Object.fromEntries(['b', 'c', 'd', 'e', 'f'].map((id) => [id, expected.get(id) ?? 'missing'])),
      });
    }
    // Nothing else changing, every risk grows with the wait, and the last in line is the likeliest to leave.
    const risk = async (time: string, id: string) => (await stub.entries(clinicId, tunis(time))).find((entry) => entry.entryId === id)?.walkOutRisk?.probability ?? -1;
    for (const id of ['b', 'f']) {
      expect(await risk('10:30', id)).toBeGreaterThanOrEqual(await risk('09:30', id));
      expect(await risk('11:30', id)).toBeGreaterThanOrEqual(await risk('10:30', id));
    }
    expect(await risk('10:30', 'f')).toBeGreaterThan(await risk('10:30', 'b'));
  });

  it('should score each entry once it ends, against its outcome, and sum the scores in the rollups', async () => {
    const clinicId = await newClinic();
    const stub = clinicQueueOf(env, clinicId);
    const story = [
      event(clinicId, 'in', '09:00', { type: 'doctor_presence_changed', present: true }),
      added(clinicId, 'a', '09:00'),
      added(clinicId, 'b', '09:01', 'manual'),
      added(clinicId, 'c', '09:02'),
      added(clinicId, 'open', '09:03'),
      // a is called after 40 minutes (stayed), b gives up after 55 (left), c is called at the desk after 70.
      event(clinicId, 'call-a', '09:40', { type: 'patient_called', entryId: 'a' }),
      event(clinicId, 'leave-b', '09:56', { type: 'patient_cancelled', entryId: 'b' }),
      event(clinicId, 'call-c', '10:12', { type: 'patient_called', entryId: 'c' }),
      event(clinicId, 'noshow-c', '10:14', { type: 'patient_no_show', entryId: 'c' }),
    ];
    expect(await stub.ingest(clinicId, story, tunis('10:14'))).toMatchObject({ accepted: story.length, rejected: [] });
    await drainOutbox(clinicId);
    const rows = await queueEntriesOf(testDatabase(), clinicId);
    const row = (id: string) => rows.find((entry) => entry.id === id) ?? (() => { throw new Error(`no row ${id}`); })();

    const scoreOf = (id: string) => scoreWalkOut(rows, row(id), SERVICE_WALK_OUT_PRIOR, TZ);
    // Stayed: scored against 0; left: against 1; called then absent was still there when called: 0.
    for (const id of ['a', 'b', 'c']) {
      const score = scoreOf(id);
      if (score === null) throw new Error(`${id} has ended: it is scored`);
      expect(row(id)).toMatchObject({ walkOutBrier: score.brier, walkOutBaseRateBrier: score.baseRateBrier });
    }
    expect(row('b').walkOutBaseRateBrier).toBeCloseTo((1 - SERVICE_WALK_OUT_PRIOR.baseRate) ** 2, 10);
    expect(row('a').walkOutBaseRateBrier).toBeCloseTo(SERVICE_WALK_OUT_PRIOR.baseRate ** 2, 10);
    // Still waiting: not scored yet.
    expect(row('open')).toMatchObject({ state: 'waiting', walkOutBrier: null, walkOutBaseRateBrier: null });

    const rollup = await dailyRollupOf(testDatabase(), clinicId, DAY);
    expect(rollup?.walkOutScored).toBe(3);
    expect(rollup?.walkOutBrierSum).toBeCloseTo(['a', 'b', 'c'].reduce((sum, id) => sum + (row(id).walkOutBrier ?? 0), 0), 10);
    expect(rollup?.walkOutBaseRateBrierSum).toBeCloseTo(['a', 'b', 'c'].reduce((sum, id) => sum + (row(id).walkOutBaseRateBrier ?? 0), 0), 10);

    // At midnight the last one is closed unfinished: never scored, neither walked out nor called.
    await stub.today(clinicId, tunis('00:00', addClinicDays(DAY, 1)));
    await drainOutbox(clinicId);
    expect((await queueEntriesOf(testDatabase(), clinicId)).find((entry) => entry.id === 'open')).toMatchObject({ state: 'unfinished', walkOutBrier: null });
    expect((await dailyRollupOf(testDatabase(), clinicId, DAY))?.walkOutScored).toBe(3);
  });
});

describe('unusual for this hour', () => {
  /**
   * Three earlier Tuesdays read from libSQL when the object starts: two patients arrive between
   * 10:00 and 11:00 and are called within ten minutes, so nobody usually waits at ten.
   */
  async function clinicWithQuietTuesdays(): Promise<string> {
    const clinicId = await newClinic();
    const rows = [7, 14, 21].flatMap((back) => {
      const day = addClinicDays(DAY, -back);
      return [5, 35].map((minute, index) => {
        const checkedInAt = tunis('10:00', day) + minute * MINUTE;
        return {
          clinicId, id: `${day}-${index}`, clinicDay: day, ticketNumber: index + 1, method: 'qr' as const, state: 'completed' as const,
          checkedInAt, calledAt: checkedInAt + 8 * MINUTE, completedAt: checkedInAt + 20 * MINUTE, updatedAt: checkedInAt + 20 * MINUTE,
        };
      });
    });
    await testDatabase().insert(queueEntries).values(rows);
    return clinicId;
  }

  it('should say when the arrivals and the waiting room are far above a usual Tuesday at ten', async () => {
    const clinicId = await clinicWithQuietTuesdays();
    const stub = clinicQueueOf(env, clinicId);
    const rush = [event(clinicId, 'in', '10:00', { type: 'doctor_presence_changed', present: false }), ...Array.from({ length: 8 }, (_, index) => added(clinicId, `r${index}`, `10:1${index}`))];
    expect(await stub.ingest(clinicId, rush, tunis('10:30'))).toMatchObject({ accepted: rush.length });
    const { unusual } = await stub.today(clinicId, tunis('10:30'));
    // Usual arrivals in the hour before 10:30: half of 9 h's (none) and half of 10 h's (2): 1 — eight is 8×.
    expect(unusual).toEqual([
      { figure: 'arrivals', value: 8, usual: 1, ratio: 8, direction: 'above', weekday: 1, hour: 10 },
      { figure: 'waiting', value: 8, usual: 0, ratio: 8, direction: 'above', weekday: 1, hour: 10 },
    ]);
  });

  it('should never call a quiet hour unusual: one arrival where none is usual is under the volume floor', async () => {
    const clinicId = await clinicWithQuietTuesdays();
    const stub = clinicQueueOf(env, clinicId);
    await stub.ingest(clinicId, [added(clinicId, 'night', '22:10')], tunis('22:15'));
    expect((await stub.today(clinicId, tunis('22:15'))).unusual).toEqual([]);
    // Nor does a clinic learn "usual" from another clinic: a new clinic has no baseline at all.
    const other = await newClinic();
    const otherStub = clinicQueueOf(env, other);
    const rush = Array.from({ length: 8 }, (_, index) => added(other, `r${index}`, `10:1${index}`));
    await otherStub.ingest(other, rush, tunis('10:30'));
    expect((await otherStub.today(other, tunis('10:30'))).unusual).toEqual([]);
  });
});
