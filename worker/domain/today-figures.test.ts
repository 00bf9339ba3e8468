import { describe, expect, it } from 'vitest';
import { queueEventSchema } from './queue-events.ts';
import { applyQueueEvent, openQueueDay, type QueueDay } from './queue-projection.ts';
import { countDay, countEntryChange, emptyTodayCounters, readTodayFigures, type TodayCounters } from './today-figures.ts';

const TUNIS = { clinicId: 'clinic-marsa', timezone: 'Africa/Tunis', smsUnitCostMinor: 40, serviceTargetMinutes: 30 };
const MINUTE = 60_000;
let serial = 0;

/** A Tunis wall time (UTC+1 in November) on 2026-11-24. */
const tunis = (time: string) => Date.parse(`2026-11-24T${time}:00.000+01:00`);

/** A wall time of the day and the event's body. */
type Step = readonly [string, Record<string, unknown>];

/**
 * Plays the queue app's events through the projection and moves the counters by each entry
 * change, as the ClinicQueue object does.
 */
function morning(events: readonly Step[], settings = TUNIS, day = '2026-11-24', offset = '+01:00') {
  let queue: QueueDay = openQueueDay(settings, day);
  const counters = emptyTodayCounters();
  for (const [time, body] of events) {
    serial += 1;
    const event = queueEventSchema.parse({ id: `ev-${serial}`, occurredAt: `${day}T${time}:00.000${offset}`, ...body });
    const before = 'entryId' in body ? queue.entries.get(String(body.entryId)) : undefined;
    const result = applyQueueEvent(queue, event);
    if (!result.ok) throw new Error(result.error.message);
    queue = result.state;
    if (result.changes.entry !== null) countEntryChange(counters, before, result.changes.entry.row);
  }
  return { queue, counters };
}

const present: Step = ['08:30', { type: 'doctor_presence_changed', present: true }];
const added = (time: string, entryId: string, method: 'qr' | 'manual'): Step => [time, { type: 'patient_added', entryId, method }];
const step = (time: string, type: string, entryId: string): Step => [time, { type, entryId }];

/** Amel and Karim seen (waits 20 and 30 min, consultations 12 and 14 min), Sana still waiting since 08:50. */
const TWO_SEEN_ONE_WAITING: readonly Step[] = [
  present,
  added('08:40', 'amel', 'qr'),
  added('08:45', 'karim', 'manual'),
  added('08:50', 'sana', 'qr'),
  step('09:00', 'patient_called', 'amel'),
  step('09:01', 'consultation_started', 'amel'),
  step('09:13', 'patient_completed', 'amel'),
  step('09:15', 'patient_called', 'karim'),
  step('09:16', 'consultation_started', 'karim'),
  step('09:30', 'patient_completed', 'karim'),
];

describe("the doctor's figures of today", () => {
  it('should show an empty day as zeros and unknowns, with no end estimate even when the doctor is in', () => {
    const { queue, counters } = morning([present]);
    expect(readTodayFigures(queue, counters, tunis('08:35'), null)).toEqual({
      waiting: 0,
      seenToday: 0,
      avgWaitMinutes: null,
      maxWaitMinutes: null,
      noShowsToday: 0,
      checkIns: { qr: 0, manual: 0, qrShare: null },
      avgConsultationMinutes: null,
      estimatedEndAt: null,
      doctorPresent: true,
      estimates: { called: 0, meanAbsoluteErrorMinutes: null, medianAbsoluteErrorMinutes: null, withinRangeShare: null, underQuotedShare: null },
      serviceLevel: { targetMinutes: 30, called: 0, calledWithinTarget: 0, share: null },
      unusual: [],
      asOf: '2026-11-24T07:35:00.000Z',
      timezone: 'Africa/Tunis',
      day: '2026-11-24',
    });
  });

  it('should count a morning: waits, consultations, check-ins, and the longest wait still running', () => {
    const { queue, counters } = morning(TWO_SEEN_ONE_WAITING);
    const figures = readTodayFigures(queue, counters, tunis('10:00'), null);
    expect(figures).toMatchObject({
      waiting: 1,
      seenToday: 2,
      avgWaitMinutes: 25,
      // Sana has waited 70 minutes by 10:00, longer than anyone who was called.
      maxWaitMinutes: 70,
      noShowsToday: 0,
      checkIns: { qr: 2, manual: 1, qrShare: 2 / 3 },
      avgConsultationMinutes: 13,
    });
  });

  it('should estimate the end from 15 minutes a patient while fewer than 3 consultations are done and there is no history', () => {
    const { queue, counters } = morning(TWO_SEEN_ONE_WAITING);
    expect(readTodayFigures(queue, counters, tunis('10:00'), null).estimatedEndAt).toBe('2026-11-24T10:15:00.000+01:00');
  });

  it("should prefer the clinic's 30-day mean to the default while today has fewer than 3 consultations", () => {
    const { queue, counters } = morning(TWO_SEEN_ONE_WAITING);
    expect(readTodayFigures(queue, counters, tunis('10:00'), 20 * MINUTE).estimatedEndAt).toBe('2026-11-24T10:20:00.000+01:00');
  });

  it("should use today's own mean from the third consultation on, counting the patient in consultation as ahead", () => {
    const { queue, counters } = morning([
      ...TWO_SEEN_ONE_WAITING,
      added('09:35', 'youssef', 'manual'),
      step('09:40', 'patient_called', 'sana'),
      step('09:41', 'consultation_started', 'sana'),
      step('09:51', 'patient_completed', 'sana'),
      step('09:52', 'patient_called', 'youssef'),
      step('09:53', 'consultation_started', 'youssef'),
      added('09:55', 'hela', 'qr'),
    ]);
    // Consultations of 12, 14 and 10 minutes: 12 on average; Youssef in consultation and Hela waiting are 2 ahead.
    const figures = readTodayFigures(queue, counters, tunis('10:00'), 20 * MINUTE);
    expect(figures.avgConsultationMinutes).toBe(12);
    expect(figures.estimatedEndAt).toBe('2026-11-24T10:24:00.000+01:00');
    expect(figures.waiting).toBe(1);
    expect(figures.seenToday).toBe(3);
  });

  it('should give no end estimate while the doctor is away, however many wait', () => {
    const { queue, counters } = morning([added('08:40', 'amel', 'qr'), added('08:45', 'karim', 'manual')]);
    const figures = readTodayFigures(queue, counters, tunis('09:00'), null);
    expect(figures.doctorPresent).toBe(false);
    expect(figures.waiting).toBe(2);
    expect(figures.estimatedEndAt).toBeNull();
  });

  it('should count no-shows and cancellations out of the waiting, and a patient completed without a start from the call', () => {
    const { queue, counters } = morning([
      present,
      added('08:40', 'amel', 'qr'),
      added('08:41', 'karim', 'qr'),
      added('08:42', 'sana', 'manual'),
      step('09:00', 'patient_no_show', 'amel'),
      step('09:05', 'patient_cancelled', 'karim'),
      step('09:10', 'patient_called', 'sana'),
      step('09:18', 'patient_completed', 'sana'),
    ]);
    const figures = readTodayFigures(queue, counters, tunis('09:30'), null);
    expect(figures).toMatchObject({ waiting: 0, seenToday: 1, noShowsToday: 1, avgWaitMinutes: 28, maxWaitMinutes: 28, avgConsultationMinutes: 8, estimatedEndAt: null });
    expect(figures.checkIns).toEqual({ qr: 2, manual: 1, qrShare: 2 / 3 });
  });

  it('should round minutes to a tenth', () => {
    const counters: TodayCounters = { ...emptyTodayCounters(), waitSumMs: 603_000, waitCount: 1, waitMaxMs: 603_000, consultSumMs: 100_000, consultCount: 3 };
    const figures = readTodayFigures(openQueueDay(TUNIS, '2026-11-24'), counters, tunis('10:00'), null);
    // 10 min 3 s is 10.05 minutes; 100 s over three consultations is 0.56 minutes.
    expect(figures.avgWaitMinutes).toBe(10.1);
    expect(figures.maxWaitMinutes).toBe(10.1);
    expect(figures.avgConsultationMinutes).toBe(0.6);
  });

  it("should give the end in the clinic's own offset: Paris in summer is UTC+2", () => {
    const paris = { clinicId: 'clinic-paris', timezone: 'Europe/Paris', smsUnitCostMinor: 12, serviceTargetMinutes: 30 };
    const { queue, counters } = morning([['08:00', { type: 'doctor_presence_changed', present: true }], added('09:00', 'lea', 'qr')], paris, '2026-07-01', '+02:00');
    const figures = readTodayFigures(queue, counters, Date.parse('2026-07-01T10:00:00+02:00'), null);
    expect(figures.estimatedEndAt).toBe('2026-07-01T10:15:00.000+02:00');
    expect(figures.maxWaitMinutes).toBe(60);
    expect(figures.timezone).toBe('Europe/Paris');
    expect(figures.day).toBe('2026-07-01');
  });

  it('should rebuild from the stored rows the same counters the events moved one by one', () => {
    const { queue, counters } = morning([...TWO_SEEN_ONE_WAITING, added('09:35', 'youssef', 'manual'), step('09:40', 'patient_no_show', 'youssef')]);
    expect(countDay(queue.entries.values())).toEqual(counters);
    expect(counters).toEqual({
      waiting: 1, inConsultation: 0, seen: 2, noShows: 1, checkinsQr: 2, checkinsManual: 2,
      waitSumMs: 50 * MINUTE, waitCount: 2, waitMaxMs: 30 * MINUTE, consultSumMs: 26 * MINUTE, consultCount: 2,
    });
  });
});
