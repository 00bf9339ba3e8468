import { Show, type JSX } from 'solid-js';
import type { NoShowsAnswer } from '../../api/history';
import { formatWeekday } from '../../i18n/format';
import { formatCount, formatShare } from '../../i18n/figures';
import { locale, t } from '../../i18n/locale';
import { Chart } from './Chart';
import { DataTable } from './DataTable';

/** The no-show rate of each weekday, Monday first, and the counts it comes from. */
export function NoShowPattern(props: { answer: NoShowsAnswer }): JSX.Element {
  const rate = (value: number | null) => (value === null ? t().noFigure : formatShare(value, locale()));
  return (
    <Show when={props.answer.overallRate !== null} fallback={<p>{t().noPatientInPeriod}</p>}>
      <p class="footnote">{t().noShowOverall(rate(props.answer.overallRate))}</p>
      <Chart
        type="bar"
        title={t().noShowCaption}
        labels={props.answer.weekdays.map((day) => formatWeekday(day.weekday, locale(), 'short'))}
        series={[{ label: t().columnRate, tone: 'danger', values: props.answer.weekdays.map((day) => day.rate) }]}
        format={(value) => formatShare(value, locale())}
      />
      <DataTable
        caption={t().noShowCaption}
        columns={[t().columnWeekday, t().columnPatients, t().columnNoShows, t().columnRate]}
        rows={props.answer.weekdays.map((day) => ({
          head: formatWeekday(day.weekday, locale(), 'long'),
          cells: [formatCount(day.patients, locale()), formatCount(day.noShows, locale()), rate(day.rate)],
        }))}
      />
    </Show>
  );
}
