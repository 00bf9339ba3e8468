import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { clinicActivityOf } from '../../db/queries/activity-rows.ts';
import { storedEventsOf } from '../../db/queries/event-rows.ts';
import { queueEntriesOfDay } from '../../db/queries/queue-rows.ts';
import { dailyRollupOf } from '../../db/queries/rollup-rows.ts';
import { loadClinicQueueSettings, saveQueueWrite } from '../../db/queries/queue-writes.ts';
import { queueEventSchema } from '../../worker/domain/queue-events.ts';
import { applyQueueEvent, openQueueDay, type ClinicActivityRow } from '../../worker/domain/queue-projection.ts';
import { ensureDemoData } from '../../db/seed/ensure-demo-data.ts';
import { mulberry32 } from '../../db/seed/random.ts';
import { startSimulator, type Simulator } from '../../scripts/lib/simulator.ts';
import { sqldForFile } from '../support/sqld-for-file.ts';
import { hashPassword } from '../../worker/auth/password.ts';

const MORNING = Date.parse('2026-11-24T10:30:00+01:00');

describe('the demo simulator on a seeded clinic', () => {
  const database = sqldForFile('simulator');
  let db: Database;
  let simulator: Simulator;
  let clock = MORNING;

  beforeAll(async () => {
    db = database().db;
    await ensureDemoData(db, { hashPassword, clinics: 3, days: 2, now: MORNING });
    // The timer never fires during the test: every round is played by hand, on a fake clock.
    simulator = startSimulator(db, { clinicIds: ['clinic-001'], now: () => clock, intervalMs: 3_600_000, random: mulberry32(5) });
  });
  afterAll(async () => {
    await simulator?.stop();
  });

  const entriesOf = (day: string) =>
    queueEntriesOfDay(db, 'clinic-001', day);

  it("should continue today's queue where the seed left it", async () => {
    const seeded = await entriesOf('2026-11-24');
    // Ten minutes of a morning, in rounds five seconds apart.
    for (let round = 0; round < 120; round += 1) {
      clock += 5_000;
      await simulator.tick();
    }
    const today = await entriesOf('2026-11-24');
    expect(today.length).toBeGreaterThan(seeded.length);
    expect(today.map((entry) => entry.ticketNumber)).toEqual(today.map((_, index) => index + 1));
    expect(today.filter((entry) => entry.state === 'called' || entry.state === 'in_consultation').length).toBeLessThanOrEqual(1);
    expect(today.some((entry) => entry.id.startsWith('sim-'))).toBe(true);
    expect(today.filter((entry) => entry.completedAt !== null && entry.completedAt > MORNING).length).toBeGreaterThan(2);
    const simulated = await storedEventsOf(db, 'clinic-001', { idPrefix: 'sim-' });
    expect(simulated.length).toBeGreaterThan(40);
  });

  it("should keep today's rollup equal to today's entries", async () => {
    const today = await entriesOf('2026-11-24');
    const rollup = await dailyRollupOf(db, 'clinic-001', '2026-11-24');
    expect((rollup?.checkinsQr ?? 0) + (rollup?.checkinsManual ?? 0)).toBe(today.length);
    expect(rollup?.seen).toBe(today.filter((entry) => entry.state === 'completed').length);
    expect(rollup?.finalizedAt).toBe(null);
  });

  it('should leave the same rows when the same write is stored twice', async () => {
    const settings = await loadClinicQueueSettings(db, 'clinic-002');
    if (settings === undefined) throw new Error('clinic-002 was not seeded');
    const queue = openQueueDay(settings, '2026-11-24');
    const activity: ClinicActivityRow[] = [];
    for (const event of [
      queueEventSchema.parse({ id: 'retry-1', occurredAt: '2026-11-24T10:00:00+01:00', type: 'patient_added', entryId: 'retry-entry', method: 'qr' }),
      queueEventSchema.parse({ id: 'retry-2', occurredAt: '2026-11-24T10:01:00+01:00', type: 'clinic_login', platform: 'web' }),
    ]) {
      const result = applyQueueEvent(queue, event);
      if (result.ok && result.changes.activity !== null) activity.push(result.changes.activity);
    }
    const entry = queue.entries.get('retry-entry');
    const stored = { events: [], entries: entry === undefined ? [] : [entry], sms: [], activity, daily: [], hourly: [] };
    const timeline = () => clinicActivityOf(db, 'clinic-002');
    const before = (await timeline()).length;
    await saveQueueWrite(db, stored);
    await saveQueueWrite(db, stored);
    expect((await timeline()).length).toBe(before + 2);
  });

  it("should start again at ticket 1 after the clinic's midnight", async () => {
    clock = Date.parse('2026-11-24T23:05:00Z'); // 00:05 on the 25th in Tunis
    for (let round = 0; round < 10; round += 1) {
      clock += 5_000;
      await simulator.tick();
    }
    const tomorrow = await entriesOf('2026-11-25');
    expect(tomorrow.length).toBeGreaterThan(0);
    expect(tomorrow[0]?.ticketNumber).toBe(1);
  });
});
