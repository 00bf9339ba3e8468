import { For, Show, type JSX } from 'solid-js';
import type { PeakHoursAnswer } from '../../api/history';
import { formatHour, formatWeekday } from '../../i18n/format';
import { formatCount, formatDecimal } from '../../i18n/figures';
import { locale, t } from '../../i18n/locale';
import { busiestCell, heatOf, openHours } from '../../history/peak-hours';
import { Chart } from './Chart';
import { DataTable, ScrollingTable } from './DataTable';

/** Past this share of the busiest cell, a heat map cell is dark enough to take light text. */
const DARK_CELL = 0.6;

/**
 * The weekday × hour heat map: a table, coloured by how many patients arrive, which is its own
 * text alternative (every cell says its mean).
 */
function HeatMap(props: { answer: PeakHoursAnswer; hours: readonly number[] }): JSX.Element {
  const busiest = () => busiestCell(props.answer.weekdayHours);
  return (
    <ScrollingTable
      caption={t().heatMapCaption}
      columns={[t().columnWeekday, ...props.hours.map((hour) => formatHour(hour, locale()))]}
      class="heat-map"
    >
      <For each={props.answer.weekdayHours}>
        {(row) => (
          <tr>
            <th scope="row">{formatWeekday(row.weekday, locale(), 'short')}</th>
            <For each={props.hours}>
              {(hour) => {
                const mean = () => row.meanArrivals[hour] ?? 0;
                const heat = () => heatOf(mean(), busiest());
                return (
                  <td style={{ '--heat': heat().toFixed(2) }} classList={{ dark: heat() > DARK_CELL }}>
                    {formatDecimal(mean(), locale())}
                  </td>
                );
              }}
            </For>
          </tr>
        )}
      </For>
    </ScrollingTable>
  );
}

/** When patients arrive: mean arrivals per hour of an open day, then per weekday and hour. */
export function PeakHours(props: { answer: PeakHoursAnswer }): JSX.Element {
  const hours = () => openHours(props.answer.hours);
  const byHour = () => hours().map((hour) => props.answer.hours.find((entry) => entry.hour === hour) ?? { hour, meanArrivals: 0, arrivals: 0 });
  const decimal = (value: number) => formatDecimal(value, locale());
  return (
    <Show when={hours().length > 0} fallback={<p>{t().noArrival}</p>}>
      <p class="footnote">{t().peakOpenDays(props.answer.openDays)}</p>
      <Chart
        type="bar"
        title={t().peakCaption}
        labels={byHour().map((entry) => formatHour(entry.hour, locale()))}
        series={[{ label: t().columnMeanArrivals, tone: 'brand', values: byHour().map((entry) => entry.meanArrivals) }]}
        format={decimal}
      />
      <DataTable
        caption={t().peakCaption}
        columns={[t().columnHour, t().columnMeanArrivals, t().columnArrivals]}
        rows={byHour().map((entry) => ({
          head: formatHour(entry.hour, locale()),
          cells: [decimal(entry.meanArrivals), formatCount(entry.arrivals, locale())],
        }))}
      />
      <h3>{t().heatMapTitle}</h3>
      <HeatMap answer={props.answer} hours={hours()} />
    </Show>
  );
}
