/**
 * A clinic's arrivals forecast (PRODUCT: forecast): today up to 7 clinic days ahead, learnt only
 * from the days before today; today's is frozen once (at the clinic's midnight by the forecast
 * job, or by the first request of the day, whichever comes first: both compute the same thing
 * from the same days) and scored by the job once the day has ended, against its rollups and
 * beside the seasonal naive forecast. Today's end, as answered, is kept once an hour and judged
 * the same night against when the last patient was done.
 */
import type { Database } from '../../db/client.ts';
import {
  firstForecastDay,
  forecastScoreColumns,
  freezeForecast,
  lastPatientDoneAt,
  readForecastClinic,
  readFrozenForecast,
  readHourlyArrivals,
  recordEndPrediction,
  recordEndScore,
  recordForecastScore,
  scoredEndPredictions,
  scoredForecasts,
  unscoredEndPredictions,
  unscoredForecasts,
  type ForecastClinic,
  type FrozenForecast,
} from '../../db/queries/forecasts.ts';
import { FORECAST_HISTORY_DAYS, FORECAST_HORIZON_DAYS, forecastArrivals, scoreForecast, type ArrivalForecast, type ForecastHour } from '../domain/arrival-forecast.ts';
import { addClinicDays, clinicDayOf, formatClinicInstant, localHourOf, nextClinicDay } from '../domain/clinic-time.ts';
import { endAccuracy, forecastAccuracy, naiveForecastErrors, scoreEndPrediction } from '../domain/forecast-accuracy.ts';
import type { ForecastAccuracyAnswer, ForecastAnswer } from '../domain/forecast-wire.ts';
import { windowsOf } from '../domain/history-figures.ts';
import type { Timeframe } from '../domain/history-wire.ts';
import type { Clock } from '../runtime/clock.ts';
import { failed, succeeded, type Result } from './result.ts';

export interface ForecastRuntime {
  db: Database;
  clock: Clock;
}

/** Today's end from the clinic's live queue (its ClinicQueue), epoch ms; null when nothing is left. */
export type DayEndOf = (hours: ForecastHour[]) => Promise<{ expected: number; low: number; high: number } | null>;

/** Past forecasts a job run scores at most (a clinic whose job stopped for weeks catches up over several runs). */
const SCORING_BATCH = 14;

/** The forecast of `day` made with the days before `asOf` only. */
async function computeForecast(db: Database, clinic: ForecastClinic, day: string, asOf: string): Promise<ArrivalForecast> {
  const history = await readHourlyArrivals(db, clinic.id, addClinicDays(asOf, -FORECAST_HISTORY_DAYS), asOf);
  return forecastArrivals({ day, asOf, firstDay: firstForecastDay(clinic), timezone: clinic.timezone, history });
}

/** Today's frozen forecast, frozen now when no one did yet. */
async function frozenForecastOf(db: Database, clinic: ForecastClinic, today: string, now: number): Promise<FrozenForecast> {
  const kept = await readFrozenForecast(db, clinic.id, today);
  if (kept !== undefined) return kept;
  await freezeForecast(db, clinic.id, await computeForecast(db, clinic, today, today), now);
  const frozen = await readFrozenForecast(db, clinic.id, today);
  if (frozen === undefined) throw new Error(`the forecast of ${clinic.id} for ${today} was frozen but cannot be read`);
  return frozen;
}

/** `GET /clinics/{id}/forecast?day=`: `day` defaults to the clinic's today. */
export async function forecastOf(
  runtime: ForecastRuntime,
  clinicId: string,
  day: string | undefined,
  dayEndOf: DayEndOf,
): Promise<Result<ForecastAnswer, 'no_such_clinic' | 'day_out_of_range'>> {
  const clinic = await readForecastClinic(runtime.db, clinicId);
  if (clinic === undefined) return failed('no_such_clinic');
  const now = runtime.clock.now();
  const today = clinicDayOf(now, clinic.timezone);
  const wanted = day ?? today;
  // Compared as text (YYYY-MM-DD sorts as days do): a day of year 11 is no calendar arithmetic's business.
  if (wanted < today || wanted > addClinicDays(today, FORECAST_HORIZON_DAYS)) return failed('day_out_of_range');
  const base = { clinicId: clinic.id, timezone: clinic.timezone, day: wanted, asOf: today };
  if (wanted !== today) {
    const forecast = await computeForecast(runtime.db, clinic, wanted, today);
    return succeeded({ ...base, method: forecast.method, hours: forecast.hours, total: forecast.total, frozenAt: null });
  }
  const frozen = await frozenForecastOf(runtime.db, clinic, today, now);
  const end = await dayEndOf(frozen.hours);
  // The end shown is a prediction like any other: the first of each hour is kept, to be judged tonight.
  if (end !== null) await recordEndPrediction(runtime.db, { clinicId: clinic.id, day: today, hour: localHourOf(now, clinic.timezone), madeAt: now, ...end });
  const at = (instant: number) => formatClinicInstant(instant, clinic.timezone);
  return succeeded({
    ...base,
    method: frozen.method as ArrivalForecast['method'],
    hours: frozen.hours,
    total: { expected: frozen.expected, low: frozen.low, high: frozen.high },
    frozenAt: at(frozen.frozenAt),
    end: end === null ? null : { expected: at(end.expected), low: at(end.low), high: at(end.high) },
  });
}

/**
 * The forecast job of one clinic at `now`: scores its frozen forecasts of the days that have
 * ended, then freezes today's. Safe twice: freezing keeps the first, scoring writes once.
 */
export async function runForecastJob(db: Database, clinicId: string, now: number): Promise<{ scored: number; endsScored: number; frozen: boolean }> {
  const clinic = await readForecastClinic(db, clinicId);
  if (clinic === undefined) return { scored: 0, endsScored: 0, frozen: false };
  const today = clinicDayOf(now, clinic.timezone);
  const pending = await unscoredForecasts(db, clinic.id, today, SCORING_BATCH);
  for (const forecast of pending) {
    const [actual, weekBefore] = await Promise.all([
      readHourlyArrivals(db, clinic.id, forecast.day, nextClinicDay(forecast.day)),
      readHourlyArrivals(db, clinic.id, addClinicDays(forecast.day, -7), addClinicDays(forecast.day, -6)),
    ]);
    const score = scoreForecast({ hours: forecast.hours, total: { expected: forecast.expected, low: forecast.low, high: forecast.high } }, actual);
    await recordForecastScore(db, forecast, forecastScoreColumns(forecast, score, naiveForecastErrors(weekBefore, actual), now));
  }
  const ends = await unscoredEndPredictions(db, clinic.id, today, SCORING_BATCH * 24);
  const actualEnds = new Map<string, number | null>();
  for (const prediction of ends) {
    if (!actualEnds.has(prediction.day)) actualEnds.set(prediction.day, await lastPatientDoneAt(db, clinic.id, prediction.day));
    await recordEndScore(db, prediction, scoreEndPrediction(prediction, actualEnds.get(prediction.day) ?? null), now);
  }
  const kept = await readFrozenForecast(db, clinic.id, today);
  if (kept === undefined) await freezeForecast(db, clinic.id, await computeForecast(db, clinic, today, today), now);
  return { scored: pending.length, endsScored: ends.length, frozen: kept === undefined };
}

/** `GET /clinics/{id}/stats/forecast-accuracy?timeframe=`: the scored forecasts of the window. */
export async function forecastAccuracyOf(runtime: ForecastRuntime, clinicId: string, timeframe: Timeframe): Promise<Result<ForecastAccuracyAnswer, 'no_such_clinic'>> {
  const clinic = await readForecastClinic(runtime.db, clinicId);
  if (clinic === undefined) return failed('no_such_clinic');
  const { current } = windowsOf(timeframe, clinicDayOf(runtime.clock.now(), clinic.timezone));
  const [rows, ends] = await Promise.all([
    scoredForecasts(runtime.db, clinic.id, current.from, current.to),
    scoredEndPredictions(runtime.db, clinic.id, current.from, current.to),
  ]);
  return succeeded({ clinicId: clinic.id, timezone: clinic.timezone, timeframe, period: current, ...forecastAccuracy(rows), ...endAccuracy(ends) });
}
