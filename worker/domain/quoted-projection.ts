/**
 * The projection as every writer runs it (the ClinicQueue, the demo seed, the estimates bench): an
 * event applied by `applyQueueEvent`, and a patient who just checked in quoted their wait by the
 * clinic's model, so the quote is part of the row from its first version on.
 */
import type { QueueEvent } from './queue-events.ts';
import { applyQueueEvent, type QueueDay, type QueueProjectionResult } from './queue-projection.ts';
import { quoteAtCheckIn, type EstimatorModel } from './wait-estimate.ts';

export function applyQueueEventWithQuote(state: QueueDay, event: QueueEvent, model: EstimatorModel): QueueProjectionResult {
  const result = applyQueueEvent(state, event);
  if (!result.ok || event.type !== 'patient_added' || result.changes.entry === null) return result;
  const quoted = quoteAtCheckIn(result.state, model, result.changes.entry.row);
  result.state.entries.set(quoted.id, quoted);
  return { ...result, changes: { ...result.changes, entry: { row: quoted, inserted: true } } };
}
