import { Show, type JSX } from 'solid-js';
import type { EstimatesAnswer } from '../../api/history';
import { formatHour } from '../../i18n/format';
import { formatMinutes, formatShare } from '../../i18n/figures';
import { locale, t } from '../../i18n/locale';
import { calledHours, hourCells } from '../../history/accuracy-words';
import { Chart } from './Chart';
import { DataTable } from './DataTable';

/**
 * Which hours the quotes and the target hold in (`stats/estimates`): for each hour of the call,
 * the share called within the quoted range and the share called within the target, side by side
 * on one axis of shares; the table adds the calls and the median error.
 */
export function AccuracyByHour(props: { answer: EstimatesAnswer }): JSX.Element {
  const hours = () => calledHours(props.answer.hours);
  const target = () => formatMinutes(props.answer.serviceLevel.targetMinutes, t());
  return (
    <Show when={hours().length > 0} fallback={<p>{t().noCallInPeriod}</p>}>
      <p class="footnote">{t().byHourExplained}</p>
      <Chart
        type="bar"
        title={t().byHourCaption(target())}
        labels={hours().map((hour) => formatHour(hour.hour, locale()))}
        series={[
          { label: t().seriesWithinRange, tone: 'brand', values: hours().map((hour) => hour.estimates.withinRangeShare) },
          { label: t().figureServiceLevel(target()), tone: 'ok', values: hours().map((hour) => hour.serviceLevel.share) },
        ]}
        format={(share) => formatShare(share, locale())}
      />
      <DataTable
        caption={t().byHourCaption(target())}
        columns={[t().columnHour, t().columnCalled, t().columnMedianError, t().columnWithinRange, t().columnCalledWithinTarget]}
        rows={hours().map((hour) => ({ head: formatHour(hour.hour, locale()), cells: hourCells(hour, locale(), t()) }))}
      />
    </Show>
  );
}
