import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { accountsByEmail } from '../../db/queries/account-rows.ts';
import { clinicActivityById } from '../../db/queries/activity-rows.ts';
import { clinicHealthPage, serviceTotals } from '../../db/queries/admin-figures.ts';
import { storedEventsOf, storedEventsWithId } from '../../db/queries/event-rows.ts';
import { queueEntriesOf } from '../../db/queries/queue-rows.ts';
import { clinicActivity, events, queueEntries, users } from '../../db/schema/index.ts';
import { buildDemoClinics } from '../../db/seed/demo-clinics.ts';
import { EstimatorHistory, generateClinicHistory } from '../../db/seed/demo-history.ts';
import { ensureDemoData } from '../../db/seed/ensure-demo-data.ts';
import { hashPassword, verifyPassword } from '../../worker/auth/password.ts';
import { clinicDayOf } from '../../worker/domain/clinic-time.ts';
import { queueEventSchema } from '../../worker/domain/queue-events.ts';
import { closeUnfinishedEntries, openQueueDay, type QueueDay, type QueueEntryRow } from '../../worker/domain/queue-projection.ts';
import { applyQueueEventWithQuote } from '../../worker/domain/quoted-projection.ts';
import { sqldForFile } from '../support/sqld-for-file.ts';

const NOW = Date.parse('2026-11-24T10:30:00+01:00');
const OPTIONS = { hashPassword, seed: 1, clinics: 13, days: 10, now: NOW };
const TABLES = [
  'clinics', 'users', 'memberships', 'events', 'queue_entries', 'sms_messages', 'clinic_activity', 'daily_rollups', 'hourly_rollups',
] as const;

async function countRows(db: Database): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of TABLES) {
    const [row] = await db.all<{ count: number }>(sql.raw(`select count(*) as count from ${table}`));
    counts[table] = row?.count ?? -1;
  }
  return counts;
}

describe('seeding the demo into a real sqld', () => {
  const database = sqldForFile('seed');
  let db: Database;
  let seeded: boolean;

  beforeAll(async () => {
    db = database().db;
    // What a seed cut short before its final transaction leaves: rows of clinics that do not exist yet.
    // (libSQL's `migrate` runs a batch without foreign-key checks, as the seed's own batches do.)
    await db.$client.migrate([
      { sql: `insert into events (clinic_id, id, type, entry_id, occurred_at, received_at, payload) values ('clinic-001', 'ev-leftover', 'clinic_login', null, 1, 1, '{}')`, args: [] },
      { sql: `insert into clinic_activity (id, clinic_id, kind, occurred_at, detail) values (1, 'clinic-001', 'clinic_login', 1, '{"platform":"web"}')`, args: [] },
    ]);
    seeded = await ensureDemoData(db, OPTIONS);
  });

  it('should store exactly the generated history', async () => {
    expect(seeded).toBe(true);
    const histories = buildDemoClinics({ seed: 1, count: 13, days: 10, now: NOW }).map((clinic) =>
      generateClinicHistory(clinic, { seed: 1, days: 10, now: NOW }),
    );
    const total = (pick: (history: (typeof histories)[number]) => readonly unknown[]) =>
      histories.reduce((sum, history) => sum + pick(history).length, 0);
    expect(await countRows(db)).toEqual({
      // The thirteen with a history, and one still opening: no history, no people yet.
      clinics: 14,
      // The super admin, the doctor and the receptionist of the first clinic, an owner for each other clinic.
      users: 15,
      memberships: 14,
      events: total((history) => history.events),
      queue_entries: total((history) => history.entries),
      sms_messages: total((history) => history.sms),
      clinic_activity: total((history) => history.activity),
      daily_rollups: total((history) => history.daily),
      hourly_rollups: total((history) => history.hourly),
    });
    expect(total((history) => history.entries)).toBeGreaterThan(1_500);
  });

  it('should let the three demo logins sign in, and nobody else', async () => {
    const rows = await accountsByEmail(db);
    const withPassword = rows.filter((row) => row.passwordHash !== null).map((row) => row.email);
    expect(withPassword).toEqual(['admin@pulse.local', 'doctor@pulse.local', 'reception@pulse.local']);
    const columns = (email: string) => {
      const row = rows.find((candidate) => candidate.email === email);
      return { algorithm: row?.passwordAlgorithm ?? null, iterations: row?.passwordIterations ?? null, salt: row?.passwordSalt ?? null, hash: row?.passwordHash ?? null };
    };
    expect(await verifyPassword('pulse-admin', columns('admin@pulse.local'))).toBe(true);
    expect(await verifyPassword('pulse-doctor', columns('doctor@pulse.local'))).toBe(true);
    expect(await verifyPassword('pulse-reception', columns('reception@pulse.local'))).toBe(true);
    expect(await verifyPassword('pulse-admin', columns('doctor@pulse.local'))).toBe(false);
    expect(rows.find((row) => row.email === 'admin@pulse.local')?.role).toBe('super_admin');
  });

  it('should store rows equal to replaying the stored events through the projection', async () => {
    const stored = await storedEventsOf(db, 'clinic-001');
    const settings = { clinicId: 'clinic-001', timezone: 'Africa/Tunis', smsUnitCostMinor: 40, serviceTargetMinutes: 30 };
    let queue: QueueDay = openQueueDay(settings, clinicDayOf(stored[0]?.occurredAt ?? NOW, 'Africa/Tunis'));
    const replayed = new Map<string, QueueEntryRow>();
    // As the product does: each day quoted by a model of the days before it, closed at its midnight.
    const history = new EstimatorHistory('Africa/Tunis');
    let model = history.modelFor(queue.day);
    for (const row of stored) {
      const event = queueEventSchema.parse(JSON.parse(row.payload));
      const day = clinicDayOf(row.occurredAt, 'Africa/Tunis');
      if (event.type !== 'clinic_login' && day > queue.day) {
        for (const closed of closeUnfinishedEntries(queue)) replayed.set(closed.id, closed);
        history.keep(queue.day, queue.entries.values());
        model = history.modelFor(day);
      }
      const result = applyQueueEventWithQuote(queue, event, model);
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      queue = result.state;
      if (result.changes.entry !== null) replayed.set(result.changes.entry.row.id, result.changes.entry.row);
    }
    const entries = await queueEntriesOf(db, 'clinic-001');
    expect(entries).toEqual([...replayed.values()].sort((a, b) => a.id.localeCompare(b.id)));
    expect(entries.filter((entry) => entry.clinicDay === '2026-11-24' && entry.state === 'waiting').length).toBeGreaterThan(0);
  });

  it('should clear what an interrupted seed left before seeding again', async () => {
    expect(await storedEventsWithId(db, 'ev-leftover')).toEqual([]);
    const first = await clinicActivityById(db, 1);
    expect(first?.occurredAt).toBeGreaterThan(NOW - 10 * 86_400_000);
  });

  it('should add one clinic still opening, which the admin console shows apart', async () => {
    const query = { archived: false, sort: 'name', order: 'asc', page: 1, pageSize: 25 } as const;
    const opening = await clinicHealthPage(db, ['Africa/Tunis', 'Europe/Paris'], { ...query, status: 'onboarding' }, NOW);
    expect(opening.rows.map((row) => [row.clinicId, row.name, row.lastLoginAt])).toEqual([['clinic-opening', 'Cabinet Dr Laabidi — Djerba Midoun', null]]);
    expect(NOW - (opening.rows[0]?.createdAt ?? 0)).toBeLessThan(30 * 86_400_000);
    expect((await serviceTotals(db, ['Africa/Tunis', 'Europe/Paris'], NOW)).totals).toMatchObject({ totalClinics: 14, onboarding: 1 });
  });

  it('should do nothing the second time', async () => {
    const before = await countRows(db);
    expect(await ensureDemoData(db, OPTIONS)).toBe(false);
    expect(await countRows(db)).toEqual(before);
  });
});
