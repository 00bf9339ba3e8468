/**
 * Demo data for `npm start` and `npm run db:seed`: clinics, people, and months of queue history
 * generated as events and stored through the production projection (see demo-history.ts).
 * Deterministic for a given seed and `now`.
 */
import { sql } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { clinicActivity } from '../schema/activity.ts';
import { memberships, users } from '../schema/accounts.ts';
import { clinics } from '../schema/clinics.ts';
import { events, queueEntries, smsMessages } from '../schema/queue.ts';
import { dayForecasts } from '../schema/forecasts.ts';
import { dailyRollups, hourlyRollups } from '../schema/rollups.ts';
import { annotations } from '../schema/sharing.ts';
import { addClinicDays, clinicDayOf } from '../../worker/domain/clinic-time.ts';
import { searchKey } from '../../worker/domain/search-key.ts';
import { chunksOf } from '../chunks.ts';
import { snapshotBusinessDays } from '../queries/business-snapshots.ts';
import { clinicInserts } from '../queries/clinic-prices.ts';
import type { Database } from '../client.ts';
import { writeBatch } from '../write-batch.ts';
import { createBulkInserter } from './bulk-insert.ts';
import { buildDemoClinics, openingDemoClinic } from './demo-clinics.ts';
import { DemoForecasts } from './demo-forecasts.ts';
import { clinicHistoryDays } from './demo-history.ts';
import { buildDemoNotes } from './demo-notes.ts';
import { buildDemoUsers } from './demo-users.ts';
import type { PasswordHasher } from '../../worker/domain/stored-password.ts';

export const DEMO_DEFAULTS = { seed: 1, clinics: 13, days: 120 } as const;

export interface DemoDataOptions {
  /** How the demo logins' passwords are stored: worker/auth/password.ts's `hashPassword`. */
  hashPassword: PasswordHasher;
  /** Progress lines, each starting with `seed`. */
  log?: ((line: string) => void) | undefined;
  seed?: number | undefined;
  /** Number of clinics: 13 is the demo (12 in Tunisia, 1 in France); more are generated for benchmarks. */
  clinics?: number | undefined;
  /** Clinic days of history, today included. */
  days?: number | undefined;
  /** The end of history: today's events stop here. */
  now?: number | undefined;
}

/**
 * Seeds the demo when the database has no clinic yet; returns whether it did. The clinics are
 * written last, with their people, in one transaction: a seed cut short (Ctrl-C during the first
 * `npm start`) leaves no clinic, and the next run clears its leftovers and seeds again.
 */
export async function ensureDemoData(db: Database, options: DemoDataOptions): Promise<boolean> {
  const log = options.log ?? (() => {});
  const [existing] = await db.select({ id: clinics.id }).from(clinics).limit(1);
  if (existing !== undefined) {
    log('seed: the database already has clinics, demo data left as it is');
    return false;
  }
  const seed = checkedCount('seed', options.seed ?? DEMO_DEFAULTS.seed, 0);
  const clinicCount = checkedCount('clinics', options.clinics ?? DEMO_DEFAULTS.clinics, 1);
  const days = checkedCount('days', options.days ?? DEMO_DEFAULTS.days, 1);
  const now = options.now ?? Date.now();
  const startedAt = performance.now();
  log(`seed: ${clinicCount} clinics × ${days} days of history (seed ${seed})…`);

  await removeLeftovers(db);
  const demoClinics = buildDemoClinics({ seed, count: clinicCount, days, now });
  const people = await buildDemoUsers(demoClinics, options.hashPassword);

  const bulk = createBulkInserter(db);
  const totals = { entries: 0, events: 0, sms: 0 };
  let activityId = 0;
  // Day by day across clinics: rows arrive roughly in time order, memory holds one day per clinic.
  const clinicDays = demoClinics.map((clinic) => ({
    history: clinicHistoryDays(clinic, { seed, days, now }),
    firstDay: addClinicDays(clinicDayOf(now, clinic.timezone), -(days - 1)),
    forecasts: new DemoForecasts(clinic, now),
  }));
  for (let day = 0; day < days; day += 1) {
    for (const { history, firstDay, forecasts } of clinicDays) {
      const step = history.next();
      if (step.done === true) continue;
      const rows = step.value;
      await bulk.insert(dayForecasts, forecasts.add(addClinicDays(firstDay, day), rows.daily, rows.hourly));
      totals.entries += rows.entries.length;
      totals.events += rows.events.length;
      totals.sms += rows.sms.length;
      await bulk.insert(events, rows.events);
      await bulk.insert(queueEntries, rows.entries);
      await bulk.insert(smsMessages, rows.sms);
      // Explicit ids keep the timeline in event order.
      await bulk.insert(clinicActivity, rows.activity.map((row) => ({ ...row, id: (activityId += 1) })));
      await bulk.insert(dailyRollups, rows.daily);
      await bulk.insert(hourlyRollups, rows.hourly);
    }
  }
  await bulk.flush();

  // The clinics with a history, and the one still opening (no login, no history yet).
  const clinicRows = [...demoClinics, openingDemoClinic(now)].map((clinic) => ({
    id: clinic.id,
    name: clinic.name,
    nameKey: searchKey(clinic.name),
    timezone: clinic.timezone,
    planPriceMinor: clinic.planPriceMinor,
    currency: clinic.currency,
    smsUnitCostMinor: clinic.smsUnitCostMinor,
    smsBudgetMinor: clinic.smsBudgetMinor,
    createdAt: clinic.createdAt,
  }));
  const notes = people.users.some((user) => user.id === 'user-doctor') ? buildDemoNotes(demoClinics[0], now) : [];
  // A few hundred rows per statement keeps even a thousand-clinic benchmark within SQLite's limits.
  await writeBatch(db, [
    // Each clinic with its first price (its plan from its creation): past MRR reads the price history.
    ...chunksOf(clinicRows, 200).flatMap((chunk) => clinicInserts(db, chunk, { ifAbsent: true })),
    ...chunksOf(people.users, 200).map((chunk) => db.insert(users).values(chunk).onConflictDoNothing()),
    ...chunksOf(people.memberships, 200).map((chunk) => db.insert(memberships).values(chunk).onConflictDoNothing()),
    ...(notes.length > 0 ? [db.insert(annotations).values(notes).onConflictDoNothing()] : []),
  ]);
  // The business as it stood at the end of each past day, for the admin trends.
  const today = clinicDayOf(now, 'UTC');
  await snapshotBusinessDays(db, { from: addClinicDays(today, -(days - 1)), to: addClinicDays(today, -1) }, now);

  const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
  log(
    `seed: done in ${seconds} s — ${totals.entries.toLocaleString('en')} queue entries, ` +
      `${totals.events.toLocaleString('en')} events, ${totals.sms.toLocaleString('en')} SMS, ` +
      `${(bulk.written + clinicRows.length + people.users.length + people.memberships.length).toLocaleString('en')} rows`,
  );
  return true;
}

/**
 * Rows of clinics that do not exist: with no clinic at all, these can only be what an interrupted
 * seed wrote before its final transaction.
 */
async function removeLeftovers(db: Database): Promise<void> {
  const noClinic = (column: SQLiteColumn) => sql`${column} not in (select ${clinics.id} from ${clinics})`;
  await writeBatch(db, [
    db.delete(events).where(noClinic(events.clinicId)),
    db.delete(queueEntries).where(noClinic(queueEntries.clinicId)),
    db.delete(smsMessages).where(noClinic(smsMessages.clinicId)),
    db.delete(clinicActivity).where(noClinic(clinicActivity.clinicId)),
    db.delete(dailyRollups).where(noClinic(dailyRollups.clinicId)),
    db.delete(hourlyRollups).where(noClinic(hourlyRollups.clinicId)),
    db.delete(dayForecasts).where(noClinic(dayForecasts.clinicId)),
  ]);
}

function checkedCount(name: string, value: number, minimum: number): number {
  if (!Number.isSafeInteger(value) || value < minimum) throw new RangeError(`demo data: ${name} must be an integer ≥ ${minimum}, got ${value}`);
  return value;
}
