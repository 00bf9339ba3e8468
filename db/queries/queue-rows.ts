/** A clinic's queue rows as libSQL holds them: its entries and its SMS, for the back office. */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { queueEntries, smsMessages } from '../schema/queue.ts';

export type QueueEntryRecord = typeof queueEntries.$inferSelect;
export type SmsMessageRecord = typeof smsMessages.$inferSelect;

/** Every queue entry a clinic has kept, by id. */
export function queueEntriesOf(db: Database, clinicId: string): Promise<QueueEntryRecord[]> {
  return db.select().from(queueEntries).where(eq(queueEntries.clinicId, clinicId)).orderBy(asc(queueEntries.id));
}

/** One clinic day's queue in ticket order, as the desk saw it. */
export function queueEntriesOfDay(db: Database, clinicId: string, clinicDay: string): Promise<QueueEntryRecord[]> {
  return db
    .select()
    .from(queueEntries)
    .where(and(eq(queueEntries.clinicId, clinicId), eq(queueEntries.clinicDay, clinicDay)))
    .orderBy(asc(queueEntries.ticketNumber));
}

/** One entry of a clinic's queue. */
export async function queueEntryOf(db: Database, clinicId: string, entryId: string): Promise<QueueEntryRecord | undefined> {
  const [row] = await db.select().from(queueEntries).where(and(eq(queueEntries.clinicId, clinicId), eq(queueEntries.id, entryId)));
  return row;
}

/** Every SMS a clinic has sent or tried to send, by id. */
export function smsMessagesOf(db: Database, clinicId: string): Promise<SmsMessageRecord[]> {
  return db.select().from(smsMessages).where(eq(smsMessages.clinicId, clinicId)).orderBy(asc(smsMessages.id));
}

/** One SMS of a clinic. */
export async function smsMessageOf(db: Database, clinicId: string, smsId: string): Promise<SmsMessageRecord | undefined> {
  const [row] = await db.select().from(smsMessages).where(and(eq(smsMessages.clinicId, clinicId), eq(smsMessages.id, smsId)));
  return row;
}

/** A clinic day counted straight from its entries, in milliseconds: what a rollup of that day should say. */
export interface QueueDayTally {
  waiting: number;
  seen: number;
  noShows: number;
  qr: number;
  manual: number;
  waitAvgMs: number | null;
  /** The longest wait, a wait still running at `now` included; -1 when nobody waited. */
  waitMaxMs: number | null;
  consultAvgMs: number | null;
}

/**
 * PRODUCT.md's figures of one clinic day recomputed from its entries alone, independently of the
 * rollups: the reconciliation a back office runs when a rollup looks wrong.
 */
export async function queueDayTally(db: Database, clinicId: string, clinicDay: string, now: number): Promise<QueueDayTally> {
  const [row] = await db
    .select({
      waiting: sql<number>`coalesce(sum(${queueEntries.state} = 'waiting'), 0)`,
      seen: sql<number>`coalesce(sum(${queueEntries.state} = 'completed'), 0)`,
      noShows: sql<number>`coalesce(sum(${queueEntries.state} = 'no_show'), 0)`,
      qr: sql<number>`coalesce(sum(${queueEntries.method} = 'qr'), 0)`,
      manual: sql<number>`coalesce(sum(${queueEntries.method} = 'manual'), 0)`,
      waitAvgMs: sql<number | null>`avg(${queueEntries.calledAt} - ${queueEntries.checkedInAt})`,
      waitMaxMs: sql<number | null>`max(max(coalesce(${queueEntries.calledAt} - ${queueEntries.checkedInAt}, -1)), max(case when ${queueEntries.state} = 'waiting' then ${now} - ${queueEntries.checkedInAt} else -1 end))`,
      consultAvgMs: sql<number | null>`avg(case when ${queueEntries.completedAt} is not null then ${queueEntries.completedAt} - coalesce(${queueEntries.consultationStartedAt}, ${queueEntries.calledAt}) end)`,
    })
    .from(queueEntries)
    .where(and(eq(queueEntries.clinicId, clinicId), eq(queueEntries.clinicDay, clinicDay)));
  return row ?? { waiting: 0, seen: 0, noShows: 0, qr: 0, manual: 0, waitAvgMs: null, waitMaxMs: null, consultAvgMs: null };
}
