/**
 * The demo's frozen day forecasts: for each of a clinic's last days, the forecast its forecast job
 * would have frozen at that midnight (from the days before only) and, for the days that have
 * ended, its score and the seasonal naive forecast's — what `runForecastJob` (worker/use-cases/
 * forecasts.ts) writes, computed from the rollups the seed generates, so Historique's "forecast
 * against actual" has weeks to show on the first `npm start`.
 */
import { FORECAST_HISTORY_DAYS, forecastArrivals, scoreForecast, type HourArrivals } from '../../worker/domain/arrival-forecast.ts';
import { addClinicDays, clinicDayOf, nextClinicDay, startOfClinicDay } from '../../worker/domain/clinic-time.ts';
import { naiveForecastErrors } from '../../worker/domain/forecast-accuracy.ts';
import { firstForecastDay, forecastScoreColumns, frozenForecastRow, type FrozenForecast } from '../queries/forecasts.ts';
import type { DailyRollupRow, HourlyRollupRow } from '../../worker/domain/rollup.ts';

/** Days forecast and scored per clinic, today included (a year on a thousand clinics would only slow benchmarks down). */
export const DEMO_FORECAST_DAYS = 42;

type ForecastRow = FrozenForecast;

/** One clinic's check-ins as its days are generated, oldest first, and the forecasts they give. */
export class DemoForecasts {
  readonly #clinic: { id: string; timezone: string; createdAt: number };
  readonly #today: string;
  readonly #arrivals = new Map<string, HourArrivals[]>();
  #firstRollupDay: string | null = null;

  constructor(clinic: { id: string; timezone: string; createdAt: number }, now: number) {
    this.#clinic = clinic;
    this.#today = clinicDayOf(now, clinic.timezone);
  }

  /**
   * A generated day's rollups (its clinic day is `day`); answers that day's frozen forecast row,
   * scored when the day has ended, or nothing outside the demo's last days.
   */
  add(day: string, daily: readonly DailyRollupRow[], hourly: readonly HourlyRollupRow[]): ForecastRow[] {
    if (this.#firstRollupDay === null && daily.length > 0) this.#firstRollupDay = daily[0]?.day ?? null;
    const dayArrivals = hourly.filter((row) => row.day === day).map((row) => ({ day, hour: row.hour, arrivals: row.checkinsQr + row.checkinsManual })).filter((row) => row.arrivals > 0);
    const forecastRow = addClinicDays(this.#today, -(DEMO_FORECAST_DAYS - 1)) <= day ? this.#forecastRow(day, dayArrivals) : [];
    this.#arrivals.set(day, dayArrivals);
    // Only the forecast window is kept in memory.
    this.#arrivals.delete(addClinicDays(day, -FORECAST_HISTORY_DAYS));
    return forecastRow;
  }

  /** Frozen at the day's midnight, scored at the next. */
  #forecastRow(day: string, actual: HourArrivals[]): ForecastRow[] {
    const { id, timezone } = this.#clinic;
    const firstDay = firstForecastDay({ ...this.#clinic, firstRollupDay: this.#firstRollupDay });
    const forecast = forecastArrivals({ day, asOf: day, firstDay, timezone, history: [...this.#arrivals.values()].flat() });
    const frozen = frozenForecastRow(id, forecast, startOfClinicDay(day, timezone));
    if (day >= this.#today) return [frozen];
    const naive = naiveForecastErrors(this.#arrivals.get(addClinicDays(day, -7)) ?? [], actual);
    return [{ ...frozen, ...forecastScoreColumns(forecast, scoreForecast(forecast, actual), naive, startOfClinicDay(nextClinicDay(day), timezone)) }];
  }
}
