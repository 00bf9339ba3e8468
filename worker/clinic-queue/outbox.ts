import type { QueueWrite } from '../../db/queries/queue-writes.ts';
import type { QueueDay } from '../domain/queue-projection.ts';
import { rollupsOfDay } from './rollups.ts';
import { dropOutboxThrough, readOutbox } from './storage.ts';

/** Rows per batch handed to the committer: one call carries many events, yet its transaction stays short. */
const ROWS_PER_FLUSH = 500;
/** Waiting between retries while libSQL fails: doubles from 0.5 s, at most 30 s. */
const MAX_RETRY_DELAY_MS = 30_000;
/**
 * Write-behind gathers what arrives within this delay into one libSQL transaction: a busy clinic
 * costs a few writes a second, not one per event. It is also how far libSQL lags the live figures.
 */
export const FLUSH_GATHER_MS = 100;

export function nextFlushDelayMs(failures: number): number {
  return failures === 0 ? FLUSH_GATHER_MS : Math.min(MAX_RETRY_DELAY_MS, 500 * 2 ** (failures - 1));
}

/**
 * Writes the outbox to libSQL, oldest first, each batch with today's rollups as they stand, and
 * forgets a batch only once libSQL has it. Every row is written by key (insert-or-ignore for
 * events and activity, whole-row upserts otherwise), so a batch sent twice — libSQL committed,
 * then we crashed before forgetting it — leaves libSQL exactly as sending it once.
 */
export async function flushOutbox(sql: SqlStorage, save: (write: QueueWrite) => Promise<void>, today: QueueDay, now: number): Promise<void> {
  for (;;) {
    const batch = readOutbox(sql, ROWS_PER_FLUSH);
    if (batch === undefined) return;
    const todays = rollupsOfDay(today, now);
    await save({
      events: batch.events,
      entries: batch.entries,
      sms: batch.sms,
      activity: batch.activity,
      daily: [...batch.daily, ...todays.daily],
      hourly: [...batch.hourly, ...todays.hourly],
    });
    dropOutboxThrough(sql, batch.lastSeq);
  }
}
