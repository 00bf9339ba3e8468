import { describe, expect, it } from 'vitest';
import { UnexpectedAnswerError } from './errors';
import { parseForecast, parseForecastAccuracy } from './forecasts';

/** Dr Ben Salah's clinic in La Marsa, Tuesday 24 November 2026 at 10. */
const CLINIC = { clinicId: 'clinic-la-marsa', timezone: 'Africa/Tunis' };

const TODAY = {
  ...CLINIC,
  day: '2026-11-24',
  asOf: '2026-11-24',
  method: 'weekday-hour',
  hours: [
    { hour: 9, expected: 8.5, low: 5, high: 12 },
    { hour: 10, expected: 9.2, low: 6, high: 13 },
  ],
  total: { expected: 47.6, low: 40, high: 56 },
  frozenAt: '2026-11-24T00:00:00.000+01:00',
  end: { expected: '2026-11-24T18:40:00.000+01:00', low: '2026-11-24T18:10:00.000+01:00', high: '2026-11-24T19:30:00.000+01:00' },
};

describe('parseForecast', () => {
  it("should take today's forecast with its end, and a day ahead without one", () => {
    expect(parseForecast(TODAY).end?.expected).toBe('2026-11-24T18:40:00.000+01:00');
    const { end: _end, ...tomorrow } = TODAY;
    const ahead = parseForecast({ ...tomorrow, day: '2026-11-25', frozenAt: null });
    expect(ahead.end).toBeUndefined();
    expect(ahead.total.expected).toBe(47.6);
    // Nobody waiting and nobody expected any more: no end to tell.
    expect(parseForecast({ ...TODAY, end: null }).end).toBeNull();
  });

  it('should refuse an end that is no clinic time, since the screen reads its wall clock', () => {
    expect(() => parseForecast({ ...TODAY, end: { ...TODAY.end, low: 'tonight' } })).toThrow(UnexpectedAnswerError);
    expect(() => parseForecast({ ...TODAY, total: { expected: 47.6, low: 40.5, high: 56 } })).toThrow(/total\.low/);
  });
});

describe('parseForecastAccuracy', () => {
  const MONDAY = {
    day: '2026-11-23',
    method: 'weekday-hour',
    expected: 52.3,
    low: 44,
    high: 61,
    actual: 58,
    absError: 5.7,
    inside: true,
    hoursScored: 10,
    hoursInside: 8,
    naiveAbsError: 9,
  };
  const ACCURACY = {
    ...CLINIC,
    timeframe: '7d',
    period: { from: '2026-11-18', to: '2026-11-24' },
    days: [MONDAY],
    byHour: [{ hour: 9, scored: 1, meanAbsError: 2, insideShare: 1 }],
    summary: {
      days: 1,
      meanAbsErrorPerDay: 5.7,
      meanAbsErrorPerHour: 1.2,
      hoursInsideShare: 0.8,
      daysInsideShare: 1,
      naiveMeanAbsErrorPerDay: 9,
      naiveMeanAbsErrorPerHour: 1.9,
    },
    end: { predictions: 3, meanAbsErrorMinutes: 21.5, insideShare: 0.6667 },
    endByDay: [{ day: '2026-11-23', predictions: 3, meanAbsErrorMinutes: 21.5, insideShare: 0.6667 }],
  };

  it('should take the scored days of the window beside the naive forecast’s errors', () => {
    const answer = parseForecastAccuracy(ACCURACY);
    expect(answer.days[0]).toMatchObject({ actual: 58, naiveAbsError: 9 });
    expect(answer.summary.naiveMeanAbsErrorPerDay).toBe(9);
    expect(answer.end).toEqual({ predictions: 3, meanAbsErrorMinutes: 21.5, insideShare: 0.6667 });
  });

  it('should refuse an answer that breaks the contract, naming the field', () => {
    expect(() => parseForecastAccuracy({ ...ACCURACY, days: [{ ...MONDAY, actual: '58' }] })).toThrow(/days\.0\.actual/);
    expect(() => parseForecastAccuracy({ ...ACCURACY, timeframe: '2w' })).toThrow(UnexpectedAnswerError);
    expect(() => parseForecastAccuracy({ ...ACCURACY, end: { predictions: 3 } })).toThrow(/end\.meanAbsErrorMinutes/);
  });
});
