import { Show, type JSX } from 'solid-js';
import type { ChartsAnswer } from '../../api/history';
import { formatShare } from '../../i18n/figures';
import { locale, t } from '../../i18n/locale';
import { accuracyCells, hasQuotedCalls, minutesOnChart } from '../../history/accuracy-words';
import { axisLabel, rowHead } from '../../history/chart-points';
import { Chart } from './Chart';
import { DataTable } from './DataTable';
import { chartNoteMarkers } from '../../history/chart-notes';

/**
 * How close the quotes came, day by day (week by week for a year): the median error in minutes,
 * then the share called within their range, each its own chart since minutes and shares do not
 * share an axis; one table holds both with the mean and the share called later than quoted.
 * Days without a quoted call leave gaps.
 */
export function AccuracyChart(props: { answer: ChartsAnswer }): JSX.Element {
  const weekly = () => props.answer.granularity === 'week';
  const labels = () => props.answer.points.map((point) => axisLabel(point, locale()));
  return (
    <Show when={hasQuotedCalls(props.answer.points)} fallback={<p>{t().noQuotedCallInPeriod}</p>}>
      <p class="footnote">{t().accuracyExplained}</p>
      <h3 class="chart-title">{weekly() ? t().accuracyErrorPerWeek : t().accuracyErrorPerDay}</h3>
      <Chart
        type="line"
        title={weekly() ? t().accuracyErrorPerWeek : t().accuracyErrorPerDay}
        labels={labels()}
        notes={chartNoteMarkers(props.answer)}
        series={[
          { label: t().seriesMedianError, tone: 'brand', values: props.answer.points.map((point) => point.figures.estimates.medianAbsoluteErrorMinutes) },
        ]}
        format={(minutes) => minutesOnChart(minutes, locale(), t())}
      />
      <h3 class="chart-title">{weekly() ? t().accuracyWithinPerWeek : t().accuracyWithinPerDay}</h3>
      <Chart
        type="bar"
        title={weekly() ? t().accuracyWithinPerWeek : t().accuracyWithinPerDay}
        labels={labels()}
        series={[{ label: t().seriesWithinRange, tone: 'ok', values: props.answer.points.map((point) => point.figures.estimates.withinRangeShare) }]}
        format={(share) => formatShare(share, locale())}
      />
      <DataTable
        caption={t().accuracyTableCaption}
        columns={[
          weekly() ? t().columnWeek : t().columnDay,
          t().columnQuotedCalls,
          t().columnMedianError,
          t().columnMeanError,
          t().columnWithinRange,
          t().columnUnderQuoted,
        ]}
        rows={props.answer.points.map((point) => ({
          head: rowHead(point, props.answer.granularity, locale(), t()),
          cells: accuracyCells(point.figures, locale(), t()),
        }))}
      />
    </Show>
  );
}
