import { env } from 'cloudflare:test';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { clinics } from '../../db/schema/index.ts';
import { bareClinic } from '../../tests/support/bare-clinic.ts';
import { testDatabase } from '../../tests/support/world.ts';
import type { QueueEvent } from '../domain/queue-events.ts';
import { MAX_FUTURE_SKEW_MS } from './ingestion.ts';
import { SEEN_EVENT_DAYS } from './loaded-queue.ts';
import { clinicQueueOf } from './stub.ts';

// Days of 2031 in Tunis (UTC+1, no summer time): ahead of the real clock, so only the test moves
// time and the objects' alarms never fire while it runs.
const tunis = (day: string, time: string) => Date.parse(`${day}T${time}+01:00`);

describe('a batch whose events are dated ahead of the clinic clock', () => {
  it('should take an event exactly 5 minutes ahead, refuse one a millisecond further, and take that one when its time has come', async () => {
    expect(MAX_FUTURE_SKEW_MS).toBe(5 * 60_000);
    const clinicId = await bareClinic('skew');
    const queue = clinicQueueOf(env, clinicId);
    const now = tunis('2031-06-09', '10:00:00');
    const batch: QueueEvent[] = [
      { id: `${clinicId}-at-limit`, type: 'patient_added', entryId: `${clinicId}-p1`, method: 'qr', occurredAt: '2031-06-09T10:05:00.000+01:00' },
      { id: `${clinicId}-past-limit`, type: 'patient_added', entryId: `${clinicId}-p2`, method: 'manual', occurredAt: '2031-06-09T10:05:00.001+01:00' },
    ];
    expect(await queue.ingest(clinicId, batch, now)).toEqual({
      archived: false, accepted: 1, duplicates: 0,
      rejected: [{ id: `${clinicId}-past-limit`, error: { code: 'VALIDATION_FAILED', message: 'occurredAt 2031-06-09T10:05:00.001+01:00 is in the future' } }],
    });
    // The phone resends the whole batch a minute later: the refused event was not remembered.
    expect(await queue.ingest(clinicId, batch, now + 60_000)).toEqual({ archived: false, accepted: 1, duplicates: 1, rejected: [] });
    expect((await queue.entries(clinicId, now + 60_000)).map(({ ticketNumber, entryId, method }) => ({ ticketNumber, entryId, method }))).toEqual([
      { ticketNumber: 1, entryId: `${clinicId}-p1`, method: 'qr' },
      { ticketNumber: 2, entryId: `${clinicId}-p2`, method: 'manual' },
    ]);
  });
});

describe('the clinic days an event id is remembered for', () => {
  it('should take a late login from six clinic days back and refuse one from seven', async () => {
    expect(SEEN_EVENT_DAYS).toBe(7);
    const clinicId = await bareClinic('late-login');
    const queue = clinicQueueOf(env, clinicId);
    const login = (id: string, occurredAt: string): QueueEvent => ({ id: `${clinicId}-${id}`, type: 'clinic_login', platform: 'mobile', occurredAt });
    const outcome = await queue.ingest(clinicId, [login('sixth', '2031-06-03T00:00:00+01:00'), login('seventh', '2031-06-02T23:59:59+01:00')], tunis('2031-06-09', '10:00:00'));
    expect(outcome).toEqual({
      archived: false, accepted: 1, duplicates: 0,
      rejected: [{ id: `${clinicId}-seventh`, error: { code: 'VALIDATION_FAILED', message: 'occurredAt 2031-06-02T23:59:59+01:00 is older than 7 clinic days' } }],
    });
  });

  it("should count Monday's batch as resent through Sunday midnight, then refuse it rather than count it twice", async () => {
    const clinicId = await bareClinic('resend-window');
    const queue = clinicQueueOf(env, clinicId);
    const monday: QueueEvent[] = [
      { id: `${clinicId}-added`, type: 'patient_added', entryId: `${clinicId}-p1`, method: 'qr', occurredAt: '2031-06-09T09:00:00+01:00' },
      { id: `${clinicId}-login`, type: 'clinic_login', platform: 'mobile', occurredAt: '2031-06-09T09:01:00+01:00' },
    ];
    expect(await queue.ingest(clinicId, monday, tunis('2031-06-09', '09:02:00'))).toEqual({ archived: false, accepted: 2, duplicates: 0, rejected: [] });
    // The queue app was offline overnight and resends on Tuesday morning, on Sunday just before midnight.
    expect(await queue.ingest(clinicId, monday, tunis('2031-06-10', '08:00:00'))).toEqual({ archived: false, accepted: 0, duplicates: 2, rejected: [] });
    expect(await queue.ingest(clinicId, monday, tunis('2031-06-15', '23:59:59'))).toEqual({ archived: false, accepted: 0, duplicates: 2, rejected: [] });
    // The next Monday at midnight, Monday's ids are forgotten: the events are refused, never applied again.
    const tooOld = (event: QueueEvent) => ({ id: event.id, error: { code: 'VALIDATION_FAILED', message: `occurredAt ${event.occurredAt} is older than 7 clinic days` } });
    expect(await queue.ingest(clinicId, monday, tunis('2031-06-16', '00:00:00'))).toEqual({ archived: false, accepted: 0, duplicates: 0, rejected: monday.map(tooOld) });
    expect(await queue.entries(clinicId, tunis('2031-06-16', '00:00:00'))).toEqual([]);
  });
});

describe("an archived clinic's queue", () => {
  it('should refuse a batch and a walk-in, keep nothing of them, and take the same batch whole once restored', async () => {
    const clinicId = await bareClinic('archived', { archivedAt: tunis('2031-06-01', '12:00:00') });
    const queue = clinicQueueOf(env, clinicId);
    const now = tunis('2031-06-09', '10:00:00');
    const batch: QueueEvent[] = [
      { id: `${clinicId}-1`, type: 'patient_added', entryId: `${clinicId}-p1`, method: 'qr', occurredAt: '2031-06-09T09:50:00+01:00' },
      { id: `${clinicId}-2`, type: 'patient_added', entryId: `${clinicId}-p2`, method: 'manual', occurredAt: '2031-06-09T09:55:00+01:00' },
    ];
    expect(await queue.ingest(clinicId, batch, now)).toEqual({ archived: true, accepted: 0, duplicates: 0, rejected: [] });
    expect(await queue.act(clinicId, { kind: 'walk_in', method: 'manual' }, now)).toEqual({ entryId: null, refused: 'This clinic is archived: restore it to take patients again' });
    expect(await queue.entries(clinicId, now)).toEqual([]);
    expect(await queue.backlog()).toEqual({ rows: 0, lagMs: 0 });

    await testDatabase().update(clinics).set({ archivedAt: null }).where(eq(clinics.id, clinicId));
    expect(await queue.ingest(clinicId, batch, now + 60_000)).toEqual({ archived: false, accepted: 2, duplicates: 0, rejected: [] });
    expect((await queue.today(clinicId, now + 60_000)).checkIns).toEqual({ qr: 1, manual: 1, qrShare: 0.5 });
  });
});
