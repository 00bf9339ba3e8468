import { For, Show, type JSX } from 'solid-js';
import type { CurrencyRevenue, RevenueAnswer } from '../../api/revenue';
import { cohortWords } from '../../admin/admin-words';
import { majorAmountText, revenueChartSeries, revenueColumns, revenueMonthAxis, revenueRowCells } from '../../admin/revenue-figures';
import { locale, t } from '../../i18n/locale';
import { Chart } from '../history/Chart';
import { DataTable } from '../history/DataTable';

/**
 * One currency's months: the movements as stacked bars (rises above zero, falls below) under the
 * month-end MRR's line, then the same figures in a table behind "Voir les données", the chart's
 * accessible form as on every chart.
 */
function CurrencyMovements(props: { revenue: CurrencyRevenue }): JSX.Element {
  const currency = () => props.revenue.currency;
  const money = (major: number) => majorAmountText(major, currency(), locale());
  return (
    <section class="revenue-currency" aria-labelledby={`revenue-${currency()}`}>
      <h3 id={`revenue-${currency()}`}>{t().revenueSectionTitle(currency())}</h3>
      <Chart
        type="bar"
        stacked
        title={t().revenueChartTitle(currency())}
        labels={props.revenue.months.map((month) => revenueMonthAxis(month.month, locale()))}
        series={revenueChartSeries(props.revenue.months, currency(), t())}
        format={money}
      />
      <DataTable
        caption={t().revenueTableCaption(currency())}
        columns={revenueColumns(t())}
        rows={props.revenue.months.map((month) => ({ head: cohortWords(month.month, locale()), cells: revenueRowCells(month, currency(), locale(), t()) }))}
      />
    </section>
  );
}

/** The Revenus answer: each currency with an active clinic in the window, or a sentence when none. */
export function RevenueMovements(props: { revenue: RevenueAnswer }): JSX.Element {
  return (
    <Show when={props.revenue.currencies.length > 0} fallback={<p>{t().revenueNoActiveClinic}</p>}>
      <For each={props.revenue.currencies}>{(revenue) => <CurrencyMovements revenue={revenue} />}</For>
    </Show>
  );
}
