import { Show, type JSX } from 'solid-js';
import type { ChartsAnswer } from '../../api/history';
import { formatShare } from '../../i18n/figures';
import { locale, t } from '../../i18n/locale';
import { hasCalls, serviceLevelCells, targetWords } from '../../history/accuracy-words';
import { axisLabel, rowHead } from '../../history/chart-points';
import { Chart } from './Chart';
import { DataTable } from './DataTable';
import { chartNoteMarkers } from '../../history/chart-notes';

/**
 * The service level day by day (week by week for a year): the share of patients called within
 * the clinic's target, which its owner sets; days without a call leave gaps.
 */
export function ServiceLevelChart(props: { answer: ChartsAnswer }): JSX.Element {
  const weekly = () => props.answer.granularity === 'week';
  /** The clinic's target now: every point carries it (each day was judged against its own). */
  const target = () => {
    const last = props.answer.points.at(-1);
    return last === undefined ? null : targetWords(last.figures, t());
  };
  const title = (target: string) => (weekly() ? t().serviceLevelPerWeek(target) : t().serviceLevelPerDay(target));
  return (
    <Show when={hasCalls(props.answer.points) ? target() : null} fallback={<p>{t().noCallInPeriod}</p>}>
      {(target) => (
        <>
          <p class="footnote">{t().serviceLevelExplained(target())}</p>
          <Chart
            type="bar"
            title={title(target())}
            labels={props.answer.points.map((point) => axisLabel(point, locale()))}
            notes={chartNoteMarkers(props.answer)}
            series={[
              { label: t().figureServiceLevel(target()), tone: 'ok', values: props.answer.points.map((point) => point.figures.serviceLevel.share) },
            ]}
            format={(share) => formatShare(share, locale())}
          />
          <DataTable
            caption={title(target())}
            columns={[weekly() ? t().columnWeek : t().columnDay, t().columnCalled, t().columnCalledWithinTarget, t().columnShare]}
            rows={props.answer.points.map((point) => ({
              head: rowHead(point, props.answer.granularity, locale(), t()),
              cells: serviceLevelCells(point.figures, locale(), t()),
            }))}
          />
        </>
      )}
    </Show>
  );
}
