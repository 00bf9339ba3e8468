import { For, type JSX } from 'solid-js';
import { TIMEFRAMES, type Timeframe } from '../../api/history';
import { t } from '../../i18n/locale';

/**
 * The window of the history: 7 days, 30, 90 or a year, as one radio group (arrow keys move
 * through it), short on screen and said in full to screen readers. `choices` offers fewer (the
 * admin's trends have no 7 days).
 */
export function TimeframePicker(props: { value: Timeframe; onChange: (timeframe: Timeframe) => void; choices?: readonly Timeframe[] }): JSX.Element {
  return (
    <fieldset class="segmented timeframes">
      <legend class="visually-hidden">{t().timeframe}</legend>
      <For each={props.choices ?? TIMEFRAMES}>
        {(timeframe) => (
          <label class="segment">
            <input
              type="radio"
              name="timeframe"
              value={timeframe}
              aria-label={t().timeframes[timeframe].long}
              checked={props.value === timeframe}
              onChange={() => props.onChange(timeframe)}
            />
            <span>{t().timeframes[timeframe].short}</span>
          </label>
        )}
      </For>
    </fieldset>
  );
}
