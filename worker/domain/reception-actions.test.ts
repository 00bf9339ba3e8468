import { describe, expect, it } from 'vitest';
import { queueEventSchema } from './queue-events.ts';
import { applyQueueEvent, openQueueDay, restoreQueueDay, type QueueEntryRow } from './queue-projection.ts';
import { eventForAction } from './reception-actions.ts';

const SETTINGS = { clinicId: 'clinic-marsa', timezone: 'Africa/Tunis', smsUnitCostMinor: 40, serviceTargetMinutes: 30 };
const NOW = Date.parse('2026-11-24T09:30:00.000+01:00');

/** Ids as a counter hands them out, so an event's ids are known in advance. */
function counterIds(): () => string {
  let next = 0;
  return () => String((next += 1));
}

function entry(id: string, ticketNumber: number, state: QueueEntryRow['state']): QueueEntryRow {
  const checkedInAt = NOW - (10 - ticketNumber) * 60_000;
  return {
    clinicId: SETTINGS.clinicId, id, clinicDay: '2026-11-24', ticketNumber, method: 'qr', state, appointmentAt: null, checkedInAt,
    calledAt: state === 'waiting' ? null : checkedInAt + 1, consultationStartedAt: null, completedAt: state === 'completed' ? checkedInAt + 2 : null,
    noShowAt: null, cancelledAt: null, unfinishedAt: null, quoteWaitMinutes: null, quoteLowMinutes: null, quoteHighMinutes: null, quotedAt: null, walkOutBrier: null, walkOutBaseRateBrier: null, updatedAt: checkedInAt + 2,
  };
}

/** Tickets 1–5 of the morning, stored out of ticket order: 1 seen, 2 in the doctor's room, 3 to 5 waiting. */
const MORNING = restoreQueueDay(SETTINGS, '2026-11-24', {
  entries: [entry('t5', 5, 'waiting'), entry('t1', 1, 'completed'), entry('t4', 4, 'waiting'), entry('t2', 2, 'called'), entry('t3', 3, 'waiting')],
  sms: [],
  doctorPresent: true,
});

describe('what reception does, as queue events', () => {
  it('should add a walk-in as the queue app would, with fresh ids, dated now', () => {
    expect(eventForAction(MORNING, { kind: 'walk_in', method: 'manual' }, NOW, counterIds())).toEqual({
      id: 'pulse-1',
      occurredAt: '2026-11-24T08:30:00.000Z',
      type: 'patient_added',
      entryId: 'walkin-2',
      method: 'manual',
    });
  });

  it('should call the waiting patient with the lowest ticket, whatever order the entries are kept in', () => {
    expect(eventForAction(MORNING, { kind: 'call_next' }, NOW, counterIds())).toEqual({
      id: 'pulse-1', occurredAt: '2026-11-24T08:30:00.000Z', type: 'patient_called', entryId: 't3',
    });
  });

  it('should refuse to call anyone when nobody is waiting, on an empty day as after the last patient', () => {
    expect(eventForAction(openQueueDay(SETTINGS, '2026-11-24'), { kind: 'call_next' }, NOW, counterIds())).toEqual({ refused: 'Nobody is waiting' });
    const seen = restoreQueueDay(SETTINGS, '2026-11-24', { entries: [entry('t1', 1, 'completed'), entry('t2', 2, 'called')], sms: [], doctorPresent: true });
    expect(eventForAction(seen, { kind: 'call_next' }, NOW, counterIds())).toEqual({ refused: 'Nobody is waiting' });
  });

  it('should turn each step of one patient into its event', () => {
    const eventOf = (kind: 'start' | 'complete' | 'no_show' | 'cancel') => {
      const event = eventForAction(MORNING, { kind, entryId: 't2' }, NOW, counterIds());
      return 'type' in event ? [event.type, 'entryId' in event ? event.entryId : undefined] : event;
    };
    expect(eventOf('start')).toEqual(['consultation_started', 't2']);
    expect(eventOf('complete')).toEqual(['patient_completed', 't2']);
    expect(eventOf('no_show')).toEqual(['patient_no_show', 't2']);
    expect(eventOf('cancel')).toEqual(['patient_cancelled', 't2']);
  });

  it("should say when the doctor arrives or leaves", () => {
    expect(eventForAction(MORNING, { kind: 'presence', present: false }, NOW, counterIds())).toEqual({
      id: 'pulse-1', occurredAt: '2026-11-24T08:30:00.000Z', type: 'doctor_presence_changed', present: false,
    });
  });

  it('should make events the ingestion schema accepts and the queue takes: a walk-in gets the next ticket', () => {
    const queue = restoreQueueDay(SETTINGS, '2026-11-24', { entries: [...MORNING.entries.values()], sms: [], doctorPresent: true });
    const walkIn = eventForAction(queue, { kind: 'walk_in', method: 'qr' }, NOW, counterIds());
    if ('refused' in walkIn) throw new Error(walkIn.refused);
    const result = applyQueueEvent(queue, queueEventSchema.parse(walkIn));
    expect(result.ok && result.changes.entry?.row).toMatchObject({ id: 'walkin-2', ticketNumber: 6, state: 'waiting', checkedInAt: NOW });
    const call = eventForAction(queue, { kind: 'call_next' }, NOW + 1_000, counterIds());
    if ('refused' in call) throw new Error(call.refused);
    expect(applyQueueEvent(queue, queueEventSchema.parse(call)).ok).toBe(true);
    expect(queue.entries.get('t3')?.state).toBe('called');
  });
});
