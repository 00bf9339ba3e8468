/**
 * Retention: raw events, queue entries and SMS older than the window are deleted, oldest first,
 * a bounded batch per statement so no transaction holds libSQL's write lock for long. Rollups are
 * never deleted: history beyond the window stays exact.
 */
import { sql } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Database } from '../client.ts';
import { events, queueEntries, smsMessages } from '../schema/queue.ts';

export type RawTable = 'events' | 'entries' | 'sms';

/** Deletes at most `limit` rows of each raw table dated before `cutoff`; answers how many went. */
export async function deleteRawRowsBefore(db: Database, cutoff: number, limit: number): Promise<Record<RawTable, number>> {
  // Each row is judged by one time, which has an index of its own.
  const oldest = (table: SQLiteTable, at: SQLiteColumn) =>
    db.run(sql`delete from ${table} where rowid in (select rowid from ${table} where ${at} < ${cutoff} order by ${at} limit ${limit})`);
  const [deletedEvents, deletedEntries, deletedSms] = await db.batch([
    oldest(events, events.occurredAt),
    oldest(queueEntries, queueEntries.checkedInAt),
    oldest(smsMessages, smsMessages.sentAt),
  ]);
  return { events: deletedEvents.rowsAffected, entries: deletedEntries.rowsAffected, sms: deletedSms.rowsAffected };
}
