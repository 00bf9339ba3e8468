import { describe, expect, it } from 'vitest';
import type { ForecastHour } from './arrival-forecast.ts';
import { projectDayEnd, type DayEndProjection } from './day-end.ts';
import type { QueueEvent } from './queue-events.ts';
import { applyQueueEvent, openQueueDay, type QueueDay } from './queue-projection.ts';
import { defaultEstimatorModel, type EstimatorModel, type PastDay } from './wait-estimate.ts';

const MINUTE = 60_000;
const TUESDAY = '2026-11-24';
const SETTINGS = { clinicId: 'cabinet-marsa', timezone: 'Africa/Tunis', smsUnitCostMinor: 40, serviceTargetMinutes: 30 };
/** A Tunis wall time (UTC+1 all year) as an instant. */
const tunis = (time: string) => Date.parse(`${TUESDAY}T${time}:00.000+01:00`);
/** Minutes since midnight of a wall time, as the model keeps sessions. */
const wall = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** What reception did today, as `[time, event]`: run through the production projection. */
type Step = [time: string, event: { type: 'patient_added'; entryId: string } | { type: 'patient_called' | 'consultation_started'; entryId: string } | { type: 'doctor_presence_changed'; present: boolean }];

function dayOf(steps: Step[]): QueueDay {
  let day = openQueueDay(SETTINGS, TUESDAY);
  for (const [index, [time, body]] of steps.entries()) {
    const common = { id: `ev-${index + 1}`, occurredAt: `${TUESDAY}T${time}:00+01:00` };
    const event: QueueEvent = body.type === 'patient_added' ? { ...common, ...body, method: 'qr' } : { ...common, ...body };
    const result = applyQueueEvent(day, event);
    if (!result.ok) throw new Error(result.error.message);
    day = result.state;
  }
  return day;
}

/** A model that plans 12 minutes a patient, nobody walking out, the range −20 % … +40 % of (wait + 10 min). */
function model(change: Partial<EstimatorModel> = {}): EstimatorModel {
  return { ...defaultEstimatorModel(), intervalMs: 12 * MINUTE, intervalSamples: 200, residualLow: -0.2, residualHigh: 0.4, calibrationSize: 300, ...change };
}

/** The day's forecast: the hours given as `hour: [expected, low, high]`, every other hour 0–0. */
function forecast(open: Record<number, [number, number, number]>): ForecastHour[] {
  return Array.from({ length: 24 }, (_, hour) => {
    const [expected, low, high] = open[hour] ?? [0, 0, 0];
    return { hour, expected, low, high };
  });
}

/** The projection as Tunis wall times, `expected (low–high)`. */
function read(end: DayEndProjection | null): string | null {
  const at = (instant: number) => new Date(instant + 60 * MINUTE).toISOString().slice(11, 19);
  return end === null ? null : `${at(end.expected)} (${at(end.low)}–${at(end.high)})`;
}

describe("today's estimated end in La Marsa", () => {
  const evening: Step[] = [
    ['17:00', { type: 'doctor_presence_changed', present: true }],
    ['17:10', { type: 'patient_added', entryId: 'amel' }],
    ['17:20', { type: 'patient_added', entryId: 'karim' }],
    ['17:22', { type: 'patient_added', entryId: 'sonia' }],
    ['17:25', { type: 'patient_called', entryId: 'amel' }],
    ['17:26', { type: 'consultation_started', entryId: 'amel' }],
  ];
  const lateAfternoon = forecast({ 17: [2, 1, 4], 18: [3, 1, 5] });

  it('should end one interval after the last call, the patients still expected called no sooner than they come', () => {
    const day = dayOf(evening);
    // At 17:30 Amel has 7 minutes left; Karim is called at 17:37 and Sonia at 17:49. Expected still:
    // half of 17 h's 2 and 18 h's 3, four patients, at 17:45, 18:10, 18:30 and 18:50. The first two
    // wait their turn (18:01, 18:13); the doctor is free before the last two come: called as they
    // arrive, 18:30 and 18:50, the last one done at 19:02.
    // Low: 1.5 patients, two, at 17:52:30 and 18:37:30, the last called as she comes: 18:37 (minutes
    // from now, rounded down) + 12. High: seven patients, the last called at 19:13 after coming at
    // 18:54, at worst 19 + 40 % × 29 minutes after coming: 19:25, + 12.
    expect(read(projectDayEnd(day, model(), tunis('17:30'), lateAfternoon))).toBe('19:02:00 (18:49:00–19:37:00)');
    // The day itself is left as it was.
    expect([day.entries.size, day.nextTicketNumber]).toEqual([3, 4]);
  });

  it('should plan the morning from when the doctor usually starts', () => {
    // On past Tuesdays calls started at 08:30, 08:40 or 08:50, patients waiting since 08:00: at 07:30 they start at 08:40.
    const usualTuesdays: PastDay[] = ['08:30', '08:40', '08:50'].map((start) => ({ weekday: 2, sessions: [[wall('08:00'), wall(start), wall('12:30')]] }));
    const end = projectDayEnd(dayOf([]), model({ days: usualTuesdays }), tunis('07:30'), forecast({ 8: [2, 1, 3] }));
    // Two patients expected, at 08:15 and 08:45: called at 08:40 and 08:52, done at 09:04. Low: one,
    // at 08:30, called 08:40, at best 10 − 20 % × 20 minutes after coming. High: three, the last at
    // 08:50, called 09:04, at worst 14 + 40 % × 24 minutes after coming, + 12.
    expect(read(end)).toBe('09:04:00 (08:48:00–09:26:00)');
  });

  it('should end when the doctor is free when nobody else is waiting or expected', () => {
    const lastPatient: Step[] = [
      ['19:40', { type: 'patient_added', entryId: 'hedi' }],
      ['19:50', { type: 'patient_called', entryId: 'hedi' }],
    ];
    const day = dayOf([['17:00', { type: 'doctor_presence_changed', present: true }], ...lastPatient]);
    // Hedi went in at 19:50: 7 more minutes at 19:55, 3 to 14 with the range of a 7-minute wait.
    expect(read(projectDayEnd(day, model(), tunis('19:55'), lateAfternoon))).toBe('20:02:00 (19:58:00–20:09:00)');
  });

  it('should have no end when nobody is waiting, with the doctor or expected', () => {
    const quiet = dayOf([['17:00', { type: 'doctor_presence_changed', present: true }]]);
    expect(projectDayEnd(quiet, model(), tunis('19:30'), lateAfternoon)).toBeNull();
    // 0.4 of a patient still expected rounds to nobody.
    expect(projectDayEnd(quiet, model(), tunis('18:30'), forecast({ 18: [0.8, 0, 2] }))).toBeNull();
  });
});
