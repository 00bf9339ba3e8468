import { For, Show, type JSX } from 'solid-js';
import type { TodayFigures } from '../api/wire';
import { locale, t } from '../i18n/locale';
import { unusualWords } from '../live/unusual-words';

/**
 * What is unusual for this weekday and hour, under the figures (PRODUCT: unusual for this hour):
 * a short notice, one sentence a figure, only while there is something to say. The live region
 * stays in place, empty, so a screen reader hears the notice when it appears.
 */
export function UnusualNotice(props: { unusual: TodayFigures['unusual'] }): JSX.Element {
  return (
    <div role="status" class="unusual">
      <Show when={props.unusual.length > 0}>
        <div class="notice notice-unusual">
          <p class="notice-title">{t().unusualTitle}</p>
          <ul class="unusual-list">
            <For each={props.unusual}>{(unusual) => <li>{unusualWords(unusual, locale(), t())}</li>}</For>
          </ul>
        </div>
      </Show>
    </div>
  );
}
