import { beforeAll, describe, expect, it } from 'vitest';
import { rebuildRollups } from '../../db/queries/rollup-rebuild.ts';
import { dailyRollupsOf, hourlyRollupsOf } from '../../db/queries/rollup-rows.ts';
import { clinicDayOf } from '../../worker/domain/clinic-time.ts';
import type { QueueEvent } from '../../worker/domain/queue-events.ts';
import { drainOutbox, eventId, ingest, todaysTimeline } from '../support/queue-story.ts';
import { createWorld, testDatabase, type World } from '../support/world.ts';

async function storedRollups(clinicId: string) {
  const db = testDatabase();
  const daily = await dailyRollupsOf(db, clinicId);
  const hourly = await hourlyRollupsOf(db, clinicId);
  return { daily: daily.map(({ updatedAt: _, ...row }) => row), hourly: hourly.map(({ updatedAt: _, ...row }) => row) };
}

describe("today's rollups kept by the ClinicQueue's write-behind", () => {
  let world: World;

  beforeAll(async () => {
    world = await createWorld();
  });

  it('should equal the rollups rebuilt from the raw rows it wrote', async () => {
    const t = todaysTimeline('Africa/Tunis', 14);
    const [a, b, c, d] = [eventId('a'), eventId('b'), eventId('c'), eventId('d')];
    const sms = eventId('sms');
    const story: QueueEvent[] = [
      { id: eventId('ev'), type: 'patient_added', entryId: a, method: 'qr', occurredAt: t.iso(1) },
      { id: eventId('ev'), type: 'patient_added', entryId: b, method: 'manual', occurredAt: t.iso(2) },
      { id: eventId('ev'), type: 'patient_added', entryId: c, method: 'qr', occurredAt: t.iso(3) },
      { id: eventId('ev'), type: 'patient_added', entryId: d, method: 'qr', occurredAt: t.iso(4) },
      { id: eventId('ev'), type: 'sms_sent', smsId: sms, entryId: a, kind: 'your_turn', occurredAt: t.iso(5) },
      { id: eventId('ev'), type: 'patient_called', entryId: a, occurredAt: t.iso(6) },
      { id: eventId('ev'), type: 'consultation_started', entryId: a, occurredAt: t.iso(7) },
      { id: eventId('ev'), type: 'sms_status', smsId: sms, status: 'failed', occurredAt: t.iso(8) },
      { id: eventId('ev'), type: 'patient_completed', entryId: a, occurredAt: t.iso(9) },
      { id: eventId('ev'), type: 'patient_called', entryId: b, occurredAt: t.iso(10) },
      { id: eventId('ev'), type: 'patient_no_show', entryId: b, occurredAt: t.iso(11) },
      { id: eventId('ev'), type: 'patient_cancelled', entryId: c, occurredAt: t.iso(12) },
      { id: eventId('ev'), type: 'patient_called', entryId: d, occurredAt: t.iso(13) },
    ];
    expect((await ingest(world, world.keyA, story)).body.accepted).toBe(story.length);
    await drainOutbox(world.clinicA);
    const incremental = await storedRollups(world.clinicA);
    expect(incremental.daily).toHaveLength(1);
    expect(incremental.daily[0]).toMatchObject({ checkinsQr: 3, checkinsManual: 1, seen: 1, noShows: 1, cancelled: 1, waitCount: 3, consultCount: 1, smsSent: 1, smsFailed: 1 });

    const today = clinicDayOf(Date.now(), 'Africa/Tunis');
    await rebuildRollups(testDatabase(), { clinicId: world.clinicA, range: { from: today, to: today }, retentionCutoff: 0, now: Date.now() });
    expect(await storedRollups(world.clinicA)).toEqual(incremental);
  });
});
