/**
 * The Revenus screen's shapes: a currency's months as the movements chart's series (rises up,
 * falls down, the month-end MRR as a line over them) and as the rows of the table beside it, the
 * chart's accessible form. Pure: text and numbers only.
 */
import type { RevenueMonth } from '../api/revenue';
import type { ChartSeries } from '../components/history/chart-series';
import { formatMoney, formatShare } from '../i18n/figures';
import type { Messages } from '../i18n/fr';
import type { Locale } from '../i18n/locale';
import { minorUnitDigits } from '../../../worker/domain/money.ts';
import { majorUnits } from './clinic-form';

/** The movements that raise the MRR, drawn above zero, and those that lower it, below. */
export const RISES = ['newMinor', 'expansionMinor', 'reactivationMinor'] as const;
export const FALLS = ['contractionMinor', 'churnedMinor'] as const;
export type Movement = (typeof RISES)[number] | (typeof FALLS)[number];

/** Each movement's look: rises in the "good" tone, falls in the "danger" one, the second of a kind see-through. */
const LOOKS: Record<Movement, Pick<ChartSeries, 'tone' | 'faded'>> = {
  newMinor: { tone: 'ok' },
  expansionMinor: { tone: 'ok', faded: true },
  reactivationMinor: { tone: 'brand' },
  contractionMinor: { tone: 'danger', faded: true },
  churnedMinor: { tone: 'danger' },
};

/**
 * The chart's series in major units (a value axis in millimes would read 50 000 for 50 TND): five
 * stacked bars, the falls as negative values, and the MRR at each month's end as a line.
 */
export function revenueChartSeries(months: readonly RevenueMonth[], currency: string, messages: Messages): ChartSeries[] {
  const major = (minor: number) => majorUnits(minor, currency);
  return [
    ...RISES.map((movement) => ({ label: messages.revenueMovementNames[movement], type: 'bar' as const, ...LOOKS[movement], values: months.map((month) => major(month[movement])) })),
    ...FALLS.map((movement) => ({ label: messages.revenueMovementNames[movement], type: 'bar' as const, ...LOOKS[movement], values: months.map((month) => -major(month[movement])) })),
    { label: messages.revenueColumns.mrrEndMinor, type: 'line', tone: 'neutral', values: months.map((month) => major(month.mrrEndMinor)) },
  ];
}

/** The table's columns: the month, the MRR at the start, each movement, the MRR at the end, then clinics, ARPU and churn. */
export function revenueColumns(messages: Messages): string[] {
  const { revenueColumns: columns, revenueMovementNames: names } = messages;
  return [columns.month, columns.mrrStartMinor, ...RISES.map((movement) => names[movement]), ...FALLS.map((movement) => names[movement]), columns.mrrEndMinor, columns.activeClinics, columns.arpuMinor, columns.logoChurnRate, columns.revenueChurnRate];
}

/** A month's row under `revenueColumns` (the month itself aside): money in the currency, shares as percentages, "—" for none. */
export function revenueRowCells(month: RevenueMonth, currency: string, locale: Locale, messages: Messages): string[] {
  const money = (minor: number | null) => (minor === null ? messages.noFigure : formatMoney(minor, currency, locale));
  const share = (value: number | null) => (value === null ? messages.noFigure : formatShare(value, locale));
  return [
    money(month.mrrStartMinor),
    ...RISES.map((movement) => money(month[movement])),
    ...FALLS.map((movement) => money(month[movement])),
    money(month.mrrEndMinor),
    String(month.activeClinics),
    money(month.arpuMinor),
    share(month.logoChurnRate),
    share(month.revenueChurnRate),
  ];
}

/** A month on the chart's axis: "janv. 26". */
export function revenueMonthAxis(month: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { timeZone: 'UTC', month: 'short', year: '2-digit' }).format(Date.parse(`${month}-01T00:00:00Z`));
}

/** A value of the chart (major units) as money, for its axis and tooltips: 52.5 TND → "52,500 DT". */
export function majorAmountText(major: number, currency: string, locale: Locale): string {
  return formatMoney(Math.round(major * 10 ** minorUnitDigits(currency)), currency, locale);
}
