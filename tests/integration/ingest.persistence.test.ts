import { env, evictDurableObject, runDurableObjectAlarm, runInDurableObject } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { clinicActivityOf } from '../../db/queries/activity-rows.ts';
import { storedEventsOf } from '../../db/queries/event-rows.ts';
import { queueEntriesOf, queueEntryOf, smsMessageOf, smsMessagesOf } from '../../db/queries/queue-rows.ts';
import { dailyRollupsOf } from '../../db/queries/rollup-rows.ts';
import type { QueueEvent } from '../../worker/domain/queue-events.ts';
import { clinicQueueOf } from '../../worker/clinic-queue/stub.ts';
import { drainOutbox, eventId, ingest, todaysTimeline } from '../support/queue-story.ts';
import { api, createWorld, signIn, testDatabase, type World } from '../support/world.ts';

/** What libSQL holds for a clinic, counted. */
async function storedCounts(clinicId: string) {
  const db = testDatabase();
  const count = async (rows: Promise<unknown[]>) => (await rows).length;
  return {
    events: await count(storedEventsOf(db, clinicId)),
    entries: await count(queueEntriesOf(db, clinicId)),
    sms: await count(smsMessagesOf(db, clinicId)),
    // The queue's own timeline rows; sign-ins add clinic_login rows of their own.
    activity: await count(clinicActivityOf(db, clinicId, { exceptKind: 'clinic_login' })),
  };
}

describe('write-behind from the ClinicQueue to libSQL', () => {
  let world: World;
  let doctor: string;
  const t = todaysTimeline('Africa/Tunis', 6);
  const entry = eventId('entry');
  const sms = eventId('sms');
  const story: QueueEvent[] = [
    { id: eventId('ev'), type: 'patient_added', entryId: entry, method: 'manual', occurredAt: t.iso(1) },
    { id: eventId('ev'), type: 'sms_sent', smsId: sms, entryId: entry, kind: 'queue_joined', occurredAt: t.iso(2) },
    { id: eventId('ev'), type: 'sms_status', smsId: sms, status: 'failed', occurredAt: t.iso(3) },
    { id: eventId('ev'), type: 'patient_called', entryId: entry, occurredAt: t.iso(4) },
    { id: eventId('ev'), type: 'patient_completed', entryId: entry, occurredAt: t.iso(5) },
  ];

  beforeAll(async () => {
    world = await createWorld();
    doctor = await signIn(world, world.ownerA);
    expect((await ingest(world, world.keyA, story)).body.accepted).toBe(5);
  });

  it('should write every event, entry, SMS and timeline row once, however often the outbox is flushed', async () => {
    const stub = clinicQueueOf(env, world.clinicA);
    await drainOutbox(world.clinicA);
    await runDurableObjectAlarm(stub);
    expect(await storedCounts(world.clinicA)).toEqual({ events: 5, entries: 1, sms: 1, activity: 3 });
    const stored = await queueEntryOf(testDatabase(), world.clinicA, entry);
    expect(stored).toMatchObject({ state: 'completed', ticketNumber: 1, method: 'manual', calledAt: t.at(4), completedAt: t.at(5) });
    const message = await smsMessageOf(testDatabase(), world.clinicA, sms);
    expect(message).toMatchObject({ status: 'failed', costMinor: 40 });
    expect(await stub.backlog()).toEqual({ rows: 0, lagMs: 0 });
  });

  it("should keep today's daily rollup current", async () => {
    const rows = await dailyRollupsOf(testDatabase(), world.clinicA);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ checkinsManual: 1, seen: 1, waitCount: 1, waitSumMs: 3 * t.step, smsSent: 1, smsFailed: 1, smsCostMinor: 40, finalizedAt: null });
  });

  it('should rebuild today from libSQL when its storage is wiped, with the same figures', async () => {
    const stub = clinicQueueOf(env, world.clinicA);
    const figures = async () => {
      const { asOf: _asOf, maxWaitMinutes: _max, estimatedEndAt: _end, ...rest } = await (await api(world, `/clinics/${world.clinicA}/stats/today`, { token: doctor })).json<Record<string, unknown>>();
      return rest;
    };
    const before = await figures();
    await runInDurableObject(stub, async (_instance, state) => {
      await state.storage.deleteAll();
    });
    // A new instance of the object: what a move to another machine or an eviction looks like.
    await evictDurableObject(stub);
    expect(await figures()).toEqual(before);
    // Resends are still recognised after the rebuild.
    expect((await ingest(world, world.keyA, story)).body).toMatchObject({ accepted: 0, duplicates: 5 });
  });
});
