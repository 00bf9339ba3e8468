import { describe, expect, it } from 'vitest';
import { scoreForecast, type ArrivalForecast } from './arrival-forecast.ts';
import { endAccuracy, forecastAccuracy, naiveForecastErrors, scoredHoursOf, scoreEndPrediction, type ScoredForecastRow } from './forecast-accuracy.ts';

/** A Tuesday forecast by hand: closed at night, 2 then 4 then 1 expected from 9 to 11 h. */
const forecast: Pick<ArrivalForecast, 'hours' | 'total'> = {
  hours: [
    { hour: 8, expected: 0, low: 0, high: 0 },
    { hour: 9, expected: 2, low: 0, high: 4 },
    { hour: 10, expected: 4, low: 2, high: 7 },
    { hour: 11, expected: 1, low: 0, high: 3 },
    { hour: 12, expected: 0, low: 0, high: 0 },
  ],
  total: { expected: 7, low: 4, high: 11 },
};

describe('judging a day forecast', () => {
  it('should keep the hours that count (forecast above 0, or a check-in) and judge the naive forecast over every hour', () => {
    // 3 came at 9 h, 8 at 10 h, nobody at 11 h, one at 12 h when nobody was expected.
    const actual = [
      { day: '2027-02-02', hour: 9, arrivals: 3 },
      { day: '2027-02-02', hour: 10, arrivals: 8 },
      { day: '2027-02-02', hour: 12, arrivals: 1 },
    ];
    const score = scoreForecast(forecast, actual);
    expect(scoredHoursOf(forecast, score)).toEqual([
      { hour: 9, actual: 3, absError: 1, inside: true },
      { hour: 10, actual: 8, absError: 4, inside: false },
      { hour: 11, actual: 0, absError: 1, inside: true },
      { hour: 12, actual: 1, absError: 1, inside: false },
    ]);
    // A week before: 4 at 9 h, 4 at 10 h, 2 at 14 h: |4−3| + |4−8| + |1−0| at 12 h + |2−0| at 14 h; totals 10 against 12.
    const weekBefore = [
      { day: '2027-01-26', hour: 9, arrivals: 4 },
      { day: '2027-01-26', hour: 10, arrivals: 4 },
      { day: '2027-01-26', hour: 14, arrivals: 2 },
    ];
    expect(naiveForecastErrors(weekBefore, actual)).toEqual({ totalAbsError: 2, hourlyAbsErrorSum: 1 + 4 + 1 + 2 });
    expect(naiveForecastErrors([], [])).toEqual({ totalAbsError: 0, hourlyAbsErrorSum: 0 });
  });

  it('should sum the window per day, per hour and overall, beside the naive forecast on the same scored hours', () => {
    const row = (day: string, fields: Partial<ScoredForecastRow>): ScoredForecastRow => ({
      day, method: 'weekday-hour', expected: 7, low: 4, high: 11, actual: null, actualHours: null, absError: null, totalInside: null,
      hoursScored: null, hoursInside: null, hourlyAbsErrorSum: null, naiveAbsError: null, naiveHourlyAbsErrorSum: null, ...fields,
    });
    const rows = [
      row('2027-02-02', {
        actual: 12, absError: 5, totalInside: false, hoursScored: 2, hoursInside: 1, hourlyAbsErrorSum: 5, naiveAbsError: 2, naiveHourlyAbsErrorSum: 8,
        actualHours: [{ hour: 9, actual: 3, absError: 1, inside: true }, { hour: 10, actual: 8, absError: 4, inside: false }],
      }),
      row('2027-02-03', {
        actual: 6, absError: 1, totalInside: true, hoursScored: 2, hoursInside: 2, hourlyAbsErrorSum: 1, naiveAbsError: null, naiveHourlyAbsErrorSum: null,
        actualHours: [{ hour: 9, actual: 2, absError: 0, inside: true }, { hour: 10, actual: 3, absError: 1, inside: true }],
      }),
      // Frozen, not scored yet: not judged.
      row('2027-02-04', {}),
    ];
    const { days, byHour, summary } = forecastAccuracy(rows);
    expect(days.map((day) => [day.day, day.actual, day.absError, day.inside, day.naiveAbsError])).toEqual([
      ['2027-02-02', 12, 5, false, 2],
      ['2027-02-03', 6, 1, true, null],
    ]);
    expect(byHour).toEqual([
      { hour: 9, scored: 2, meanAbsError: 0.5, insideShare: 1 },
      { hour: 10, scored: 2, meanAbsError: 2.5, insideShare: 0.5 },
    ]);
    // The naive forecast is only judged on the days it had a week before: the first day's 8 over its 2 scored hours.
    expect(summary).toEqual({
      days: 2, meanAbsErrorPerDay: 3, meanAbsErrorPerHour: 1.5, hoursInsideShare: 0.75, daysInsideShare: 0.5, naiveMeanAbsErrorPerDay: 2, naiveMeanAbsErrorPerHour: 4,
    });
    expect(forecastAccuracy([]).summary).toEqual({
      days: 0, meanAbsErrorPerDay: null, meanAbsErrorPerHour: null, hoursInsideShare: null, daysInsideShare: null, naiveMeanAbsErrorPerDay: null, naiveMeanAbsErrorPerHour: null,
    });
  });
});

describe("judging today's end as it was announced", () => {
  const at = (time: string) => Date.parse(`2027-02-02T${time}:00+01:00`);
  const announced = { expected: at('18:40'), low: at('18:10'), high: at('19:30') };

  it('should say how many minutes off it was and whether the end fell inside the range', () => {
    expect(scoreEndPrediction(announced, at('19:05'))).toEqual({ actual: at('19:05'), absErrorMinutes: 25, inside: true });
    expect(scoreEndPrediction(announced, at('19:45') + 30_000)).toEqual({ actual: at('19:45') + 30_000, absErrorMinutes: 65.5, inside: false });
    // The range's ends count as inside.
    expect(scoreEndPrediction(announced, at('18:10')).inside).toBe(true);
  });

  it('should judge nothing on a day nobody was called, and average the rest per day and over the window', () => {
    expect(scoreEndPrediction(announced, null)).toEqual({ actual: null, absErrorMinutes: null, inside: null });
    const rows = [
      { day: '2027-02-02', absErrorMinutes: 25, inside: true },
      { day: '2027-02-02', absErrorMinutes: 10, inside: true },
      { day: '2027-02-03', absErrorMinutes: 66, inside: false },
      { day: '2027-02-04', absErrorMinutes: null, inside: null },
    ];
    expect(endAccuracy(rows)).toEqual({
      end: { predictions: 3, meanAbsErrorMinutes: 33.7, insideShare: 0.6667 },
      endByDay: [
        { day: '2027-02-02', predictions: 2, meanAbsErrorMinutes: 17.5, insideShare: 1 },
        { day: '2027-02-03', predictions: 1, meanAbsErrorMinutes: 66, insideShare: 0 },
      ],
    });
  });
});
