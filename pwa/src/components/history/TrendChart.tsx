import { Show, type JSX } from 'solid-js';
import type { ChartsAnswer } from '../../api/history';
import { formatCount } from '../../i18n/figures';
import { locale, t } from '../../i18n/locale';
import { axisLabel, rowHead } from '../../history/chart-points';
import { Chart, type ChartTone } from './Chart';
import { DataTable } from './DataTable';
import { chartNoteMarkers } from '../../history/chart-notes';

/** The curves, in this order in the legend and the table's columns. */
const TREND: readonly { figure: 'patients' | 'seen' | 'noShows'; tone: ChartTone }[] = [
  { figure: 'patients', tone: 'brand' },
  { figure: 'seen', tone: 'ok' },
  { figure: 'noShows', tone: 'danger' },
];

/** Patients, seen and no-shows of every day of the window (every week of a year), and their table. */
export function TrendChart(props: { answer: ChartsAnswer }): JSX.Element {
  const weekly = () => props.answer.granularity === 'week';
  const title = () => (weekly() ? t().trendPerWeek : t().trendPerDay);
  return (
    <Show when={!props.answer.insufficientData} fallback={<p>{t().insufficientData}</p>}>
      <Chart
        type="line"
        title={title()}
        labels={props.answer.points.map((point) => axisLabel(point, locale()))}
        notes={chartNoteMarkers(props.answer)}
        series={TREND.map(({ figure, tone }) => ({
          label: t().historyFigureNames[figure],
          tone,
          values: props.answer.points.map((point) => point.figures[figure]),
        }))}
      />
      <DataTable
        caption={title()}
        columns={[weekly() ? t().columnWeek : t().columnDay, ...TREND.map(({ figure }) => t().historyFigureNames[figure])]}
        rows={props.answer.points.map((point) => ({
          head: rowHead(point, props.answer.granularity, locale(), t()),
          cells: TREND.map(({ figure }) => formatCount(point.figures[figure], locale())),
        }))}
      />
    </Show>
  );
}
