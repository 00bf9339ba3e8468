import { firstForecastDay, readForecastClinic, readHourlyArrivals } from '../../db/queries/forecasts.ts';
import { dayForecasts } from '../../db/schema/forecasts.ts';
import { DEMO_FORECAST_DAYS } from '../../db/seed/demo-forecasts.ts';
import { FORECAST_HISTORY_DAYS, forecastArrivals, scoreForecast } from '../../worker/domain/arrival-forecast.ts';
import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { accountsByEmail } from '../../db/queries/account-rows.ts';
import { clinicActivityById } from '../../db/queries/activity-rows.ts';
import { clinicHealthPage, serviceTotals } from '../../db/queries/admin-figures.ts';
import { storedEventsOf, storedEventsWithId } from '../../db/queries/event-rows.ts';
import { queueEntriesOf } from '../../db/queries/queue-rows.ts';
import { clinicActivity, events, queueEntries, users } from '../../db/schema/index.ts';
import { buildDemoClinics } from '../../db/seed/demo-clinics.ts';
import { ModelHistory, generateClinicHistory } from '../../db/seed/demo-history.ts';
import { ensureDemoData } from '../../db/seed/ensure-demo-data.ts';
import { hashPassword, verifyPassword } from '../../worker/auth/password.ts';
import { addClinicDays, clinicDayOf } from '../../worker/domain/clinic-time.ts';
import { queueEventSchema } from '../../worker/domain/queue-events.ts';
import { closeUnfinishedEntries, openQueueDay, type QueueDay, type QueueEntryRow } from '../../worker/domain/queue-projection.ts';
import { applyQueueEventWithPredictions } from '../../worker/domain/predicted-projection.ts';
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
    // As the product does: each day quoted and scored by models of the days before it, closed at its midnight.
    const history = new ModelHistory('Africa/Tunis');
    let models = history.modelsFor(queue.day);
    for (const row of stored) {
      const event = queueEventSchema.parse(JSON.parse(row.payload));
      const day = clinicDayOf(row.occurredAt, 'Africa/Tunis');
      if (event.type !== 'clinic_login' && day > queue.day) {
        for (const closed of closeUnfinishedEntries(queue)) replayed.set(closed.id, closed);
        history.keep(queue.day, queue.entries.values());
        models = history.modelsFor(day);
      }
      const result = applyQueueEventWithPredictions(queue, event, models);
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

describe("the demo's frozen forecasts", () => {
  const database = sqldForFile('seed-forecasts');
  let db: Database;

  beforeAll(async () => {
    db = database().db;
    await ensureDemoData(db, { ...OPTIONS, clinics: 2, days: 70 });
  });

  it("should freeze each of a clinic's last days as its forecast job would, from its rollups, and score the ended ones", async () => {
    const today = clinicDayOf(NOW, 'Africa/Tunis');
    const rows = await db.select().from(dayForecasts).where(eq(dayForecasts.clinicId, 'clinic-001')).orderBy(dayForecasts.day);
    expect(rows.map((row) => row.day)).toEqual(Array.from({ length: DEMO_FORECAST_DAYS }, (_, index) => addClinicDays(today, index - (DEMO_FORECAST_DAYS - 1))));
    expect(rows.filter((row) => row.scoredAt === null).map((row) => row.day)).toEqual([today]);

    const clinic = await readForecastClinic(db, 'clinic-001');
    if (clinic === undefined) throw new Error('clinic-001 is seeded');
    for (const row of rows.slice(-8)) {
      const history = await readHourlyArrivals(db, 'clinic-001', addClinicDays(row.day, -FORECAST_HISTORY_DAYS), row.day);
      const forecast = forecastArrivals({ day: row.day, asOf: row.day, firstDay: firstForecastDay(clinic), timezone: clinic.timezone, history });
      expect({ method: row.method, hours: row.hours, expected: row.expected, low: row.low, high: row.high }).toEqual({ method: forecast.method, hours: forecast.hours, ...forecast.total });
      if (row.day === today) continue;
      const actual = await readHourlyArrivals(db, 'clinic-001', row.day, addClinicDays(row.day, 1));
      expect(row.actual).toBe(actual.reduce((sum, hour) => sum + hour.arrivals, 0));
      expect(row.absError).toBe(scoreForecast(forecast, actual).totalAbsError);
    }
  });
});
