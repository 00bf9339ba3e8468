import { describe, expect, it } from 'vitest';
import { forecastArrivals, scoreForecast, type ArrivalForecast, type HourArrivals } from './arrival-forecast.ts';
import { addClinicDays, clinicDaysBetween, weekdayOf } from './clinic-time.ts';

const TUNIS = 'Africa/Tunis';
const TUESDAY = '2026-11-24';
/** Eight weeks before `TUESDAY`: the window a forecast made that day reads. */
const WINDOW_START = addClinicDays(TUESDAY, -56);
const LONG_AGO = '2025-01-01';

/** Rows as `hourly_rollups` gives them (empty hours absent) of `days` days from `from`, each day's check-ins by hour from `hoursOf`. */
function history(from: string, days: number, hoursOf: (day: string, week: number) => Record<number, number>): HourArrivals[] {
  const rows: HourArrivals[] = [];
  for (let index = 0; index < days; index += 1) {
    const day = addClinicDays(from, index);
    for (const [hour, arrivals] of Object.entries(hoursOf(day, Math.floor(clinicDaysBetween(from, day) / 7)))) {
      if (arrivals > 0) rows.push({ day, hour: Number(hour), arrivals });
    }
  }
  return rows;
}

/**
 * Cabinet La Marsa: Monday to Friday the same day's shape — 9 h 2 in 10 patients, 10 h 4, 11 h 2,
 * 16 h 1 and 17 h 1 — twice over in a quiet week (20 patients), three times in a busy one (30),
 * quiet and busy weeks alternating; Saturday mornings 4 at 9 h and 6 at 10 h every week; closed on Sundays.
 */
function marsa(day: string, week: number): Record<number, number> {
  const weekday = weekdayOf(day);
  if (weekday === 0) return {};
  if (weekday === 6) return { 9: 4, 10: 6 };
  const times = week % 2 === 0 ? 2 : 3;
  return { 9: 2 * times, 10: 4 * times, 11: 2 * times, 16: times, 17: times };
}
const MARSA = history(WINDOW_START, 56, marsa);

/** The open hours as `hour: expected (low–high)`, to read like the forecast screen. */
function read(forecast: ArrivalForecast): string[] {
  return forecast.hours.filter((hour) => hour.high > 0).map(({ hour, expected, low, high }) => `${hour} h: ${expected.toFixed(1)} (${low}–${high})`);
}

describe('arrivals forecast of a clinic with eight weeks of history', () => {
  it("should forecast a weekday as its level times its hours' share, the total's range from how whole days swing", () => {
    const forecast = forecastArrivals({ day: TUESDAY, asOf: TUESDAY, firstDay: LONG_AGO, timezone: TUNIS, history: MARSA });
    expect(forecast.method).toBe('weekday-hour');
    expect(forecast.hours.map((hour) => hour.hour)).toEqual(Array.from({ length: 24 }, (_, hour) => hour));
    // Level: four Tuesdays of 20 and four of 30, 25; shares 0.2, 0.4, 0.2, 0.1, 0.1 from the five weekdays alike.
    // Every day keeps the shape exactly, so hours vary less than by chance: Poisson ranges, cut nearest 12 % each side.
    expect(read(forecast)).toEqual(['9 h: 5.0 (3–7)', '10 h: 10.0 (7–13)', '11 h: 5.0 (3–7)', '16 h: 2.5 (1–4)', '17 h: 2.5 (1–4)']);
    // A busy day is busy in every hour: each past day against its weekday's other seven days is
    // 20 ÷ 25.7 or 30 ÷ 24.3 (Saturdays 1); the 5th and 44th of these 48 ratios, 0.78 and 1.24, give
    // 19.4 … 30.9: 20–30, not the 15–35 of the hours' ranges added up.
    expect(forecast.total).toEqual({ expected: 25, low: 20, high: 30 });
  });

  it('should keep the shape of a weekday unlike the others: Saturday mornings', () => {
    const saturday = forecastArrivals({ day: '2026-11-28', asOf: TUESDAY, firstDay: LONG_AGO, timezone: TUNIS, history: MARSA });
    expect(read(saturday)).toEqual(['9 h: 4.0 (2–6)', '10 h: 6.0 (4–8)']);
    expect(saturday.total).toEqual({ expected: 10, low: 8, high: 12 });
  });

  it('should forecast a day the clinic is always closed as 0, range 0–0', () => {
    const sunday = forecastArrivals({ day: '2026-11-29', asOf: TUESDAY, firstDay: LONG_AGO, timezone: TUNIS, history: MARSA });
    expect(sunday.method).toBe('weekday-hour');
    expect(sunday.hours.every((hour) => hour.expected === 0 && hour.low === 0 && hour.high === 0)).toBe(true);
    expect(sunday.total).toEqual({ expected: 0, low: 0, high: 0 });
  });

  it('should not let a holiday Monday pull the forecast down', () => {
    const mondayNextWeek = (rows: HourArrivals[]) => forecastArrivals({ day: '2026-11-30', asOf: TUESDAY, firstDay: LONG_AGO, timezone: TUNIS, history: rows }).total.expected;
    // The quiet Monday of 2 November was a holiday: nobody came. The seven other Mondays: (3 × 20 + 4 × 30) ÷ 7.
    const holiday = MARSA.filter((row) => row.day !== '2026-11-02');
    expect(mondayNextWeek(holiday)).toBe(25.7);
    // 7 patients is under a quarter of the usual Monday (30, the median of the seven others): still
    // a day off. 8 is a quiet Monday, and counts: (180 + 8) ÷ 8.
    const withPatients = (count: number) => [...holiday, { day: '2026-11-02', hour: 10, arrivals: count }];
    expect(mondayNextWeek(withPatients(7))).toBe(25.7);
    expect(mondayNextWeek(withPatients(8))).toBe(23.5);
  });

  it('should read nothing on or after asOf, and forecast days ahead from the same days', () => {
    const today = forecastArrivals({ day: TUESDAY, asOf: TUESDAY, firstDay: LONG_AGO, timezone: TUNIS, history: MARSA });
    const known = [...MARSA, { day: TUESDAY, hour: 10, arrivals: 50 }, { day: '2026-11-25', hour: 9, arrivals: 50 }];
    expect(forecastArrivals({ day: TUESDAY, asOf: TUESDAY, firstDay: LONG_AGO, timezone: TUNIS, history: known })).toEqual(today);
    // A week ahead, a Tuesday learnt from the same eight weeks is the same forecast.
    expect(forecastArrivals({ day: '2026-12-01', asOf: TUESDAY, firstDay: LONG_AGO, timezone: TUNIS, history: known })).toEqual({ ...today, day: '2026-12-01' });
    expect(() => forecastArrivals({ day: '2026-12-02', asOf: TUESDAY, firstDay: LONG_AGO, timezone: TUNIS, history: MARSA })).toThrow(RangeError);
    expect(() => forecastArrivals({ day: '2026-11-23', asOf: TUESDAY, firstDay: LONG_AGO, timezone: TUNIS, history: MARSA })).toThrow(RangeError);
  });
});

describe('arrivals forecast of a new clinic', () => {
  it('should forecast nothing, no-history, for a clinic opened today', () => {
    const forecast = forecastArrivals({ day: TUESDAY, asOf: TUESDAY, firstDay: TUESDAY, timezone: TUNIS, history: [] });
    expect(forecast.method).toBe('no-history');
    expect(forecast.hours).toHaveLength(24);
    expect(forecast.hours.every((hour) => hour.high === 0)).toBe(true);
    expect(forecast.total).toEqual({ expected: 0, low: 0, high: 0 });
  });

  it('should pool the three days of a clinic opened on Monday, with a wider range', () => {
    // Monday 16 November: 20 patients, Tuesday 30, Wednesday 10, all with La Marsa's shape.
    const rows = history('2026-11-16', 3, (day) => {
      const times = { '2026-11-16': 2, '2026-11-17': 3, '2026-11-18': 1 }[day] ?? 0;
      return { 9: 2 * times, 10: 4 * times, 11: 2 * times, 16: times, 17: times };
    });
    // A row before the clinic's first day (a stray import) is no day of it.
    const stray = { day: '2026-11-12', hour: 10, arrivals: 40 };
    const thursday = forecastArrivals({ day: '2026-11-19', asOf: '2026-11-19', firstDay: '2026-11-16', timezone: TUNIS, history: [stray, ...rows] });
    expect(thursday.method).toBe('young-clinic');
    // No Thursday yet: the mean of the three days, 20. Each day against the mean of the two others
    // is off by 0, 15 and 15: an overdispersion of 0.18 per hour, 0.31 for the day.
    expect(read(thursday)).toEqual(['9 h: 4.0 (2–7)', '10 h: 8.0 (4–13)', '11 h: 4.0 (2–7)', '16 h: 2.0 (1–4)', '17 h: 2.0 (1–4)']);
    expect(thursday.total).toEqual({ expected: 20, low: 8, high: 34 });
  });
});

describe('arrivals forecast on the days the clocks change', () => {
  const PARIS = 'Europe/Paris';
  /** A night practice in Paris 11e: one patient at 2 h and five at 10 h, every day. */
  const night = (from: string) => history(from, 56, () => ({ 2: 1, 10: 5 }));

  it('should have no 2 h on the spring-forward day', () => {
    const forecast = forecastArrivals({ day: '2026-03-29', asOf: '2026-03-29', firstDay: LONG_AGO, timezone: PARIS, history: night('2026-02-01') });
    expect(forecast.hours).toHaveLength(23);
    expect(forecast.hours.map((hour) => hour.hour)).not.toContain(2);
    expect(read(forecast)).toEqual(['10 h: 5.0 (3–7)']);
    expect(forecast.total.expected).toBe(5);
  });

  it('should forecast the repeated 2 h of the fall-back day once, holding both hours, and score both hours together', () => {
    const forecast = forecastArrivals({ day: '2026-10-25', asOf: '2026-10-25', firstDay: LONG_AGO, timezone: PARIS, history: night('2026-08-30') });
    expect(forecast.hours.map((hour) => hour.hour)).toEqual(Array.from({ length: 24 }, (_, hour) => hour));
    expect(read(forecast)).toEqual(['2 h: 2.0 (1–3)', '10 h: 5.0 (3–7)']);
    expect(forecast.total.expected).toBe(7);
    // The two 2 h buckets of the day, one patient in the first and two in the second.
    const score = scoreForecast(forecast, [
      { day: '2026-10-25', hour: 2, arrivals: 1 },
      { day: '2026-10-25', hour: 2, arrivals: 2 },
      { day: '2026-10-25', hour: 10, arrivals: 4 },
    ]);
    expect(score.hours.find((hour) => hour.hour === 2)).toEqual({ hour: 2, actual: 3, absError: 1, inside: true });
    expect(score.actualTotal).toBe(7);
  });
});

describe('scoring a forecast', () => {
  it('should count the hours forecast open or with check-ins, the errors and the ranges that held', () => {
    const forecast = {
      hours: [
        { hour: 7, expected: 0, low: 0, high: 0 },
        { hour: 8, expected: 0.4, low: 0, high: 1 },
        { hour: 9, expected: 5.2, low: 3, high: 8 },
        { hour: 10, expected: 6.1, low: 4, high: 9 },
        { hour: 19, expected: 0, low: 0, high: 0 },
      ],
      total: { expected: 11.7, low: 9, high: 15 },
    };
    // Sparse: nobody at 7 h or 8 h; a late patient at 19 h, which was forecast empty.
    const score = scoreForecast(forecast, [
      { day: TUESDAY, hour: 9, arrivals: 9 },
      { day: TUESDAY, hour: 10, arrivals: 5 },
      { day: TUESDAY, hour: 19, arrivals: 1 },
    ]);
    expect(score.hours).toEqual([
      { hour: 7, actual: 0, absError: 0, inside: true },
      { hour: 8, actual: 0, absError: 0.4, inside: true },
      { hour: 9, actual: 9, absError: 3.8, inside: false },
      { hour: 10, actual: 5, absError: 1.1, inside: true },
      { hour: 19, actual: 1, absError: 1, inside: false },
    ]);
    // 7 h, closed and empty, is not scored: 8, 9, 10 and 19 h are, two of them inside.
    expect([score.hoursScored, score.hoursInside, score.hourlyAbsErrorSum]).toEqual([4, 2, 6.3]);
    expect([score.actualTotal, score.totalAbsError, score.totalInside]).toEqual([15, 3.3, true]);
  });
});
