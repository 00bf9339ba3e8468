/**
 * Reading a clinic's queue for today and storing what projected events changed. The demo
 * simulator and the ClinicQueue object's write-behind share it, so demo rows and live rows are
 * written the same way. Storing the same write twice (a retry after a lost answer) leaves the
 * same rows: entries, SMS and rollups are upserted whole by key, events and activity skipped when
 * already there.
 */
import { and, desc, eq, gte, lt, sql } from 'drizzle-orm';
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
import type { Database } from '../client.ts';
import { clinicActivity } from '../schema/activity.ts';
import { clinics } from '../schema/clinics.ts';
import { events, queueEntries, smsMessages } from '../schema/queue.ts';
import { dailyRollups, hourlyRollups } from '../schema/rollups.ts';

/** What the projection needs to know about a clinic, or undefined for an unknown one. */
export async function loadClinicQueueSettings(db: Database, clinicId: string): Promise<ClinicQueueSettings | undefined> {
  const [row] = await db
    .select({ clinicId: clinics.id, timezone: clinics.timezone, smsUnitCostMinor: clinics.smsUnitCostMinor })
    .from(clinics)
    .where(eq(clinics.id, clinicId))
    .limit(1);
  return row;
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

/**
 * The rows one round of events produced (whole rows: they are upserted by key). Each table's rows
 * go into one statement, so keep a write to about 2,000 rows per table (SQLite binds at most
 * 32,766 values per statement; an entry row takes 14).
 */
export interface QueueWrite {
  events: readonly StoredEventRow[];
  entries: readonly QueueEntryRow[];
  sms: readonly SmsRow[];
  activity: readonly ClinicActivityRow[];
  daily: readonly DailyRollupRow[];
  hourly: readonly HourlyRollupRow[];
}

/** Stores one round of changes in one transaction: a failure leaves none of it behind. */
export async function saveQueueWrite(db: Database, write: QueueWrite): Promise<void> {
  const statements = [
    ...(write.events.length > 0 ? [db.insert(events).values([...write.events]).onConflictDoNothing()] : []),
    ...(write.entries.length > 0
      ? [
          db
            .insert(queueEntries)
            .values([...write.entries])
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
        ]
      : []),
    ...(write.sms.length > 0
      ? [
          db
            .insert(smsMessages)
            .values([...write.sms])
            .onConflictDoUpdate({
              target: [smsMessages.clinicId, smsMessages.id],
              set: { status: excluded(smsMessages.status), statusAt: excluded(smsMessages.statusAt) },
            }),
        ]
      : []),
    // The timeline has no natural key, so a row already there (the same write sent again) is skipped.
    // One statement for all of them: a statement per row kept sqld's write lock for long under load.
    ...(write.activity.length > 0 ? [insertActivityOnce(db, write.activity)] : []),
    ...(write.daily.length > 0
      ? [
          db
            .insert(dailyRollups)
            .values([...write.daily])
            .onConflictDoUpdate({
              target: [dailyRollups.clinicId, dailyRollups.day],
              set: { ...counterUpdates(dailyRollups), finalizedAt: excluded(dailyRollups.finalizedAt) },
            }),
        ]
      : []),
    ...(write.hourly.length > 0
      ? [
          db
            .insert(hourlyRollups)
            .values([...write.hourly])
            .onConflictDoUpdate({ target: [hourlyRollups.clinicId, hourlyRollups.hourStart], set: counterUpdates(hourlyRollups) }),
        ]
      : []),
  ];
  const [first, ...rest] = statements;
  if (first !== undefined) await db.batch([first, ...rest]);
}

/** Inserts timeline rows, skipping each one already stored (same clinic, kind, time and detail). */
function insertActivityOnce(db: Database, rows: readonly ClinicActivityRow[]) {
  const values = sql.join(
    rows.map((row) => sql`(${row.clinicId}, ${row.kind}, ${row.occurredAt}, ${row.userId}, ${row.detail})`),
    sql`, `,
  );
  return db.run(sql`insert into ${clinicActivity} (${activityColumns})
    select column1, column2, column3, column4, column5 from (values ${values}) as incoming
    where not exists (select 1 from ${clinicActivity} as stored where stored.clinic_id = incoming.column1
      and stored.kind = incoming.column2 and stored.occurred_at = incoming.column3 and stored.detail is incoming.column5)`);
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
