import { For, Show, type JSX } from 'solid-js';
import type { AdminTrends } from '../../api/admin';
import { cohortWords } from '../../admin/admin-words';
import { formatTrendValue, seriesOf, TREND_FIGURES, TREND_UNITS, type TrendFigure } from '../../admin/trend-series';
import { formatCalendarDay } from '../../i18n/format';
import { formatCount, formatShare } from '../../i18n/figures';
import { locale, t } from '../../i18n/locale';
import { Chart } from '../history/Chart';
import { DataTable, ScrollingTable } from '../history/DataTable';
import { Figure } from '../TodayFigures';

/** One business figure, day by day: its curve, and the same numbers in a table. */
function TrendFigureChart(props: { trends: AdminTrends; figure: TrendFigure }): JSX.Element {
  const name = () => t().trendFigureNames[props.figure];
  const caption = () => t().trendPerDayOf(name());
  const format = (value: number) => formatTrendValue(value, TREND_UNITS[props.figure], props.trends.currency, locale());
  const written = (value: number | null) => (value === null ? t().noFigure : format(value));
  return (
    <section class="trend-chart" aria-labelledby={`trend-${props.figure}`}>
      <h3 id={`trend-${props.figure}`}>{name()}</h3>
      <Chart
        type="line"
        title={caption()}
        labels={props.trends.points.map((point) => formatCalendarDay(point.day, locale(), 'axis'))}
        series={[{ label: name(), tone: 'brand', values: seriesOf(props.trends.points, props.figure) }]}
        format={format}
      />
      <DataTable
        caption={caption()}
        columns={[t().columnDay, name()]}
        rows={props.trends.points.map((point) => ({ head: formatCalendarDay(point.day, locale(), 'row'), cells: [written(point[props.figure])] }))}
      />
    </section>
  );
}

/**
 * Clinics by signup month, and the share of each still logging in 1, 2, 3… months later: a real
 * table (cohort rows, month columns), "—" for months a cohort has not reached yet.
 */
function RetentionTable(props: { retention: AdminTrends['retention'] }): JSX.Element {
  const shareText = (share: number | null) => (share === null ? t().noFigure : formatShare(share, locale()));
  const months = () => Array.from({ length: Math.max(0, ...props.retention.map((cohort) => cohort.retained.length)) }, (_, index) => index + 1);
  return (
    <Show when={props.retention.length > 0} fallback={<p>{t().noCohortYet}</p>}>
      <ScrollingTable
        caption={t().retentionCaption}
        columns={[t().columnCohort, t().columnClinics, ...months().map((month) => t().monthAfter(month))]}
        class="data retention"
      >
        <For each={props.retention}>
          {(cohort) => (
            <tr>
              <th scope="row">{cohortWords(cohort.cohort, locale())}</th>
              <td>{formatCount(cohort.clinics, locale())}</td>
              <For each={months()}>{(month) => <td>{shareText(cohort.retained[month - 1] ?? null)}</td>}</For>
            </tr>
          )}
        </For>
      </ScrollingTable>
    </Show>
  );
}

/** The trends page's answer: logins, a chart (and its table) per business figure, retention. */
export function BusinessTrends(props: { trends: AdminTrends }): JSX.Element {
  const count = (value: number) => formatCount(value, locale());
  const day = (value: string) => formatCalendarDay(value, locale(), 'period');
  return (
    <>
      <p class="history-period">{t().periodRange(day(props.trends.period.from), day(props.trends.period.to))}</p>
      <h3>{t().loginsTitle}</h3>
      <dl class="figures">
        <Figure label={t().figureDau} value={count(props.trends.logins.dau)} window={t().windowDau} />
        <Figure label={t().figureWau} value={count(props.trends.logins.wau)} window={t().windowWau} />
        <Figure label={t().figureMau} value={count(props.trends.logins.mau)} window={t().windowMau} />
      </dl>
      <div class="trend-charts">
        <For each={TREND_FIGURES}>{(figure) => <TrendFigureChart trends={props.trends} figure={figure} />}</For>
      </div>
      <h3>{t().retentionTitle}</h3>
      <p class="footnote">{t().retentionExplained}</p>
      <RetentionTable retention={props.trends.retention} />
    </>
  );
}
