import { describe, expect, it } from 'vitest';
import {
  compareWithUsual,
  fitHourBaselines,
  HourBaselinesSchema,
  liveHourFigures,
  MIN_BASELINE_DAYS,
  unusualFigures,
  type BaselineEntry,
  type FigureBaseline,
  type HourBaseline,
  type HourBaselines,
  type LiveHourFigures,
} from './hour-baselines.ts';
import type { QueueEntryRow } from './queue-projection.ts';

const MINUTE = 60_000;
const TUNIS = 'Africa/Tunis';
const PARIS = 'Europe/Paris';
/** Four past Tuesdays at La Marsa, and today, a Tuesday too. */
const TUESDAYS = ['2026-11-03', '2026-11-10', '2026-11-17', '2026-11-24'];
const TODAY = '2026-12-01';
/** Weekdays as the API numbers them. */
const MONDAY = 0;
const TUESDAY = 1;
const WEDNESDAY = 2;
const SUNDAY = 6;

/** A wall time of `day` with its UTC offset (Tunis is UTC+1 all year) as an instant. */
const at = (day: string, time: string, offset = '+01:00') => Date.parse(`${day}T${time}:00.000${offset}`);

/** A past patient of `day` checked in at `checkIn`, called at `call` (or leaving uncalled as `change` says). */
function patient(day: string, checkIn: string, call: string | null, change: Partial<BaselineEntry> = {}, offset = '+01:00'): BaselineEntry {
  return {
    clinicDay: day,
    checkedInAt: at(day, checkIn, offset),
    calledAt: call === null ? null : at(day, call, offset),
    noShowAt: null,
    cancelledAt: null,
    unfinishedAt: null,
    ...change,
  };
}

/** `count` patients checked in from `first` a minute apart, each called `waitMinutes` later. */
function arrivals(day: string, first: string, count: number, waitMinutes: number, offset = '+01:00'): BaselineEntry[] {
  const start = at(day, first, offset);
  return Array.from({ length: count }, (_, index) => {
    const checkedInAt = start + index * MINUTE;
    return { clinicDay: day, checkedInAt, calledAt: checkedInAt + waitMinutes * MINUTE, noShowAt: null, cancelledAt: null, unfinishedAt: null };
  });
}

function cellOf(baselines: HourBaselines, weekday: number, hour: number): HourBaseline | undefined {
  return baselines.hours.find((cell) => cell.weekday === weekday && cell.hour === hour);
}

const usual = (median: number, observations = 4, spread = 0): FigureBaseline => ({ median, spread, observations });

/** A hand-made cell: the figures' usual values, 4 observed days each. */
function cell(weekday: number, hour: number, figures: { arrivals: number; waiting: number; wait: number | null }): HourBaseline {
  return { weekday, hour, arrivals: usual(figures.arrivals), waiting: usual(figures.waiting), wait: figures.wait === null ? null : usual(figures.wait) };
}

const QUIET: LiveHourFigures = { arrivals: 0, waiting: 0, waitMinutes: null, waitCount: 0 };

describe('fitting the usual hours of La Marsa', () => {
  it('should take the median of four Tuesdays’ arrivals at 10, with their spread', () => {
    // 4, 6, 8 and 20 (the Tuesday after a holiday): the median is 7, and the odd day does not move it.
    const entries = TUESDAYS.flatMap((day, index) => arrivals(day, '10:05', [4, 6, 8, 20][index] ?? 0, 5));
    const ten = cellOf(fitHourBaselines(entries, TUNIS), TUESDAY, 10);
    expect(ten?.arrivals).toEqual({ median: 7, spread: 2, observations: 4 });
    expect(ten?.wait).toEqual({ median: 5, spread: 0, observations: 4 });
  });

  it('should count the waiting room at the quarter hours, and an empty hour of an open day as none', () => {
    // On three Tuesdays: Amel from 09:50 to her call at 10:20, Karim from 10:05 to 10:35, Sonia from
    // 10:10 until she leaves uncalled at 10:50. The room holds 1, 3, 2 and 1 at 10:00, :15, :30, :45.
    const busy = TUESDAYS.slice(0, 3).flatMap((day) => [
      patient(day, '09:50', '10:20'),
      patient(day, '10:05', '10:35'),
      patient(day, '10:10', null, { noShowAt: at(day, '10:50') }),
    ]);
    // The fourth Tuesday the doctor saw one patient, at four.
    const afternoonOnly = patient('2026-11-24', '16:00', '16:10');
    const baselines = fitHourBaselines([...busy, afternoonOnly], TUNIS);

    expect(cellOf(baselines, TUESDAY, 10)).toEqual({
      weekday: TUESDAY,
      hour: 10,
      arrivals: { median: 2, spread: 0, observations: 4 },
      waiting: { median: 1.75, spread: 0, observations: 4 },
      // Both calls of the hour waited 30 minutes, on the three days that had calls then.
      wait: { median: 30, spread: 0, observations: 3 },
    });
    expect(cellOf(baselines, TUESDAY, 9)?.arrivals).toEqual({ median: 1, spread: 0, observations: 4 });
    expect(cellOf(baselines, TUESDAY, 9)?.wait).toBeNull();
    expect(cellOf(baselines, TUESDAY, 16)?.arrivals).toEqual({ median: 0, spread: 0, observations: 4 });
    // Nobody came over lunch: no cell, so lunch is never "unusual".
    expect(cellOf(baselines, TUESDAY, 13)).toBeUndefined();
    expect(baselines.hours.map((hour) => hour.hour)).toEqual([9, 10, 16]);
  });

  it(`should give no baseline to a weekday observed fewer than ${MIN_BASELINE_DAYS} times`, () => {
    const wednesdays = ['2026-11-18', '2026-11-25'].flatMap((day) => arrivals(day, '10:00', 30, 45));
    const baselines = fitHourBaselines([...wednesdays, ...TUESDAYS.slice(0, 3).flatMap((day) => arrivals(day, '10:00', 3, 5))], TUNIS);
    expect(baselines.hours.filter((hour) => hour.weekday === WEDNESDAY)).toEqual([]);
    expect(cellOf(baselines, TUESDAY, 10)?.arrivals.median).toBe(3);

    // A crowded Wednesday morning is then never unusual: there is no usual to compare it with.
    const crowded = { arrivals: 40, waiting: 25, waitMinutes: 90, waitCount: 6 };
    expect(unusualFigures(baselines, crowded, at('2026-12-02', '10:30'), TUNIS)).toEqual([]);
  });

  it('should place arrivals on the clinic’s wall clock across the spring change of clocks', () => {
    // Paris moves from UTC+1 to UTC+2 on Sunday 29 March 2026: 10:30 is 09:30 UTC before, 08:30 after.
    const mondays: Array<[string, string]> = [['2026-03-16', '+01:00'], ['2026-03-23', '+01:00'], ['2026-03-30', '+02:00'], ['2026-04-06', '+02:00']];
    const baselines = fitHourBaselines(mondays.flatMap(([day, offset]) => arrivals(day, '10:30', 5, 10, offset)), PARIS);
    expect(baselines.hours.map(({ weekday, hour }) => [weekday, hour])).toEqual([[MONDAY, 10]]);
    expect(cellOf(baselines, MONDAY, 10)?.arrivals).toEqual({ median: 5, spread: 0, observations: 4 });

    // The Monday after, twelve arrivals by 10:30: at half past, the usual last hour is half of 09:00's
    // (none) and half of 10:00's (5), so 2.5.
    const live = { ...QUIET, arrivals: 12 };
    expect(unusualFigures(baselines, live, at('2026-04-13', '10:30', '+02:00'), PARIS)).toEqual([
      { figure: 'arrivals', value: 12, usual: 2.5, ratio: 4.8, direction: 'above', weekday: MONDAY, hour: 10 },
    ]);
  });

  it('should count the night hour lived twice when clocks go back as two hours', () => {
    // A night clinic on Sundays in Paris: on 25 October 2026 the clocks go back from 03:00 to 02:00.
    const sundays = [
      ...arrivals('2026-10-18', '02:15', 1, 5, '+02:00'),
      ...arrivals('2026-10-25', '02:15', 2, 5, '+02:00'),
      ...arrivals('2026-10-25', '02:15', 2, 5, '+01:00'),
      ...arrivals('2026-11-01', '02:15', 3, 5, '+01:00'),
    ];
    // 1, 4 over two hours, and 3 arrivals an hour: 1, 2 and 3.
    expect(cellOf(fitHourBaselines(sundays, PARIS), SUNDAY, 2)?.arrivals).toEqual({ median: 2, spread: 1, observations: 3 });
  });

  it('should keep baselines that read back through their stored schema, and refuse a damaged one', () => {
    const baselines = fitHourBaselines(TUESDAYS.flatMap((day) => arrivals(day, '10:05', 4, 5)), TUNIS);
    expect(HourBaselinesSchema.parse(JSON.parse(JSON.stringify(baselines)))).toEqual(baselines);
    expect(HourBaselinesSchema.safeParse({ hours: [{ ...cell(TUESDAY, 24, { arrivals: 1, waiting: 1, wait: null }) }] }).success).toBe(false);
    expect(HourBaselinesSchema.safeParse({ hours: [{ ...cell(TUESDAY, 9, { arrivals: -1, waiting: 1, wait: null }) }] }).success).toBe(false);
  });
});

describe('the live hour', () => {
  /** A patient of today with a state, as the ClinicQueue object keeps them. */
  const today = (checkIn: string, call: string | null, state: QueueEntryRow['state']) => ({ ...patient(TODAY, checkIn, call), state });

  it('should count the last hour’s arrivals and calls, and the patients waiting now', () => {
    const entries = [
      today('09:10', '09:40', 'completed'), // arrived and called before 09:45: outside the last hour
      today('09:30', '10:00', 'completed'),
      today('09:50', '10:30', 'in_consultation'),
      today('10:10', null, 'waiting'),
      today('10:20', null, 'no_show'),
      today('10:40', null, 'waiting'),
    ];
    expect(liveHourFigures(entries, at(TODAY, '10:45'))).toEqual({ arrivals: 4, waiting: 2, waitMinutes: 35, waitCount: 2 });
    expect(liveHourFigures([], at(TODAY, '10:45'))).toEqual(QUIET);
  });
});

describe('unusual for this hour, a Tuesday at La Marsa', () => {
  /** Usually: 6 arrivals an hour from 9 to 11, 8 waiting at 10, a 20-minute wait. */
  const MORNING: HourBaselines = {
    hours: [cell(TUESDAY, 9, { arrivals: 6, waiting: 5, wait: 20 }), cell(TUESDAY, 10, { arrivals: 6, waiting: 8, wait: 20 })],
  };
  const halfPastTen = at(TODAY, '10:30');

  it('should flag twice the usual arrivals, and not a little less', () => {
    expect(unusualFigures(MORNING, { ...QUIET, arrivals: 12, waiting: 8 }, halfPastTen, TUNIS)).toEqual([
      { figure: 'arrivals', value: 12, usual: 6, ratio: 2, direction: 'above', weekday: TUESDAY, hour: 10 },
    ]);
    expect(unusualFigures(MORNING, { ...QUIET, arrivals: 11, waiting: 8 }, halfPastTen, TUNIS)).toEqual([]);
  });

  it('should flag half the usual waiting room, and not a little more', () => {
    expect(unusualFigures(MORNING, { ...QUIET, arrivals: 6, waiting: 4 }, halfPastTen, TUNIS)).toEqual([
      { figure: 'waiting', value: 4, usual: 8, ratio: 0.5, direction: 'below', weekday: TUESDAY, hour: 10 },
    ]);
    expect(unusualFigures(MORNING, { ...QUIET, arrivals: 6, waiting: 5 }, halfPastTen, TUNIS)).toEqual([]);
  });

  it('should compare every figure above the floor with its usual, unusual or not, unrounded (the alert job resolves below 1.5×)', () => {
    expect(compareWithUsual(MORNING, { arrivals: 7, waiting: 13, waitMinutes: 25, waitCount: 3 }, halfPastTen, TUNIS)).toEqual([
      { figure: 'arrivals', value: 7, usual: 6, ratio: 7 / 6, weekday: TUESDAY, hour: 10 },
      { figure: 'waiting', value: 13, usual: 8, ratio: 13 / 8, weekday: TUESDAY, hour: 10 },
      { figure: 'wait', value: 25, usual: 20, ratio: 25 / 20, weekday: TUESDAY, hour: 10 },
    ]);
    // The volume floor holds here too: 3 arrivals where 2 are usual is no figure at all.
    const small: HourBaselines = { hours: [cell(TUESDAY, 9, { arrivals: 2, waiting: 1, wait: null }), cell(TUESDAY, 10, { arrivals: 2, waiting: 1, wait: null })] };
    expect(compareWithUsual(small, { ...QUIET, arrivals: 3, waiting: 3 }, halfPastTen, TUNIS)).toEqual([]);
  });

  it('should flag a long wait only over enough calls', () => {
    const slow = { arrivals: 6, waiting: 8, waitMinutes: 50, waitCount: 3 };
    expect(unusualFigures(MORNING, slow, halfPastTen, TUNIS)).toEqual([
      { figure: 'wait', value: 50, usual: 20, ratio: 2.5, direction: 'above', weekday: TUESDAY, hour: 10 },
    ]);
    expect(unusualFigures(MORNING, { ...slow, waitCount: 2 }, halfPastTen, TUNIS)).toEqual([]);
  });

  it('should keep short waits out, whatever their ratio', () => {
    const briskHours: HourBaselines = { hours: [cell(TUESDAY, 9, { arrivals: 6, waiting: 5, wait: 4 }), cell(TUESDAY, 10, { arrivals: 6, waiting: 8, wait: 4 })] };
    expect(unusualFigures(briskHours, { arrivals: 6, waiting: 8, waitMinutes: 9, waitCount: 5 }, halfPastTen, TUNIS)).toEqual([]);
    expect(unusualFigures(briskHours, { arrivals: 6, waiting: 8, waitMinutes: 10, waitCount: 5 }, halfPastTen, TUNIS)).toEqual([
      { figure: 'wait', value: 10, usual: 4, ratio: 2.5, direction: 'above', weekday: TUESDAY, hour: 10 },
    ]);
  });

  it('should never find a quiet night unusual, even where nobody is usual', () => {
    // Late Tuesdays: someone sometimes still waits at 22:00, nobody arrives then.
    const night: HourBaselines = { hours: [cell(TUESDAY, 22, { arrivals: 0, waiting: 1, wait: null })] };
    const lateEvening = at(TODAY, '22:49');
    expect(unusualFigures(night, { ...QUIET, arrivals: 1, waiting: 1 }, lateEvening, TUNIS)).toEqual([]);
    expect(unusualFigures(night, { ...QUIET, arrivals: 3, waiting: 3 }, lateEvening, TUNIS)).toEqual([]);
    // Above the floor, a usual of none is compared as one patient.
    expect(unusualFigures(night, { ...QUIET, arrivals: 5, waiting: 3 }, lateEvening, TUNIS)).toEqual([
      { figure: 'arrivals', value: 5, usual: 0, ratio: 5, direction: 'above', weekday: TUESDAY, hour: 22 },
    ]);
  });

  it('should not call every opening quiet: the last hour is mostly the closed one before', () => {
    // The doors open at 08:00 and 12 arrive in a usual 8 o'clock; nobody before.
    const opening: HourBaselines = { hours: [cell(TUESDAY, 8, { arrivals: 12, waiting: 6, wait: 15 })] };
    // At 08:10 the usual last hour is 1/6 of 12: three arrivals are no news.
    expect(unusualFigures(opening, { ...QUIET, arrivals: 3, waiting: 6 }, at(TODAY, '08:10'), TUNIS)).toEqual([]);
    // At 08:50 it is 5/6 of 12, and three arrivals are very few.
    expect(unusualFigures(opening, { ...QUIET, arrivals: 3, waiting: 6 }, at(TODAY, '08:50'), TUNIS)).toEqual([
      { figure: 'arrivals', value: 3, usual: 10, ratio: 0.3, direction: 'below', weekday: TUESDAY, hour: 8 },
    ]);
  });

  it('should say nothing in an hour without a baseline', () => {
    expect(unusualFigures(MORNING, { arrivals: 30, waiting: 20, waitMinutes: 80, waitCount: 5 }, at(TODAY, '13:15'), TUNIS)).toEqual([]);
    expect(unusualFigures({ hours: [] }, { arrivals: 30, waiting: 20, waitMinutes: 80, waitCount: 5 }, halfPastTen, TUNIS)).toEqual([]);
  });

  it('should judge today against the Tuesdays it learnt from', () => {
    // Four Tuesdays with 6 arrivals at 10:05 each, seen 20 minutes later.
    const baselines = fitHourBaselines(TUESDAYS.flatMap((day) => arrivals(day, '10:05', 6, 20)), TUNIS);
    // The room held 6 at 10:15 and none at the other quarter hours: 1.5 on average.
    expect(cellOf(baselines, TUESDAY, 10)?.waiting.median).toBe(1.5);
    // Today, 14 arrivals since 10:00, 9 still waiting, 45 minutes' wait: at 10:59 the usual last hour is almost all of 10:00's.
    const live = { arrivals: 14, waiting: 9, waitMinutes: 45, waitCount: 4 };
    expect(unusualFigures(baselines, live, at(TODAY, '10:59'), TUNIS)).toEqual([
      { figure: 'arrivals', value: 14, usual: 5.9, ratio: 2.4, direction: 'above', weekday: TUESDAY, hour: 10 },
      { figure: 'waiting', value: 9, usual: 1.5, ratio: 6, direction: 'above', weekday: TUESDAY, hour: 10 },
      { figure: 'wait', value: 45, usual: 20, ratio: 2.3, direction: 'above', weekday: TUESDAY, hour: 10 },
    ]);
  });
});
