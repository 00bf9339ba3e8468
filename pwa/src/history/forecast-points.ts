/**
 * "Prévision et réalité" as Historique draws it (PRODUCT: forecast): each scored day of the window,
 * the arrivals its frozen forecast expected with their range, and the arrivals that came; the same
 * numbers, written out, in the table beside the chart. Pure: the language comes in as its table
 * and locale.
 */
import type { ForecastAccuracyAnswer } from '../api/forecasts';
import type { Messages } from '../i18n/fr';
import { formatCount, formatDecimal } from '../i18n/figures';
import type { Locale } from '../i18n/locale';

export type ScoredDay = ForecastAccuracyAnswer['days'][number];

/** What the chart draws, a value per scored day: the expected arrivals, their range, the actual arrivals. */
export interface ForecastSeries {
  expected: number[];
  ranges: Array<[low: number, high: number]>;
  actual: number[];
}

/** The scored days as the chart draws them, in the answer's order (oldest first). */
export function forecastSeries(days: readonly ScoredDay[]): ForecastSeries {
  return {
    expected: days.map((day) => day.expected),
    ranges: days.map((day) => [day.low, day.high]),
    actual: days.map((day) => day.actual),
  };
}

/**
 * A day's row: expected (to a tenth, as forecast), range, actual, the forecast's error and the
 * naive forecast's ("—" when the day had no week before to copy).
 */
export function forecastCells(day: ScoredDay, locale: Locale, messages: Messages): string[] {
  return [
    formatDecimal(day.expected, locale),
    `${formatCount(day.low, locale)}–${formatCount(day.high, locale)}`,
    formatCount(day.actual, locale),
    formatDecimal(day.absError, locale),
    day.naiveAbsError === null ? messages.noFigure : formatDecimal(day.naiveAbsError, locale),
  ];
}
