import { A, useLocation } from '@solidjs/router';
import { createEffect, type JSX } from 'solid-js';
import { t } from '../i18n/locale';

/** Any address the router does not know, e.g. an old bookmark or a mistyped link. */
export default function NotFound(): JSX.Element {
  const location = useLocation();
  createEffect(() => {
    document.title = `${t().notFoundTitle} · ${t().appName}`;
  });
  return (
    <section class="screen not-found" aria-labelledby="not-found-title">
      <p class="not-found-code" aria-hidden="true">404</p>
      <h1 id="not-found-title">{t().notFoundTitle}</h1>
      <p>{t().notFoundBody}</p>
      <p>
        <code class="address">{location.pathname}</code>
      </p>
      <A href="/" class="button">
        {t().backHome}
      </A>
    </section>
  );
}
