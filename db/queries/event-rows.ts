/** The raw events a clinic's queue app sent, as libSQL keeps them: for replays and for the back office. */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { events } from '../schema/queue.ts';

export type StoredEventRecord = typeof events.$inferSelect;

/** Events whose id starts with `idPrefix` (a simulator's, a test story's), exactly: LIKE would fold case and read `_` as a wildcard. */
const withPrefix = (idPrefix: string | undefined) => (idPrefix === undefined ? undefined : sql`substr(${events.id}, 1, length(${idPrefix})) = ${idPrefix}`);

/** A clinic's stored events in the order they happened (ties by id): the input of a replay. */
export function storedEventsOf(db: Database, clinicId: string, narrow: { idPrefix?: string } = {}): Promise<StoredEventRecord[]> {
  return db
    .select()
    .from(events)
    .where(and(eq(events.clinicId, clinicId), withPrefix(narrow.idPrefix)))
    .orderBy(asc(events.occurredAt), asc(events.id));
}

/** One stored event of any clinic, by id. */
export function storedEventsWithId(db: Database, id: string): Promise<StoredEventRecord[]> {
  return db.select().from(events).where(eq(events.id, id));
}

/** How many event rows a clinic holds and how many distinct ids: equal when no retry stored an event twice. */
export async function storedEventTally(db: Database, clinicId: string, narrow: { idPrefix?: string } = {}): Promise<{ rows: number; distinctIds: number }> {
  const [row] = await db
    .select({ rows: sql<number>`count(*)`, distinctIds: sql<number>`count(distinct ${events.id})` })
    .from(events)
    .where(and(eq(events.clinicId, clinicId), withPrefix(narrow.idPrefix)));
  return row ?? { rows: 0, distinctIds: 0 };
}
