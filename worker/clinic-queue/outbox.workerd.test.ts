import { env, runInDurableObject } from 'cloudflare:test';
import { asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createDatabase } from '../../db/client.ts';
import { saveQueueWrite, type QueueWrite } from '../../db/queries/queue-writes.ts';
import { dailyRollups, events, queueEntries, smsMessages } from '../../db/schema/index.ts';
import { bareClinic } from '../../tests/support/bare-clinic.ts';
import { testDatabase } from '../../tests/support/world.ts';
import { storedEventOf } from '../domain/queue-events.ts';
import { openQueueDay, restoreQueueDay, type QueueEntryRow, type SmsRow } from '../domain/queue-projection.ts';
import { emptyRollupCounters } from '../domain/rollup.ts';
import { flushOutbox } from './outbox.ts';
import { addClosedDayRollupsToOutbox } from './rollups.ts';
import { addToOutbox, outboxBacklog, readOutbox } from './storage.ts';
import { clinicQueueOf } from './stub.ts';

const MINUTE = 60_000;
const DAY = '2031-06-09';
const at = (time: string) => Date.parse(`${DAY}T${time}:00+01:00`);

/** libSQL as the write-behind sees it when it is down: nothing listens there. */
const unreachable = createDatabase({ url: 'http://127.0.0.1:9', authToken: env.LIBSQL_AUTH_TOKEN });
const saveTo = (db: ReturnType<typeof testDatabase>) => (write: QueueWrite) => saveQueueWrite(db, write);

/**
 * Runs `work` over the SQLite storage of a clinic's queue object that has never loaded its day, so
 * its own alarm never flushes behind the test's back.
 */
function inQueueStorage<T>(clinicId: string, work: (sql: SqlStorage) => Promise<T>): Promise<T> {
  return runInDurableObject(clinicQueueOf(env, clinicId), (_instance, state) => work(state.storage.sql));
}

/** Monday morning's one patient: checked in at 09:00 by QR, called at 09:20, seen by 09:35. */
function patient(clinicId: string): QueueEntryRow[] {
  const waiting: QueueEntryRow = {
    clinicId, id: 'p1', clinicDay: DAY, ticketNumber: 1, method: 'qr', state: 'waiting', appointmentAt: null, checkedInAt: at('09:00'),
    calledAt: null, consultationStartedAt: null, completedAt: null, noShowAt: null, cancelledAt: null, unfinishedAt: null, quoteWaitMinutes: null, quoteLowMinutes: null, quoteHighMinutes: null, quotedAt: null,
    walkOutBrier: null, walkOutBaseRateBrier: null, updatedAt: at('09:00'),
  };
  const called: QueueEntryRow = { ...waiting, state: 'called', calledAt: at('09:20'), updatedAt: at('09:20') };
  return [waiting, called, { ...called, state: 'completed', completedAt: at('09:35'), updatedAt: at('09:35') }];
}

function smsOf(clinicId: string): SmsRow[] {
  const sent: SmsRow = { clinicId, id: 's1', entryId: 'p1', kind: 'queue_joined', status: 'sent', costMinor: 40, sentAt: at('09:01'), statusAt: null };
  return [sent, { ...sent, status: 'delivered', statusAt: at('09:02') }];
}

const login = (clinicId: string, id: string, time: number) => storedEventOf(clinicId, { id, type: 'clinic_login', platform: 'web', occurredAt: new Date(time).toISOString() }, time);

async function storedEventIds(clinicId: string): Promise<string[]> {
  const rows = await testDatabase().select({ id: events.id }).from(events).where(eq(events.clinicId, clinicId)).orderBy(asc(events.occurredAt));
  return rows.map((row) => row.id);
}

describe('the write-behind outbox of a clinic queue', () => {
  it('should send only the newest version of an entry and an SMS, every event once, with the day’s rollup as it stands', async () => {
    const clinicId = await bareClinic('outbox-versions');
    const [waiting, called, completed] = patient(clinicId);
    const [sent, delivered] = smsOf(clinicId);
    if (waiting === undefined || called === undefined || completed === undefined || sent === undefined || delivered === undefined) throw new Error('the morning is told');
    const now = at('09:40');
    const writes = await inQueueStorage(clinicId, async (sql) => {
      addToOutbox(sql, 'entry', waiting, at('09:00'));
      addToOutbox(sql, 'event', login(clinicId, 'e1', at('09:00')), at('09:00'));
      addToOutbox(sql, 'sms', sent, at('09:01'));
      addToOutbox(sql, 'sms', delivered, at('09:02'));
      addToOutbox(sql, 'entry', called, at('09:20'));
      addToOutbox(sql, 'event', login(clinicId, 'e2', at('09:20')), at('09:20'));
      addToOutbox(sql, 'entry', completed, at('09:35'));
      const sentWrites: QueueWrite[] = [];
      const today = restoreQueueDay({ clinicId, timezone: 'Africa/Tunis', smsUnitCostMinor: 40, serviceTargetMinutes: 30 }, DAY, { entries: [completed], sms: [delivered], doctorPresent: false });
      await flushOutbox(sql, async (write) => {
        sentWrites.push(write);
        await saveQueueWrite(testDatabase(), write);
      }, today, now);
      expect(outboxBacklog(sql, now)).toEqual({ rows: 0, lagMs: 0 });
      return sentWrites;
    });
    expect(writes).toHaveLength(1);
    expect(writes[0]).toMatchObject({ entries: [completed], sms: [delivered], events: [{ id: 'e1' }, { id: 'e2' }], activity: [] });

    const db = testDatabase();
    expect(await db.select().from(queueEntries).where(eq(queueEntries.clinicId, clinicId))).toMatchObject([{ id: 'p1', state: 'completed', calledAt: at('09:20'), completedAt: at('09:35') }]);
    expect(await db.select().from(smsMessages).where(eq(smsMessages.clinicId, clinicId))).toMatchObject([{ id: 's1', status: 'delivered', statusAt: at('09:02') }]);
    expect(await db.select().from(dailyRollups).where(eq(dailyRollups.clinicId, clinicId))).toEqual([
      { clinicId, day: DAY, ...emptyRollupCounters(), checkinsQr: 1, seen: 1, waitSumMs: 20 * MINUTE, waitCount: 1, waitMaxMs: 20 * MINUTE, consultSumMs: 15 * MINUTE, consultCount: 1, smsSent: 1, smsCostMinor: 40, calledWithinTarget: 1, updatedAt: now, finalizedAt: null },
    ]);
  });

  it('should keep every row while libSQL is down, and hand them all over once it is back', async () => {
    const clinicId = await bareClinic('outbox-down');
    const [waiting] = patient(clinicId);
    if (waiting === undefined) throw new Error('the morning is told');
    const today = openQueueDay({ clinicId, timezone: 'Africa/Tunis', smsUnitCostMinor: 40, serviceTargetMinutes: 30 }, DAY);
    await inQueueStorage(clinicId, async (sql) => {
      addToOutbox(sql, 'entry', waiting, at('09:00'));
      addToOutbox(sql, 'event', login(clinicId, 'e1', at('09:00')), at('09:00'));
      await expect(flushOutbox(sql, saveTo(unreachable), today, at('09:01'))).rejects.toThrow();
      expect(outboxBacklog(sql, at('09:01'))).toEqual({ rows: 2, lagMs: MINUTE });
      await flushOutbox(sql, saveTo(testDatabase()), today, at('09:02'));
      expect(outboxBacklog(sql, at('09:02'))).toEqual({ rows: 0, lagMs: 0 });
    });
    expect(await storedEventIds(clinicId)).toEqual(['e1']);
    expect(await testDatabase().select({ id: queueEntries.id }).from(queueEntries).where(eq(queueEntries.clinicId, clinicId))).toEqual([{ id: 'p1' }]);
  });

  it('should forget the batches libSQL took when a later batch of the same flush fails', async () => {
    const clinicId = await bareClinic('outbox-partial');
    const today = openQueueDay({ clinicId, timezone: 'Africa/Tunis', smsUnitCostMinor: 40, serviceTargetMinutes: 30 }, DAY);
    const ids = Array.from({ length: 600 }, (_, index) => `login-${String(index).padStart(3, '0')}`);
    await inQueueStorage(clinicId, async (sql) => {
      ids.forEach((id, index) => addToOutbox(sql, 'event', login(clinicId, id, at('08:00') + index), at('08:00')));
      // libSQL takes the first 500 rows, then goes down.
      let saves = 0;
      const failingAfterFirst = (write: QueueWrite) => saveQueueWrite((saves += 1) === 1 ? testDatabase() : unreachable, write);
      await expect(flushOutbox(sql, failingAfterFirst, today, at('09:00'))).rejects.toThrow();
      expect(saves).toBe(2);
      expect(outboxBacklog(sql, at('09:00')).rows).toBe(100);
      expect(await storedEventIds(clinicId)).toEqual(ids.slice(0, 500));
      await flushOutbox(sql, saveTo(testDatabase()), today, at('09:01'));
      expect(outboxBacklog(sql, at('09:01')).rows).toBe(0);
    });
    expect(await storedEventIds(clinicId)).toEqual(ids);
  });

  it('should hand a closing day its final rollups, finalised at its midnight even when closed minutes before it', async () => {
    const clinicId = await bareClinic('outbox-closing');
    const [, , completed] = patient(clinicId);
    const [, delivered] = smsOf(clinicId);
    if (completed === undefined || delivered === undefined) throw new Error('the morning is told');
    const monday = restoreQueueDay({ clinicId, timezone: 'Africa/Tunis', smsUnitCostMinor: 40, serviceTargetMinutes: 30 }, DAY, { entries: [completed], sms: [delivered], doctorPresent: false });
    const midnight = Date.parse('2031-06-10T00:00:00+01:00');
    expect(monday.endsAt).toBe(midnight);
    // An event from 00:01 opens Tuesday while the clinic's clock still reads 23:57.
    const closedAt = midnight - 3 * MINUTE;
    // With no consultation start recorded, the visit runs from the call (09:20) to the end (09:35).
    const counters = { ...emptyRollupCounters(), checkinsQr: 1, seen: 1, waitSumMs: 20 * MINUTE, waitCount: 1, waitMaxMs: 20 * MINUTE, consultSumMs: 15 * MINUTE, consultCount: 1, smsSent: 1, smsCostMinor: 40, calledWithinTarget: 1 };
    await inQueueStorage(clinicId, async (sql) => {
      addClosedDayRollupsToOutbox(sql, monday, closedAt);
      expect(readOutbox(sql, 100)).toEqual({
        lastSeq: expect.any(Number), events: [], entries: [], sms: [], activity: [],
        daily: [{ clinicId, day: DAY, ...counters, updatedAt: midnight, finalizedAt: midnight }],
        // 09:00–10:00 local is 08:00–09:00 UTC: the check-in, the call, the visit and the SMS all fall in it.
        hourly: [{ clinicId, day: DAY, hour: 9, hourStart: Date.parse('2031-06-09T08:00:00Z'), ...counters, updatedAt: midnight }],
      });
      // Enqueued at the clinic's clock: the lag health reports runs from then.
      expect(outboxBacklog(sql, closedAt + MINUTE)).toEqual({ rows: 2, lagMs: MINUTE });
    });
  });
});
