import { Show, type JSX } from 'solid-js';
import { locale, t } from '../i18n/locale';
import { dayEndWords, tomorrowWords } from '../live/forecast-words';
import type { ForesightView } from '../live/foresight-store';

/**
 * The forecast under Aujourd'hui's figures, two quiet lines: when the day should end, as a range,
 * and what tomorrow holds. Each shows once read; nothing stands in for one that could not be.
 */
export function TodayForesight(props: { foresight: ForesightView }): JSX.Element {
  return (
    <Show when={props.foresight.end !== null || props.foresight.tomorrow !== null}>
      <section class="foresight" aria-labelledby="foresight-title">
        <h2 id="foresight-title" class="visually-hidden">
          {t().foresightTitle}
        </h2>
        <Show when={props.foresight.end}>{(end) => <p class="foresight-end">{dayEndWords(end(), locale())}</p>}</Show>
        <Show when={props.foresight.tomorrow}>{(tomorrow) => <p class="foresight-tomorrow">{tomorrowWords(tomorrow(), locale())}</p>}</Show>
      </section>
    </Show>
  );
}
