import { describe, expect, it } from 'vitest';
import { queueEventSchema, type QueueEvent } from './queue-events.ts';
import { applyQueueEvent, closeUnfinishedEntries, openQueueDay, restoreQueueDay, type QueueDay, type QueueProjectionResult } from './queue-projection.ts';

const SETTINGS = { clinicId: 'clinic-marsa', timezone: 'Africa/Tunis', smsUnitCostMinor: 40, serviceTargetMinutes: 30 };
let serial = 0;

/** An event at a Tunis wall time on 2026-11-24 (UTC+1). */
function at(time: string, body: Record<string, unknown>, day = '2026-11-24'): QueueEvent {
  serial += 1;
  // Parsed like the ingestion route does: the projection's input is always a valid event.
  return queueEventSchema.parse({ id: `ev-${serial}`, occurredAt: `${day}T${time}:00.000+01:00`, ...body });
}

function play(queue: QueueDay, events: QueueEvent[]): { queue: QueueDay; results: QueueProjectionResult[] } {
  const results: QueueProjectionResult[] = [];
  for (const event of events) {
    const result = applyQueueEvent(queue, event);
    results.push(result);
    if (result.ok) queue = result.state;
  }
  return { queue, results };
}

const tunis = (time: string, day = '2026-11-24') => Date.parse(`${day}T${time}:00.000+01:00`);

describe('a morning at Cabinet Dr Ben Salah', () => {
  it('should number tickets from 1 and walk a patient from waiting to completed', () => {
    const { queue, results } = play(openQueueDay(SETTINGS, '2026-11-24'), [
      at('08:40', { type: 'patient_added', entryId: 'amel', method: 'qr' }),
      at('08:45', { type: 'patient_added', entryId: 'karim', method: 'manual' }),
      at('09:00', { type: 'patient_called', entryId: 'amel' }),
      at('09:01', { type: 'consultation_started', entryId: 'amel' }),
      at('09:13', { type: 'patient_completed', entryId: 'amel' }),
    ]);
    expect(results.every((result) => result.ok)).toBe(true);
    expect(queue.entries.get('amel')).toEqual({
      clinicId: 'clinic-marsa',
      id: 'amel',
      clinicDay: '2026-11-24',
      ticketNumber: 1,
      method: 'qr',
      state: 'completed',
      appointmentAt: null,
      checkedInAt: tunis('08:40'),
      calledAt: tunis('09:00'),
      consultationStartedAt: tunis('09:01'),
      completedAt: tunis('09:13'),
      noShowAt: null,
      cancelledAt: null,
      unfinishedAt: null,
      // The projection alone quotes nothing: quotes are stamped by predicted-projection.ts.
      quoteWaitMinutes: null,
      quoteLowMinutes: null,
      quoteHighMinutes: null,
      quotedAt: null,
      walkOutBrier: null,
      walkOutBaseRateBrier: null,
      updatedAt: tunis('09:13'),
    });
    expect(queue.entries.get('karim')?.ticketNumber).toBe(2);
    expect(queue.entries.get('karim')?.state).toBe('waiting');
  });

  it('should report the rows each event changes', () => {
    const queue = openQueueDay(SETTINGS, '2026-11-24');
    const added = applyQueueEvent(queue, at('08:40', { type: 'patient_added', entryId: 'amel', method: 'qr', appointmentAt: '2026-11-24T09:00:00+01:00' }));
    expect(added.ok && added.changes.entry?.inserted).toBe(true);
    expect(added.ok && added.changes.entry?.row.appointmentAt).toBe(tunis('09:00'));
    expect(added.ok && added.changes.activity).toEqual({
      clinicId: 'clinic-marsa',
      kind: 'patient_added',
      occurredAt: tunis('08:40'),
      userId: null,
      detail: '{"entryId":"amel","ticket":1,"method":"qr"}',
    });
    const called = applyQueueEvent(queue, at('09:00', { type: 'patient_called', entryId: 'amel' }));
    expect(called.ok && called.changes.entry?.inserted).toBe(false);
    expect(called.ok && called.changes.activity?.kind).toBe('patient_called');
    const started = applyQueueEvent(queue, at('09:01', { type: 'consultation_started', entryId: 'amel' }));
    expect(started.ok && started.changes.activity).toBe(null);
  });

  it('should let a called patient be completed without a consultation start', () => {
    const { queue, results } = play(openQueueDay(SETTINGS, '2026-11-24'), [
      at('10:00', { type: 'patient_added', entryId: 'sami', method: 'manual' }),
      at('10:20', { type: 'patient_called', entryId: 'sami' }),
      at('10:35', { type: 'patient_completed', entryId: 'sami' }),
    ]);
    expect(results.map((result) => result.ok)).toEqual([true, true, true]);
    expect(queue.entries.get('sami')).toMatchObject({ state: 'completed', consultationStartedAt: null, completedAt: tunis('10:35') });
  });

  it('should let a waiting patient be cancelled or marked no-show, and a called one marked no-show', () => {
    const { queue, results } = play(openQueueDay(SETTINGS, '2026-11-24'), [
      at('10:00', { type: 'patient_added', entryId: 'a', method: 'qr' }),
      at('10:01', { type: 'patient_added', entryId: 'b', method: 'qr' }),
      at('10:02', { type: 'patient_added', entryId: 'c', method: 'qr' }),
      at('10:30', { type: 'patient_cancelled', entryId: 'a' }),
      at('10:31', { type: 'patient_no_show', entryId: 'b' }),
      at('10:32', { type: 'patient_called', entryId: 'c' }),
      at('10:36', { type: 'patient_no_show', entryId: 'c' }),
    ]);
    expect(results.every((result) => result.ok)).toBe(true);
    expect([...queue.entries.values()].map((entry) => [entry.id, entry.state])).toEqual([
      ['a', 'cancelled'],
      ['b', 'no_show'],
      ['c', 'no_show'],
    ]);
    expect(queue.entries.get('c')?.noShowAt).toBe(tunis('10:36'));
  });

  it('should refuse impossible transitions as values, leaving the queue as it was', () => {
    const { queue } = play(openQueueDay(SETTINGS, '2026-11-24'), [
      at('10:00', { type: 'patient_added', entryId: 'a', method: 'qr' }),
      at('10:05', { type: 'patient_cancelled', entryId: 'a' }),
      at('10:06', { type: 'patient_added', entryId: 'b', method: 'qr' }),
    ]);
    const before = structuredClone([...queue.entries.values()]);
    const refusals: [QueueEvent, RegExp][] = [
      [at('10:10', { type: 'patient_completed', entryId: 'ghost' }), /ghost is not in the queue/],
      [at('10:10', { type: 'patient_called', entryId: 'a' }), /a is cancelled, expected waiting/],
      [at('10:10', { type: 'consultation_started', entryId: 'b' }), /b is waiting, expected called/],
      [at('10:10', { type: 'patient_completed', entryId: 'b' }), /expected called or in_consultation/],
      [at('10:10', { type: 'patient_added', entryId: 'b', method: 'manual' }), /already in the queue/],
      [at('10:00', { type: 'patient_called', entryId: 'b' }), /changed later than/],
      [at('10:10', { type: 'sms_status', smsId: 'never', status: 'delivered' }), /never sent/],
      [at('10:10', { type: 'sms_sent', smsId: 's1', entryId: 'ghost', kind: 'your_turn' }), /ghost is not in the queue/],
      [at('23:00', { type: 'patient_called', entryId: 'b' }, '2026-11-23'), /before 2026-11-24, which is closed/],
    ];
    for (const [event, message] of refusals) {
      const result = applyQueueEvent(queue, event);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('INVALID_TRANSITION');
        expect(result.error.message).toMatch(message);
      }
    }
    expect([...queue.entries.values()]).toEqual(before);
    expect(queue.nextTicketNumber).toBe(3);
  });

  it('should record SMS at the clinic price and their delivery reports once', () => {
    const { queue, results } = play(openQueueDay(SETTINGS, '2026-11-24'), [
      at('09:00', { type: 'patient_added', entryId: 'a', method: 'qr' }),
      at('09:00', { type: 'sms_sent', smsId: 's1', entryId: 'a', kind: 'queue_joined' }),
      at('09:01', { type: 'sms_status', smsId: 's1', status: 'failed' }),
      at('09:02', { type: 'sms_status', smsId: 's1', status: 'delivered' }),
      at('09:03', { type: 'sms_sent', smsId: 's1', kind: 'your_turn' }),
    ]);
    expect(results.map((result) => result.ok)).toEqual([true, true, true, false, false]);
    expect(queue.sms.get('s1')).toEqual({
      clinicId: 'clinic-marsa',
      id: 's1',
      entryId: 'a',
      kind: 'queue_joined',
      status: 'failed',
      costMinor: 40,
      sentAt: tunis('09:00'),
      statusAt: tunis('09:01'),
    });
  });

  it('should keep logins on the timeline even when they arrive late', () => {
    const queue = openQueueDay(SETTINGS, '2026-11-24');
    const late = applyQueueEvent(queue, at('22:00', { type: 'clinic_login', platform: 'mobile' }, '2026-11-20'));
    expect(late.ok && late.changes.activity).toEqual({
      clinicId: 'clinic-marsa',
      kind: 'clinic_login',
      occurredAt: tunis('22:00', '2026-11-20'),
      userId: null,
      detail: '{"platform":"mobile"}',
    });
  });
});

describe('the clinic day boundary', () => {
  it("should open a new day at the clinic's midnight: tickets restart, yesterday's entries drop out", () => {
    const { queue: evening } = play(openQueueDay(SETTINGS, '2026-11-24'), [
      at('18:00', { type: 'doctor_presence_changed', present: true }),
      at('18:10', { type: 'patient_added', entryId: 'late-1', method: 'qr' }),
      at('18:20', { type: 'patient_added', entryId: 'late-2', method: 'qr' }),
    ]);
    // 23:30 UTC on the 24th is already 00:30 on the 25th in Tunis.
    const next = applyQueueEvent(evening, {
      id: 'ev-midnight',
      occurredAt: '2026-11-24T23:30:00Z',
      type: 'patient_added',
      entryId: 'early',
      method: 'manual',
    });
    expect(next.ok).toBe(true);
    if (!next.ok) return;
    expect(next.state).not.toBe(evening);
    expect(next.state.day).toBe('2026-11-25');
    expect(next.state.doctorPresent).toBe(true);
    expect(next.changes.entry?.row).toMatchObject({ clinicDay: '2026-11-25', ticketNumber: 1 });
    expect([...next.state.entries.keys()]).toEqual(['early']);
    // The evening queue itself is untouched: the caller keeps or drops it.
    expect(evening.entries.size).toBe(2);
    const tooLate = applyQueueEvent(next.state, at('18:30', { type: 'patient_called', entryId: 'late-1' }));
    expect(tooLate.ok).toBe(false);
  });

  it('should not roll the day over for an event that is refused', () => {
    const queue = openQueueDay(SETTINGS, '2026-11-24');
    const refused = applyQueueEvent(queue, at('09:00', { type: 'patient_called', entryId: 'nobody' }, '2026-11-25'));
    expect(refused.ok).toBe(false);
    expect(queue.day).toBe('2026-11-24');
  });

  it('should rebuild a day from stored rows and continue numbering after the highest ticket', () => {
    const { queue } = play(openQueueDay(SETTINGS, '2026-11-24'), [
      at('09:00', { type: 'patient_added', entryId: 'a', method: 'qr' }),
      at('09:01', { type: 'patient_added', entryId: 'b', method: 'qr' }),
      at('09:02', { type: 'sms_sent', smsId: 's1', entryId: 'b', kind: 'queue_joined' }),
    ]);
    const rebuilt = restoreQueueDay(SETTINGS, '2026-11-24', { entries: queue.entries.values(), sms: queue.sms.values(), doctorPresent: false });
    const added = applyQueueEvent(rebuilt, at('09:05', { type: 'patient_added', entryId: 'c', method: 'manual' }));
    expect(added.ok && added.changes.entry?.row.ticketNumber).toBe(3);
    expect(applyQueueEvent(rebuilt, at('09:06', { type: 'sms_status', smsId: 's1', status: 'delivered' })).ok).toBe(true);
  });

  it("should close the entries still open at the clinic's midnight as unfinished, and leave finished ones alone", () => {
    const { queue } = play(openQueueDay(SETTINGS, '2026-11-24'), [
      at('17:00', { type: 'patient_added', entryId: 'seen', method: 'qr' }),
      at('17:01', { type: 'patient_added', entryId: 'called', method: 'qr' }),
      at('17:02', { type: 'patient_added', entryId: 'consulting', method: 'qr' }),
      at('17:03', { type: 'patient_added', entryId: 'waiting', method: 'manual' }),
      at('17:04', { type: 'patient_added', entryId: 'left', method: 'manual' }),
      at('17:10', { type: 'patient_called', entryId: 'seen' }),
      at('17:20', { type: 'patient_completed', entryId: 'seen' }),
      at('17:30', { type: 'patient_called', entryId: 'consulting' }),
      at('17:31', { type: 'consultation_started', entryId: 'consulting' }),
      at('17:40', { type: 'patient_called', entryId: 'called' }),
      at('17:50', { type: 'patient_cancelled', entryId: 'left' }),
    ]);
    const midnight = tunis('00:00', '2026-11-25');
    const closed = closeUnfinishedEntries(queue);
    expect(closed.map((row) => row.id).sort()).toEqual(['called', 'consulting', 'waiting']);
    for (const row of closed) expect(row).toMatchObject({ state: 'unfinished', unfinishedAt: midnight, updatedAt: midnight, completedAt: null });
    expect(queue.entries.get('waiting')?.state).toBe('unfinished');
    expect(queue.entries.get('seen')).toMatchObject({ state: 'completed', unfinishedAt: null });
    expect(queue.entries.get('left')).toMatchObject({ state: 'cancelled', unfinishedAt: null });
    // Closed once: nothing is left open to close again.
    expect(closeUnfinishedEntries(queue)).toEqual([]);
  });
});
