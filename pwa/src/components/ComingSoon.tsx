import { For, type JSX } from 'solid-js';
import { t } from '../i18n/locale';

/** What a screen will show once its issue lands, in the product's own words (PRODUCT.md). */
export function ComingSoon(props: { intro: string; items: readonly string[] }): JSX.Element {
  return (
    <article class="card coming-soon" aria-labelledby="coming-soon-title">
      <h2 id="coming-soon-title" class="card-label">
        {t().comingSoon}
      </h2>
      <p>{props.intro}</p>
      <ul>
        <For each={props.items}>{(item) => <li>{item}</li>}</For>
      </ul>
    </article>
  );
}
