import { describe, expect, it } from 'vitest';
import { openQueueDay, type QueueDay, type QueueEntryRow } from './queue-projection.ts';
import {
  DEFAULT_RESIDUALS,
  defaultEstimatorModel,
  estimateWaits,
  fitEstimatorModel,
  plannedIntervalMs,
  quoteAtCheckIn,
  type EstimatorModel,
  type PastDay,
} from './wait-estimate.ts';

const MINUTE = 60_000;
const TUESDAY = '2026-11-24';
const SETTINGS = { clinicId: 'cabinet-marsa', timezone: 'Africa/Tunis', smsUnitCostMinor: 40, serviceTargetMinutes: 30 };
/** A Tunis wall time (UTC+1 all year) as an instant. */
const tunis = (time: string, day = TUESDAY) => Date.parse(`${day}T${time}:00.000+01:00`);
/** Minutes since midnight of a wall time, as the model keeps sessions. */
const wall = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

let ticket = 0;
/** A patient of `day` checked in at `checkIn`, waiting unless `change` says otherwise. */
function patient(id: string, checkIn: string, change: Partial<QueueEntryRow> = {}, day = TUESDAY): QueueEntryRow {
  ticket += 1;
  return {
    clinicId: SETTINGS.clinicId, id, clinicDay: day, ticketNumber: ticket, method: 'qr', state: 'waiting', appointmentAt: null,
    checkedInAt: tunis(checkIn, day), calledAt: null, consultationStartedAt: null, completedAt: null, noShowAt: null, cancelledAt: null,
    unfinishedAt: null, quoteWaitMinutes: null, quoteLowMinutes: null, quoteHighMinutes: null, quotedAt: null, walkOutBrier: null, walkOutBaseRateBrier: null,
    updatedAt: tunis(checkIn, day),
    ...change,
  };
}

/** Seen from `call` to `done` (wall times of the patient's day). */
const seen = (call: string, done: string, day = TUESDAY): Partial<QueueEntryRow> => ({ state: 'completed', calledAt: tunis(call, day), completedAt: tunis(done, day) });

function queueOf(entries: QueueEntryRow[], doctorPresent: boolean): QueueDay {
  const day = openQueueDay(SETTINGS, TUESDAY, doctorPresent);
  for (const entry of entries) day.entries.set(entry.id, entry);
  return day;
}

/** A model that plans 12 minutes a patient, nobody walking out, with a ±known range. */
function model(change: Partial<EstimatorModel> = {}): EstimatorModel {
  return { ...defaultEstimatorModel(), intervalMs: 12 * MINUTE, intervalSamples: 200, residualLow: -0.2, residualHigh: 0.4, calibrationSize: 300, ...change };
}

/** The estimates as `id: wait (low–high) at HH:MM`, to read like the reception list. */
function read(estimates: ReturnType<typeof estimateWaits>): string[] {
  return [...estimates].map(([id, { waitMinutes, lowMinutes, highMinutes, callAt }]) => {
    const time = new Date(callAt + 60 * MINUTE).toISOString().slice(11, 16);
    return `${id}: ${waitMinutes} (${lowMinutes}–${highMinutes}) at ${time}`;
  });
}

/** Three past Tuesdays: a morning from 08:30, 08:40 or 08:50 (patients waiting from 08:00) to 12:30, and an afternoon from 15:00. */
const usualTuesdays: PastDay[] = ['08:30', '08:40', '08:50'].map((start) => ({
  weekday: 2,
  sessions: [
    [wall('08:00'), wall(start), wall('12:30')],
    [wall('14:30'), wall('15:00'), wall('19:00')],
  ],
}));

describe('wait estimates on a Tuesday morning in La Marsa', () => {
  it('should estimate nothing when nobody waits', () => {
    expect(estimateWaits(queueOf([], true), model(), tunis('09:00')).size).toBe(0);
    const onlyWithTheDoctor = queueOf([patient('amel', '08:50', { state: 'in_consultation', calledAt: tunis('09:00') })], true);
    expect(estimateWaits(onlyWithTheDoctor, model(), tunis('09:05')).size).toBe(0);
  });

  it('should place three waiting patients one interval apart, after the rest of the consultation under way', () => {
    const queue = queueOf(
      [
        patient('amel', '08:50', { state: 'in_consultation', calledAt: tunis('09:00') }),
        patient('karim', '09:01'),
        patient('sonia', '09:02'),
        patient('hedi', '09:04'),
      ],
      true,
    );
    // 12 minutes a patient; Amel has been in for 5, so 7 more. Ranges: point −20 % … +40 % of (point + 10).
    expect(read(estimateWaits(queue, model(), tunis('09:05')))).toEqual([
      'karim: 7 (3–14) at 09:12',
      'sonia: 19 (13–31) at 09:24',
      'hedi: 31 (22–48) at 09:36',
    ]);
    // A consultation already long still counts for a third of an interval: 4 minutes, not 0.
    expect(read(estimateWaits(queue, model(), tunis('09:20')))[0]).toBe('karim: 4 (1–10) at 09:24');
  });

  it("should plan with today's pace, weighed against the clinic's history", () => {
    // Sixteen patients seen every 10 minutes this morning: 15 intervals of 10 against the history's 12, worth 15 of them.
    const morning = Array.from({ length: 16 }, (_, index) => {
      const call = tunis('08:30') + index * 10 * MINUTE;
      return patient(`p${index}`, '08:20', { state: 'completed', calledAt: call, completedAt: call + 9 * MINUTE });
    });
    expect(plannedIntervalMs(queueOf(morning, true), model())).toBe(11 * MINUTE);
    // A clinic without history plans with PRODUCT's 15 minutes until today says otherwise.
    expect(plannedIntervalMs(queueOf([], true), defaultEstimatorModel())).toBe(15 * MINUTE);
  });

  it('should resume calls at the usual start while the doctor is away, and from now once back', () => {
    const early = [patient('amel', '08:05'), patient('karim', '08:10')];
    // Not started yet at 08:10: on past Tuesdays with patients waiting then, calls began at 08:40 (the median).
    expect(read(estimateWaits(queueOf(early, false), model({ days: usualTuesdays }), tunis('08:10')))).toEqual([
      'amel: 30 (22–46) at 08:40',
      'karim: 42 (31–63) at 08:52',
    ]);
    // The doctor arrives at 08:25: calls start now.
    expect(read(estimateWaits(queueOf(early, true), model({ days: usualTuesdays }), tunis('08:25')))).toEqual([
      'amel: 0 (0–4) at 08:25',
      'karim: 12 (7–21) at 08:37',
    ]);
    // At 10:00 the doctor steps out with Karim still waiting: on no past Tuesday was the doctor away then, so a short break.
    const midMorning = [patient('amel', '08:05', seen('08:25', '08:37')), patient('karim', '08:10')];
    expect(read(estimateWaits(queueOf(midMorning, false), model({ days: usualTuesdays }), tunis('10:00')))).toEqual(['karim: 0 (0–4) at 10:00']);
  });

  it('should push a late-morning patient to the afternoon when the doctor usually stops at 12:30 with patients left waiting', () => {
    // On past Tuesdays the morning ended at 12:30 with patients waiting since 11:40, called from 15:00.
    const stopsAtLunch: PastDay[] = usualTuesdays.map((day) => ({ ...day, sessions: [day.sessions[0] ?? [null, 0, 0], [wall('11:40'), wall('15:00'), wall('19:00')]] }));
    const queue = queueOf([patient('amel', '12:00'), patient('karim', '12:05'), patient('sonia', '12:10')], true);
    // 20 minutes of work before 12:30: Amel now, Karim at 12:22; Sonia's turn comes after lunch, 4 minutes into the afternoon.
    expect(read(estimateWaits(queue, model({ days: stopsAtLunch }), tunis('12:10')))).toEqual([
      'amel: 0 (0–4) at 12:10',
      'karim: 12 (7–21) at 12:22',
      'sonia: 174 (137–248) at 15:04',
    ]);
    // A doctor who sees the queue through (usual Tuesdays) calls Sonia at 12:34.
    expect(read(estimateWaits(queue, model({ days: usualTuesdays }), tunis('12:10')))[2]).toBe('sonia: 24 (17–38) at 12:34');
  });

  it('should count a patient ahead for the chance they are still there at their turn', () => {
    // Half the patients facing a wait of 1 h 45 or more leave before being called; none before 1 h 15.
    const patience = model({ walkOutByWait: [0, 0, 0, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5] });
    const queue = queueOf(
      [
        patient('amel', '09:30', { state: 'in_consultation', calledAt: tunis('10:00') }),
        patient('hedi', '08:00'),
        patient('karim', '09:00'),
        patient('sonia', '09:55'),
      ],
      true,
    );
    // Hedi has waited two hours without leaving: he stays. Karim, called at 1 h 24, is still there 85 times in 100.
    expect(read(estimateWaits(queue, patience, tunis('10:00')))).toEqual([
      'hedi: 12 (7–21) at 10:12',
      'karim: 24 (17–38) at 10:24',
      'sonia: 34 (25–52) at 10:34',
    ]);
    expect(read(estimateWaits(queue, model(), tunis('10:00')))[2]).toBe('sonia: 36 (26–55) at 10:36');
  });

  it('should wait for the afternoon when the doctor left an empty waiting room at the end of the morning', () => {
    const afterLunch = [patient('amel', '08:05', seen('08:40', '12:40')), patient('karim', '12:50')];
    expect(read(estimateWaits(queueOf(afterLunch, false), model({ days: usualTuesdays }), tunis('12:50')))).toEqual(['karim: 130 (102–186) at 15:00']);
  });

  it("should draw the range from the clinic's own judged quotes, with the finite-sample correction", () => {
    // 39 patients quoted 30 minutes who waited 11 to 49: scaled errors −19/40 … +19/40.
    const judged = Array.from({ length: 39 }, (_, index) =>
      patient(`q${index}`, '09:00', { state: 'completed', calledAt: tunis('09:00', '2026-11-23') + (11 + index) * MINUTE, quoteWaitMinutes: 30 }, '2026-11-23'),
    );
    const fitted = fitEstimatorModel(judged, SETTINGS.timezone);
    // Ranks ⌊40 × 0.1⌋ = 4 and ⌈40 × 0.9⌉ = 36 of 39: errors of −16 and +16 minutes on 40.
    expect([fitted.residualLow, fitted.residualHigh, fitted.calibrationSize]).toEqual([-0.4, 0.4, 39]);
    const karim = patient('karim', '09:00');
    const queue = queueOf([patient('amel', '09:00', { state: 'in_consultation', calledAt: tunis('09:00') }), karim], true);
    // Amel just went in: one 20-minute interval before Karim, widened by ±40 % of (20 + 10).
    const quoted = quoteAtCheckIn(queue, { ...fitted, intervalMs: 20 * MINUTE, intervalSamples: 1_000 }, karim);
    expect([quoted.quoteWaitMinutes, quoted.quoteLowMinutes, quoted.quoteHighMinutes, quoted.quotedAt]).toEqual([20, 8, 32, tunis('09:00')]);
    // Fewer than 30 judged quotes: the documented default stands.
    const few = fitEstimatorModel(judged.slice(0, 29), SETTINGS.timezone);
    expect([few.residualLow, few.residualHigh, few.calibrationSize]).toEqual([DEFAULT_RESIDUALS.low, DEFAULT_RESIDUALS.high, 0]);
  });

  it('should learn the interval, the sessions and who walks out from two past days', () => {
    const monday = '2026-11-16';
    const tuesday = '2026-11-17';
    const history = [
      patient('m1', '08:20', seen('08:30', '08:42', monday), monday),
      patient('m2', '08:25', seen('08:42', '08:55', monday), monday),
      // Gave up within 21 minutes: m4, who came after her, was called then.
      patient('m3', '08:35', { state: 'cancelled', cancelledAt: tunis('08:56', monday) }, monday),
      patient('m4', '08:40', seen('08:56', '09:08', monday), monday),
      patient('m5', '14:50', seen('15:10', '15:22', monday), monday),
      patient('m6', '15:00', seen('15:22', '15:40', monday), monday),
      patient('t1', '08:40', seen('08:45', '09:00', tuesday), tuesday),
      patient('t2', '08:41', seen('09:01', '09:10', tuesday), tuesday),
      // Left with nobody called after her: says nothing about patience.
      patient('t3', '08:42', { state: 'cancelled', cancelledAt: tunis('09:30', tuesday) }, tuesday),
    ];
    const fitted = fitEstimatorModel(history, SETTINGS.timezone);
    // Busy intervals 12 and 14 (Monday morning), 12 (Monday afternoon), 16 (Tuesday): the gap over lunch is none.
    expect([fitted.intervalMs, fitted.intervalSamples]).toEqual([13.5 * MINUTE, 4]);
    expect(fitted.days).toEqual([
      { weekday: 1, sessions: [[wall('08:20'), wall('08:30'), wall('09:08')], [wall('14:50'), wall('15:10'), wall('15:40')]] },
      { weekday: 2, sessions: [[wall('08:40'), wall('08:45'), wall('09:10')]] },
    ]);
    // Every wait faced was under half an hour: one walk-out in eight, pulled toward none by ten pseudo-patients.
    expect(fitted.walkOutByWait).toHaveLength(12);
    for (const share of fitted.walkOutByWait) expect(share).toBeCloseTo(1 / 18, 12);
    expect(fitted.calibrationSize).toBe(0);
  });
});
