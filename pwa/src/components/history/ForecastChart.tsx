import { Show, type JSX } from 'solid-js';
import type { ForecastAccuracyAnswer } from '../../api/forecasts';
import { formatCalendarDay } from '../../i18n/format';
import { locale, t } from '../../i18n/locale';
import { endAccuracyWords, forecastAccuracyWords, naiveForecastWords } from '../../history/foresight-words';
import { forecastCells, forecastSeries } from '../../history/forecast-points';
import { Chart } from './Chart';
import { DataTable } from './DataTable';

/**
 * "Prévision et réalité": the arrivals each day's frozen forecast expected, its range behind them,
 * and the arrivals that came; above, how far off it was in words, and how far the naive forecast
 * (the same weekday a week before) was, so the doctor can tell whether the forecast earns its keep.
 * Only the days already scored are drawn: a day is judged once it has ended.
 */
export function ForecastChart(props: { answer: ForecastAccuracyAnswer }): JSX.Element {
  const series = () => forecastSeries(props.answer.days);
  const naive = () => naiveForecastWords(props.answer.summary, locale());
  const end = () => endAccuracyWords(props.answer.end, locale());
  return (
    <>
      <p class="foresight-words">{forecastAccuracyWords(props.answer.summary, locale())}</p>
      <Show when={naive()}>{(words) => <p class="foresight-words">{words()}</p>}</Show>
      <Show when={end()}>{(words) => <p class="foresight-words">{words()}</p>}</Show>
      <Show when={props.answer.days.length > 0}>
        <p class="footnote">{t().forecastExplained}</p>
        <Chart
          type="line"
          title={t().forecastPerDay}
          labels={props.answer.days.map((day) => formatCalendarDay(day.day, locale(), 'axis'))}
          series={[
            { label: t().seriesExpected, tone: 'brand', values: series().expected, dashed: true },
            { label: t().seriesActual, tone: 'neutral', values: series().actual },
          ]}
          band={{ label: t().seriesForecastRange, tone: 'brand', ranges: series().ranges }}
        />
        <DataTable
          caption={t().forecastTableCaption}
          columns={[t().columnDay, t().columnExpected, t().columnForecastRange, t().columnActual, t().columnForecastError, t().columnNaiveError]}
          rows={props.answer.days.map((day) => ({ head: formatCalendarDay(day.day, locale(), 'row'), cells: forecastCells(day, locale(), t()) }))}
        />
      </Show>
    </>
  );
}
