/**
 * Retention: raw events, queue entries and SMS older than the window are deleted, oldest first,
 * a bounded batch per statement so no transaction holds libSQL's write lock for long. Rollups are
 * never deleted: history beyond the window stays exact.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { events, queueEntries, smsMessages } from '../schema/queue.ts';

/** The raw tables and the time each row is judged by (each has an index on it). */
const RAW_TABLES = [
  { name: 'events', table: events, at: events.occurredAt },
  { name: 'entries', table: queueEntries, at: queueEntries.checkedInAt },
  { name: 'sms', table: smsMessages, at: smsMessages.sentAt },
] as const;

export type RawTable = (typeof RAW_TABLES)[number]['name'];

/** Deletes at most `limit` rows of each raw table dated before `cutoff`; answers how many went. */
export async function deleteRawRowsBefore(db: Database, cutoff: number, limit: number): Promise<Record<RawTable, number>> {
  const results = await db.batch(
    RAW_TABLES.map(({ table, at }) =>
      db.run(sql`delete from ${table} where rowid in (select rowid from ${table} where ${at} < ${cutoff} order by ${at} limit ${limit})`),
    ) as [ReturnType<Database['run']>, ...ReturnType<Database['run']>[]],
  );
  return Object.fromEntries(RAW_TABLES.map(({ name }, index) => [name, results[index]?.rowsAffected ?? 0])) as Record<RawTable, number>;
}
