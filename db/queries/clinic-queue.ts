import { and, eq, gte, lt, sql } from 'drizzle-orm';
import type { Database } from '../client.ts';
import type { ModelHistoryEntry } from '../../worker/domain/past-entry.ts';
import { events, queueEntries } from '../schema/queue.ts';
import { dailyRollups } from '../schema/rollups.ts';

/** Ids of a clinic's events since `since`: what a rebuilt ClinicQueue must still recognise as resends. */
export async function recentEventIds(db: Database, clinicId: string, since: number): Promise<Array<{ id: string; occurredAt: number }>> {
  return db
    .select({ id: events.id, occurredAt: events.occurredAt })
    .from(events)
    .where(and(eq(events.clinicId, clinicId), gte(events.occurredAt, since)));
}

/**
 * The clinic's mean consultation over the clinic days `[fromDay, toDay)` from its rollups, or null
 * with no consultation then (PRODUCT: the estimated end's fallback).
 */
export async function meanConsultationMs(db: Database, clinicId: string, fromDay: string, toDay: string): Promise<number | null> {
  const [row] = await db
    .select({
      sum: sql<number>`coalesce(sum(${dailyRollups.consultSumMs}), 0)`,
      count: sql<number>`coalesce(sum(${dailyRollups.consultCount}), 0)`,
    })
    .from(dailyRollups)
    .where(and(eq(dailyRollups.clinicId, clinicId), gte(dailyRollups.day, fromDay), lt(dailyRollups.day, toDay)));
  return row !== undefined && row.count > 0 ? row.sum / row.count : null;
}

/**
 * What the wait estimator learns from (worker/domain/wait-estimate.ts): the clinic's entries of the
 * clinic days `[fromDay, toDay)`, the few columns it reads. Uses the clinic/day index.
 */
export async function pastEntriesForEstimates(db: Database, clinicId: string, fromDay: string, toDay: string): Promise<ModelHistoryEntry[]> {
  return db
    .select({
      id: queueEntries.id,
      clinicDay: queueEntries.clinicDay,
      state: queueEntries.state,
      checkedInAt: queueEntries.checkedInAt,
      calledAt: queueEntries.calledAt,
      completedAt: queueEntries.completedAt,
      noShowAt: queueEntries.noShowAt,
      quoteWaitMinutes: queueEntries.quoteWaitMinutes,
      method: queueEntries.method,
      cancelledAt: queueEntries.cancelledAt,
      unfinishedAt: queueEntries.unfinishedAt,
    })
    .from(queueEntries)
    .where(and(eq(queueEntries.clinicId, clinicId), gte(queueEntries.clinicDay, fromDay), lt(queueEntries.clinicDay, toDay)));
}
