import { describe, expect, it } from 'vitest';
import { generateClinicDay, type GeneratedEvent } from '../../db/seed/clinic-day.ts';
import { buildDemoClinics } from '../../db/seed/demo-clinics.ts';
import { addClinicDays, instantOfClinicTime, weekdayOf } from '../../worker/domain/clinic-time.ts';

/**
 * The generated days the demo and the estimates bench share (issue 16, item 6): what makes a wait
 * hard to foretell must really be in them, or the bench would flatter the estimator.
 */
const LAST_DAY = '2026-11-23';
const SEED = 3;
const [clinic] = buildDemoClinics({ seed: SEED, count: 1, days: 120, now: instantOfClinicTime(LAST_DAY, 23 * 60, 'Africa/Tunis') });
const openDays = Array.from({ length: 120 }, (_, back) => addClinicDays(LAST_DAY, -back)).filter((day) => weekdayOf(day) !== 0);
const generated = new Map<string, GeneratedEvent[]>(
  openDays.map((day) => [day, clinic === undefined ? [] : generateClinicDay(clinic, day, { seed: SEED, inUse: true, lastDayOfUse: false })]),
);
const local = (day: string, time: string) => instantOfClinicTime(day, Number(time.slice(0, 2)) * 60 + Number(time.slice(3)), 'Africa/Tunis');

/** Each day's doctor presence changes, as [instant, present]. */
function presenceOf(events: readonly GeneratedEvent[]): Array<[number, boolean]> {
  return events.flatMap(({ event, at }) => (event.type === 'doctor_presence_changed' ? [[at, event.present] as [number, boolean]] : []));
}

describe('the generated clinic days behind the estimates bench', () => {
  it('should give right-skewed consultations of about 13 minutes, between 3 and 60', () => {
    const minutes: number[] = [];
    for (const events of generated.values()) {
      const started = new Map<string, number>();
      for (const { event, at } of events) {
        if (event.type === 'consultation_started') started.set(event.entryId, at);
        const start = event.type === 'patient_completed' ? started.get(event.entryId) : undefined;
        if (start !== undefined) minutes.push((at - start) / 60_000);
      }
    }
    minutes.sort((a, b) => a - b);
    const at = (share: number) => minutes[Math.floor(share * minutes.length)] ?? 0;
    const mean = minutes.reduce((sum, value) => sum + value, 0) / minutes.length;
    expect(minutes.length).toBeGreaterThan(2_000);
    expect(mean).toBeGreaterThan(12.5);
    expect(mean).toBeLessThan(14.5);
    // Lognormal: the median under the mean, one in ten under 8 minutes, one in ten over 20.
    expect(at(0.5)).toBeLessThan(mean);
    expect(at(0.1)).toBeLessThan(8);
    expect(at(0.9)).toBeGreaterThan(20);
    expect(minutes[0]).toBeGreaterThanOrEqual(3);
    expect(minutes.at(-1)).toBeLessThanOrEqual(60);
  });

  it('should start some mornings late and break some mornings for a few minutes', () => {
    let late = 0;
    let breaks = 0;
    for (const [day, events] of generated) {
      const presence = presenceOf(events);
      if ((presence[0]?.[0] ?? 0) > local(day, '09:00')) late += 1;
      const stepsOut = presence.some(([at, present], index) => {
        const back = presence[index + 1];
        return !present && back !== undefined && at >= local(day, '10:00') && at < local(day, '11:40') && back[0] - at < 30 * 60_000;
      });
      if (stepsOut) breaks += 1;
    }
    expect(late / openDays.length).toBeGreaterThan(0.08);
    expect(late / openDays.length).toBeLessThan(0.25);
    expect(breaks / openDays.length).toBeGreaterThan(0.15);
    expect(breaks / openDays.length).toBeLessThan(0.45);
  });

  it('should be the same days for the same seed', () => {
    const day = openDays[0] ?? LAST_DAY;
    if (clinic === undefined) throw new Error('the demo has a first clinic');
    expect(generateClinicDay(clinic, day, { seed: SEED, inUse: true, lastDayOfUse: false })).toEqual(generated.get(day));
  });
});
