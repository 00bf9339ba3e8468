/**
 * The business trends as the charts and sparklines draw them: one series per figure, and what a
 * series says in words (where it started and where it stands).
 */
import { ADMIN_TIMEFRAMES, type AdminTimeframe, type TrendPoint } from '../api/admin';
import { formatCount, formatMoney, formatShare } from '../i18n/figures';
import type { Locale } from '../i18n/locale';

/** A month, as on the clinic's history screen. */
export const DEFAULT_ADMIN_TIMEFRAME: AdminTimeframe = '30d';

/** The window a `?timeframe=` asks for; anything else gets the default. */
export function adminTimeframeOf(query: string | readonly string[] | undefined): AdminTimeframe {
  return ADMIN_TIMEFRAMES.find((timeframe) => timeframe === query) ?? DEFAULT_ADMIN_TIMEFRAME;
}

/** The figures of a trend point that are drawn. */
export type TrendFigure = Exclude<keyof TrendPoint, 'day'>;

/** How a figure's values are written: money in minor units, a share 0–1, or a count. */
export type TrendUnit = 'money' | 'share' | 'count';

export const TREND_UNITS: Record<TrendFigure, TrendUnit> = {
  mrrMinor: 'money',
  activeClinics: 'count',
  patients: 'count',
  smsSent: 'count',
  smsCostMinor: 'money',
  qrAdoption: 'share',
  dau: 'count',
};

/** The trends page's charts, in order (issue 5/7). */
export const TREND_FIGURES: readonly TrendFigure[] = ['mrrMinor', 'activeClinics', 'patients', 'smsSent', 'smsCostMinor', 'qrAdoption', 'dau'];

/** The home screen's sparklines: the figures the business is watched by. */
export const SPARKLINE_FIGURES: readonly TrendFigure[] = ['mrrMinor', 'activeClinics', 'patients', 'smsSent'];

/** One value per day; null where the figure is not known (days before the first business snapshot). */
export function seriesOf(points: readonly TrendPoint[], figure: TrendFigure): (number | null)[] {
  return points.map((point) => point[figure]);
}

/** The first and the last known values of a series, with their days; null when none is known. */
export interface KnownValue {
  day: string;
  value: number;
}

export function seriesEnds(points: readonly TrendPoint[], figure: TrendFigure): { first: KnownValue; last: KnownValue } | null {
  const known = points.flatMap((point): KnownValue[] => {
    const value = point[figure];
    return value === null ? [] : [{ day: point.day, value }];
  });
  const first = known[0];
  const last = known.at(-1);
  return first === undefined || last === undefined ? null : { first, last };
}

/** A trend value in its unit, in the reader's notation: "500,000 TND", "36 %", "1 234". */
export function formatTrendValue(value: number, unit: TrendUnit, currency: string, locale: Locale): string {
  if (unit === 'money') return formatMoney(value, currency, locale);
  return unit === 'share' ? formatShare(value, locale) : formatCount(value, locale);
}
