/**
 * What reception does from the PWA, turned into the same events the queue app sends: one path
 * into the queue, so a walk-in added by staff counts exactly like one added by the queue app.
 */
import type { QueueEvent } from './queue-events.ts';
import type { QueueDay } from './queue-projection.ts';
import type { CheckInMethod } from './vocabulary.ts';

export type ReceptionAction =
  | { kind: 'walk_in'; method: CheckInMethod }
  | { kind: 'call_next' }
  | { kind: 'start' | 'complete' | 'no_show' | 'cancel'; entryId: string }
  | { kind: 'presence'; present: boolean };

const ENTRY_EVENT = {
  start: 'consultation_started',
  complete: 'patient_completed',
  no_show: 'patient_no_show',
  cancel: 'patient_cancelled',
} as const;

/** The event an action means now, or why there is none (nobody waiting to call). */
export function eventForAction(day: QueueDay, action: ReceptionAction, now: number, newId: () => string): QueueEvent | { refused: string } {
  const envelope = { id: `pulse-${newId()}`, occurredAt: new Date(now).toISOString() };
  switch (action.kind) {
    case 'walk_in':
      return { ...envelope, type: 'patient_added', entryId: `walkin-${newId()}`, method: action.method };
    case 'call_next': {
      let next: { id: string; ticketNumber: number } | undefined;
      for (const entry of day.entries.values()) {
        if (entry.state === 'waiting' && (next === undefined || entry.ticketNumber < next.ticketNumber)) next = entry;
      }
      return next === undefined ? { refused: 'Nobody is waiting' } : { ...envelope, type: 'patient_called', entryId: next.id };
    }
    case 'presence':
      return { ...envelope, type: 'doctor_presence_changed', present: action.present };
    default:
      return { ...envelope, type: ENTRY_EVENT[action.kind], entryId: action.entryId };
  }
}
