import { addClinicDays, clinicDayOf } from '../domain/clinic-time.ts';
import { entryIdOf, occurredAtMs, storedEventOf, type QueueEvent } from '../domain/queue-events.ts';
import type { IngestAnswer, RefusedEvent } from '../domain/ingest-batch.ts';
import { applyQueueEventWithPredictions } from '../domain/predicted-projection.ts';
import { countEntryChange } from '../domain/today-figures.ts';
import type { IngestTally } from '../metrics/ingest-tally.ts';
import { closeDay, saveDayMeta, SEEN_EVENT_DAYS, type LoadedQueue } from './loaded-queue.ts';
import { addToOutbox, hasSeenEvent, markEventSeen, putEntry, putSms } from './storage.ts';

/** An event dated further ahead than this is refused: clocks drift, but not by hours. */
export const MAX_FUTURE_SKEW_MS = 5 * 60_000;

/** The queue's side of the answer; the refusals are the ones only the day's state can tell. */
export interface IngestOutcome extends IngestAnswer {
  /** The clinic is archived: nothing was applied, and its keys must no longer be honoured. */
  archived: boolean;
  rejected: Array<RefusedEvent & { error: { code: 'INVALID_TRANSITION' | 'VALIDATION_FAILED' } }>;
}

export interface EventBatch {
  clinicId: string;
  /** In the order things happened: reordering within a batch must not matter. */
  events: readonly QueueEvent[];
  /** The caller's clock. */
  now: number;
}

/**
 * Applies a batch in one storage transaction: each id once, each event checked against the clock
 * and the days still remembered, every accepted change stored and added to the outbox. Memory
 * (`queue`) changes as it goes; when this throws, storage rolled back and the caller reloads.
 */
export function applyEventBatch(storage: DurableObjectStorage, queue: LoadedQueue, batch: EventBatch, outcome: IngestOutcome, tally: IngestTally): void {
  const { clinicId, now } = batch;
  const sql = storage.sql;
  const oldestAccepted = addClinicDays(queue.day.day, -(SEEN_EVENT_DAYS - 1));
  storage.transactionSync(() => {
    for (const event of batch.events) {
      if (hasSeenEvent(sql, event.id)) {
        outcome.duplicates += 1;
        continue;
      }
      const at = occurredAtMs(event);
      if (at > now + MAX_FUTURE_SKEW_MS) {
        outcome.rejected.push({ id: event.id, error: { code: 'VALIDATION_FAILED', message: `occurredAt ${event.occurredAt} is in the future` } });
        continue;
      }
      if (clinicDayOf(at, queue.day.settings.timezone) < oldestAccepted) {
        outcome.rejected.push({ id: event.id, error: { code: 'VALIDATION_FAILED', message: `occurredAt ${event.occurredAt} is older than ${SEEN_EVENT_DAYS} clinic days` } });
        continue;
      }
      const entryId = entryIdOf(event);
      const before = entryId === null ? undefined : queue.day.entries.get(entryId);
      const result = applyQueueEventWithPredictions(queue.day, event, queue.models);
      if (!result.ok) {
        outcome.rejected.push({ id: event.id, error: result.error });
        continue;
      }
      // The first event after midnight opened a new day; its counters already include it.
      const dayChanged = result.state !== queue.day;
      if (dayChanged) tally.closedUnfinished(closeDay(sql, queue, result.state, now));
      const { entry, sms, activity } = result.changes;
      tally.accepted(event, before?.state, result.changes);
      if (entry) {
        if (!dayChanged) countEntryChange(queue.counters, entry.inserted ? undefined : before, entry.row);
        putEntry(sql, entry.row);
        addToOutbox(sql, 'entry', entry.row, now);
      }
      if (sms) {
        putSms(sql, sms.row);
        addToOutbox(sql, 'sms', sms.row, now);
      }
      if (activity) addToOutbox(sql, 'activity', activity, now);
      addToOutbox(sql, 'event', storedEventOf(clinicId, event, now), now);
      markEventSeen(sql, event.id, clinicDayOf(at, queue.day.settings.timezone));
      outcome.accepted += 1;
    }
    saveDayMeta(sql, queue);
  });
}
