/**
 * Reading a clinic's queue for today and storing what projected events changed. The demo
 * simulator and the ClinicQueue object's write-behind share it, so demo rows and live rows are
 * written the same way. Storing the same write twice (a retry after a lost answer) leaves the
 * same rows: entries, SMS and rollups are upserted whole by key, events and activity skipped when
 * already there.
 */
import { and, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import { clinicDayOf } from '../../worker/domain/clinic-time.ts';
import { doctorPresenceChangedSchema, type StoredEventRow } from '../../worker/domain/queue-events.ts';
import {
  openQueueDay,
  restoreQueueDay,
  type ClinicActivityRow,
  type ClinicQueueSettings,
  type QueueDay,
  type QueueEntryRow,
  type SmsRow,
} from '../../worker/domain/queue-projection.ts';
import type { DailyRollupRow, HourlyRollupRow } from '../../worker/domain/rollup.ts';
import { chunksOf } from '../chunks.ts';
import type { Database } from '../client.ts';
import { clinicActivity } from '../schema/activity.ts';
import { clinics } from '../schema/clinics.ts';
import { events, queueEntries, smsMessages } from '../schema/queue.ts';
import { dailyRollups, hourlyRollups } from '../schema/rollups.ts';
import { writeBatch } from '../write-batch.ts';

/** What the projection needs to know about a clinic, or undefined for an unknown one. */
export async function loadClinicQueueSettings(db: Database, clinicId: string): Promise<ClinicQueueSettings | undefined> {
  return (await loadClinicQueueState(db, clinicId))?.settings;
}

/** The settings a clinic's live queue counts with, and whether the clinic is archived (closed to events). */
export async function loadClinicQueueState(db: Database, clinicId: string): Promise<{ settings: ClinicQueueSettings; archived: boolean } | undefined> {
  const [row] = await db
    .select({ clinicId: clinics.id, timezone: clinics.timezone, smsUnitCostMinor: clinics.smsUnitCostMinor, serviceTargetMinutes: clinics.serviceTargetMinutes, archivedAt: clinics.archivedAt })
    .from(clinics)
    .where(eq(clinics.id, clinicId))
    .limit(1);
  if (row === undefined) return undefined;
  const { archivedAt, ...settings } = row;
  return { settings, archived: archivedAt !== null };
}

/** The clinic's queue for the clinic day containing `now`, as stored. */
export async function loadQueueDay(db: Database, settings: ClinicQueueSettings, now: number): Promise<QueueDay> {
  const day = clinicDayOf(now, settings.timezone);
  const { startsAt, endsAt } = openQueueDay(settings, day);
  const [entryRows, smsRows, presence] = await Promise.all([
    db.select().from(queueEntries).where(and(eq(queueEntries.clinicId, settings.clinicId), eq(queueEntries.clinicDay, day))),
    db
      .select()
      .from(smsMessages)
      .where(and(eq(smsMessages.clinicId, settings.clinicId), gte(smsMessages.sentAt, startsAt), lt(smsMessages.sentAt, endsAt))),
    db
      .select({ payload: events.payload })
      .from(events)
      .where(and(eq(events.clinicId, settings.clinicId), eq(events.type, 'doctor_presence_changed')))
      .orderBy(desc(events.occurredAt))
      .limit(1),
  ]);
  return restoreQueueDay(settings, day, { entries: entryRows, sms: smsRows, doctorPresent: presentIn(presence[0]?.payload) });
}

/** Whether a stored `doctor_presence_changed` payload says present; a payload that does not parse says nothing. */
function presentIn(payload: string | undefined): boolean {
  if (payload === undefined) return false;
  try {
    const parsed = doctorPresenceChangedSchema.safeParse(JSON.parse(payload));
    return parsed.success && parsed.data.present;
  } catch {
    return false;
  }
}

/** The rows one round of events produced (whole rows: they are upserted by key). */
export interface QueueWrite {
  events: readonly StoredEventRow[];
  entries: readonly QueueEntryRow[];
  sms: readonly SmsRow[];
  activity: readonly ClinicActivityRow[];
  daily: readonly DailyRollupRow[];
  hourly: readonly HourlyRollupRow[];
}

/**
 * Rows per statement: SQLite binds at most 32,766 values in one statement and an entry row takes
 * 14, so any number of rows is split into statements of this size.
 */
const ROWS_PER_STATEMENT = 500;

/** How many rows a write carries, all tables together. */
export function queueWriteRows(write: QueueWrite): number {
  return write.events.length + write.entries.length + write.sms.length + write.activity.length + write.daily.length + write.hourly.length;
}

/**
 * Several writes as one. Safe for writes of different clinics, and for writes of one clinic in
 * the order they were made (later whole rows win on upsert).
 */
export function mergeQueueWrites(writes: readonly QueueWrite[]): QueueWrite {
  return {
    events: writes.flatMap((write) => write.events),
    entries: writes.flatMap((write) => write.entries),
    sms: writes.flatMap((write) => write.sms),
    activity: writes.flatMap((write) => write.activity),
    daily: writes.flatMap((write) => write.daily),
    hourly: writes.flatMap((write) => write.hourly),
  };
}

/** Stores one round of changes in one transaction: a failure leaves none of it behind. */
export async function saveQueueWrite(db: Database, write: QueueWrite): Promise<void> {
  await writeBatch(db, [
    ...statementsOf(write.events, (rows) => db.insert(events).values(rows).onConflictDoNothing()),
    ...statementsOf(write.entries, (rows) =>
      db
        .insert(queueEntries)
        .values(rows)
        .onConflictDoUpdate({
          target: [queueEntries.clinicId, queueEntries.id],
          set: {
            state: excluded(queueEntries.state),
            calledAt: excluded(queueEntries.calledAt),
            consultationStartedAt: excluded(queueEntries.consultationStartedAt),
            completedAt: excluded(queueEntries.completedAt),
            noShowAt: excluded(queueEntries.noShowAt),
            cancelledAt: excluded(queueEntries.cancelledAt),
            updatedAt: excluded(queueEntries.updatedAt),
          },
        }),
    ),
    ...statementsOf(write.sms, (rows) =>
      db
        .insert(smsMessages)
        .values(rows)
        .onConflictDoUpdate({
          target: [smsMessages.clinicId, smsMessages.id],
          set: { status: excluded(smsMessages.status), statusAt: excluded(smsMessages.statusAt) },
        }),
    ),
    // The timeline has no natural key, so a row already there (the same write sent again) is skipped.
    ...statementsOf(write.activity, insertActivityOnce),
    ...statementsOf(write.daily, (rows) =>
      db
        .insert(dailyRollups)
        .values(rows)
        .onConflictDoUpdate({
          target: [dailyRollups.clinicId, dailyRollups.day],
          set: { ...counterUpdates(dailyRollups), finalizedAt: excluded(dailyRollups.finalizedAt) },
        }),
    ),
    ...statementsOf(write.hourly, (rows) =>
      db
        .insert(hourlyRollups)
        .values(rows)
        .onConflictDoUpdate({ target: [hourlyRollups.clinicId, hourlyRollups.hourStart], set: counterUpdates(hourlyRollups) }),
    ),
  ]);
}

/** One statement per `ROWS_PER_STATEMENT` rows, none for no rows. */
function statementsOf<Row, Statement>(rows: readonly Row[], statement: (chunk: Row[]) => Statement): Statement[] {
  return chunksOf(rows, ROWS_PER_STATEMENT).map(statement);
}

/** Inserts timeline rows, skipping each one already stored (same clinic, kind, time and detail). */
function insertActivityOnce(rows: readonly ClinicActivityRow[]): SQL {
  const values = sql.join(
    rows.map((row) => sql`(${row.clinicId}, ${row.kind}, ${row.occurredAt}, ${row.userId}, ${row.detail})`),
    sql`, `,
  );
  return sql`insert into ${clinicActivity} (${activityColumns})
    select column1, column2, column3, column4, column5 from (values ${values}) as incoming
    where not exists (select 1 from ${clinicActivity} as stored where stored.clinic_id = incoming.column1
      and stored.kind = incoming.column2 and stored.occurred_at = incoming.column3 and stored.detail is incoming.column5)`;
}

const activityColumns = sql.join(
  [clinicActivity.clinicId, clinicActivity.kind, clinicActivity.occurredAt, clinicActivity.userId, clinicActivity.detail].map((column) =>
    sql.identifier(column.name),
  ),
  sql`, `,
);

/** The value the conflicting insert proposed for `column`. */
function excluded(column: { name: string }) {
  return sql.raw(`excluded."${column.name}"`);
}

function counterUpdates(table: typeof dailyRollups | typeof hourlyRollups) {
  return {
    checkinsQr: excluded(table.checkinsQr),
    checkinsManual: excluded(table.checkinsManual),
    seen: excluded(table.seen),
    noShows: excluded(table.noShows),
    cancelled: excluded(table.cancelled),
    waitSumMs: excluded(table.waitSumMs),
    waitCount: excluded(table.waitCount),
    waitMaxMs: excluded(table.waitMaxMs),
    consultSumMs: excluded(table.consultSumMs),
    consultCount: excluded(table.consultCount),
    smsSent: excluded(table.smsSent),
    smsFailed: excluded(table.smsFailed),
    smsCostMinor: excluded(table.smsCostMinor),
    updatedAt: excluded(table.updatedAt),
  };
}
