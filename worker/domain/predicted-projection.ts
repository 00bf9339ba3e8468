/**
 * The projection as every writer runs it (the ClinicQueue, the demo seed, the benches): an event
 * applied by `applyQueueEvent`, then the day's predictions stamped on the entry it changed, so
 * they are part of the row from that version on:
 * - a patient who just checked in is quoted their wait by the clinic's estimator;
 * - an entry that has just ended (called, or left uncalled) has the walk-out risks it was shown
 *   while waiting scored against what it did (walk-out-risk.ts `scoreWalkOut`), once.
 */
import type { DayModels } from './day-models.ts';
import type { QueueEvent } from './queue-events.ts';
import { applyQueueEvent, type QueueDay, type QueueEntryRow, type QueueProjectionResult } from './queue-projection.ts';
import { quoteAtCheckIn } from './wait-estimate.ts';
import { scoreWalkOut } from './walk-out-risk.ts';

export function applyQueueEventWithPredictions(state: QueueDay, event: QueueEvent, models: Pick<DayModels, 'estimator' | 'walkOut'>): QueueProjectionResult {
  const result = applyQueueEvent(state, event);
  if (!result.ok || result.changes.entry === null) return result;
  const { row, inserted } = result.changes.entry;
  const predicted = withWalkOutScore(result.state, event.type === 'patient_added' ? quoteAtCheckIn(result.state, models.estimator, row) : row, models);
  if (predicted === row) return result;
  result.state.entries.set(predicted.id, predicted);
  return { ...result, changes: { ...result.changes, entry: { row: predicted, inserted } } };
}

/** The entry with its walk-out score once it has ended; unchanged before, and after it was scored. */
function withWalkOutScore(day: QueueDay, entry: QueueEntryRow, models: Pick<DayModels, 'walkOut'>): QueueEntryRow {
  if (entry.walkOutBrier !== null) return entry;
  const score = scoreWalkOut(day.entries.values(), entry, models.walkOut, day.settings.timezone);
  return score === null ? entry : { ...entry, walkOutBrier: score.brier, walkOutBaseRateBrier: score.baseRateBrier };
}
