import { A } from '@solidjs/router';
import { For, Show, type JSX } from 'solid-js';
import type { AdminTrends } from '../../api/admin';
import { formatTrendValue, seriesEnds, seriesOf, SPARKLINE_FIGURES, TREND_UNITS, type TrendFigure } from '../../admin/trend-series';
import { formatCalendarDay } from '../../i18n/format';
import { locale, t } from '../../i18n/locale';
import { Chart } from '../history/Chart';

/**
 * One figure's last days as a small curve. The curve is a picture for sighted readers; its
 * meaning (where it started, where it stands) is said in words beside it, for everyone.
 */
function Sparkline(props: { trends: AdminTrends; figure: TrendFigure }): JSX.Element {
  const unit = () => TREND_UNITS[props.figure];
  const value = (amount: number) => formatTrendValue(amount, unit(), props.trends.currency, locale());
  const ends = () => seriesEnds(props.trends.points, props.figure);
  const day = (date: string) => formatCalendarDay(date, locale(), 'axis');
  return (
    <li class="card sparkline">
      <p class="figure-label">{t().trendFigureNames[props.figure]}</p>
      <Show when={ends()} fallback={<p class="footnote">{t().noTrendYet}</p>}>
        {(known) => (
          <>
            <p class="sparkline-value">{value(known().last.value)}</p>
            <div aria-hidden="true">
              <Chart
                type="line"
                compact
                title={t().trendFigureNames[props.figure]}
                labels={props.trends.points.map((point) => day(point.day))}
                series={[{ label: t().trendFigureNames[props.figure], tone: 'brand', values: seriesOf(props.trends.points, props.figure) }]}
                format={value}
              />
            </div>
            <p class="footnote">{t().trendSince(value(known().first.value), day(known().first.day))}</p>
          </>
        )}
      </Show>
    </li>
  );
}

/** The business's last 30 days at a glance; the trends page has every curve and its table. */
export function Sparklines(props: { trends: AdminTrends }): JSX.Element {
  return (
    <>
      <ul class="sparklines">
        <For each={SPARKLINE_FIGURES}>{(figure) => <Sparkline trends={props.trends} figure={figure} />}</For>
      </ul>
      <A href="/admin/trends" class="text-link">
        {t().seeAllTrends}
      </A>
    </>
  );
}
