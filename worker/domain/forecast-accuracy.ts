/**
 * How good the frozen day forecasts were (PRODUCT: forecast, scored when the day ends), next to
 * the simplest forecast anyone could make — the seasonal naive one, each hour as on the same
 * weekday a week before — so a doctor sees whether Pulse's forecast is worth reading.
 *
 * Per day: the total's absolute error and whether the total fell inside its range; per hour, the
 * absolute errors over the "scored" hours (forecast high > 0 or a check-in: a night forecast 0–0
 * and empty is no success worth counting). The naive forecast's errors are summed over every hour
 * of the day (where Pulse said 0–0 and nobody came, Pulse's error is 0, the naive's may not be),
 * and divided by the same scored hours, so both per-hour means share one denominator.
 *
 * Today's end as the forecast answered it (the first answer of each local hour is kept) is judged
 * against when the day's last called patient was done: minutes off, and inside its range or not.
 * A day nobody was called has no end to judge: its predictions are set aside, not counted. Pure.
 */
import type { ArrivalForecast, ForecastScore, HourArrivals } from './arrival-forecast.ts';
import type { ForecastAccuracyAnswer } from './forecast-wire.ts';

/** A day's check-ins per local hour, from sparse rows. */
function byHour(rows: readonly HourArrivals[]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const row of rows) counts.set(row.hour, (counts.get(row.hour) ?? 0) + row.arrivals);
  return counts;
}

/** The seasonal naive forecast's errors on a day: `weekBefore` the same weekday's check-ins a week before. */
export function naiveForecastErrors(weekBefore: readonly HourArrivals[], actual: readonly HourArrivals[]): { totalAbsError: number; hourlyAbsErrorSum: number } {
  const naive = byHour(weekBefore);
  const happened = byHour(actual);
  let hourlyAbsErrorSum = 0;
  for (const hour of new Set([...naive.keys(), ...happened.keys()])) hourlyAbsErrorSum += Math.abs((naive.get(hour) ?? 0) - (happened.get(hour) ?? 0));
  const total = (counts: Map<number, number>) => [...counts.values()].reduce((sum, count) => sum + count, 0);
  return { totalAbsError: Math.abs(total(naive) - total(happened)), hourlyAbsErrorSum };
}

/** The hours of a day's score that count (forecast high above 0, or a check-in), as they are kept. */
export function scoredHoursOf(forecast: Pick<ArrivalForecast, 'hours'>, score: ForecastScore): ForecastScore['hours'] {
  const highs = new Map(forecast.hours.map((hour) => [hour.hour, hour.high]));
  return score.hours.filter((hour) => hour.actual > 0 || (highs.get(hour.hour) ?? 0) > 0);
}

/** An end prediction (epoch ms) against the day's actual end (null: nobody was called, nothing to judge). */
export function scoreEndPrediction(prediction: { expected: number; low: number; high: number }, actualEnd: number | null): { actual: number | null; absErrorMinutes: number | null; inside: boolean | null } {
  if (actualEnd === null) return { actual: null, absErrorMinutes: null, inside: null };
  return {
    actual: actualEnd,
    absErrorMinutes: Math.round(Math.abs(actualEnd - prediction.expected) / 6_000) / 10,
    inside: prediction.low <= actualEnd && actualEnd <= prediction.high,
  };
}

/** A scored end prediction as stored. */
export interface ScoredEndRow {
  day: string;
  absErrorMinutes: number | null;
  inside: boolean | null;
}

/** The end predictions' accuracy over the window, and per day: judged ones only. */
export function endAccuracy(rows: readonly ScoredEndRow[]): Pick<ForecastAccuracyAnswer, 'end' | 'endByDay'> {
  const judged = rows.filter((row) => row.absErrorMinutes !== null && row.inside !== null);
  const summary = (set: readonly ScoredEndRow[]) => ({
    predictions: set.length,
    meanAbsErrorMinutes: meanOf(set.reduce((sum, row) => sum + (row.absErrorMinutes ?? 0), 0), set.length, 1),
    insideShare: meanOf(set.filter((row) => row.inside === true).length, set.length, 4),
  });
  const days = [...new Set(judged.map((row) => row.day))];
  return { end: summary(judged), endByDay: days.map((day) => ({ day, ...summary(judged.filter((row) => row.day === day)) })) };
}

/** A scored frozen forecast as stored (db/schema/forecasts.ts). */
export interface ScoredForecastRow {
  day: string;
  method: string;
  expected: number;
  low: number;
  high: number;
  actual: number | null;
  actualHours: Array<{ hour: number; actual: number; absError: number; inside: boolean }> | null;
  absError: number | null;
  totalInside: boolean | null;
  hoursScored: number | null;
  hoursInside: number | null;
  hourlyAbsErrorSum: number | null;
  naiveAbsError: number | null;
  naiveHourlyAbsErrorSum: number | null;
}

const round = (value: number, places: number) => Math.round(value * 10 ** places) / 10 ** places;
const meanOf = (sum: number, count: number, places: number) => (count > 0 ? round(sum / count, places) : null);

/** The days, the hours and the summary of `stats/forecast-accuracy` from the window's scored forecasts. */
export function forecastAccuracy(rows: readonly ScoredForecastRow[]): Pick<ForecastAccuracyAnswer, 'days' | 'byHour' | 'summary'> {
  const scored = rows.filter((row) => row.actual !== null && row.absError !== null);
  const hours = new Map<number, { scored: number; absErrorSum: number; inside: number }>();
  let hoursScored = 0;
  let hoursInside = 0;
  let hourlyAbsErrorSum = 0;
  let naiveDays = 0;
  let naiveAbsErrorSum = 0;
  let naiveHourlyAbsErrorSum = 0;
  let naiveHoursScored = 0;
  for (const row of scored) {
    for (const hour of row.actualHours ?? []) {
      const cell = hours.get(hour.hour) ?? { scored: 0, absErrorSum: 0, inside: 0 };
      cell.scored += 1;
      cell.absErrorSum += hour.absError;
      cell.inside += hour.inside ? 1 : 0;
      hours.set(hour.hour, cell);
    }
    hoursScored += row.hoursScored ?? 0;
    hoursInside += row.hoursInside ?? 0;
    hourlyAbsErrorSum += row.hourlyAbsErrorSum ?? 0;
    if (row.naiveAbsError !== null && row.naiveHourlyAbsErrorSum !== null) {
      naiveDays += 1;
      naiveAbsErrorSum += row.naiveAbsError;
      naiveHourlyAbsErrorSum += row.naiveHourlyAbsErrorSum;
      naiveHoursScored += row.hoursScored ?? 0;
    }
  }
  return {
    days: scored.map((row) => ({
      day: row.day,
      method: row.method,
      expected: row.expected,
      low: row.low,
      high: row.high,
      actual: row.actual ?? 0,
      absError: round(row.absError ?? 0, 1),
      inside: row.totalInside ?? false,
      hoursScored: row.hoursScored ?? 0,
      hoursInside: row.hoursInside ?? 0,
      naiveAbsError: row.naiveAbsError,
    })),
    byHour: [...hours]
      .sort(([a], [b]) => a - b)
      .map(([hour, cell]) => ({ hour, scored: cell.scored, meanAbsError: round(cell.absErrorSum / cell.scored, 1), insideShare: round(cell.inside / cell.scored, 4) })),
    summary: {
      days: scored.length,
      meanAbsErrorPerDay: meanOf(scored.reduce((sum, row) => sum + (row.absError ?? 0), 0), scored.length, 1),
      meanAbsErrorPerHour: meanOf(hourlyAbsErrorSum, hoursScored, 2),
      hoursInsideShare: meanOf(hoursInside, hoursScored, 4),
      daysInsideShare: meanOf(scored.filter((row) => row.totalInside === true).length, scored.length, 4),
      naiveMeanAbsErrorPerDay: meanOf(naiveAbsErrorSum, naiveDays, 1),
      naiveMeanAbsErrorPerHour: meanOf(naiveHourlyAbsErrorSum, naiveHoursScored, 2),
    },
  };
}
