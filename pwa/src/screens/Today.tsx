import { createEffect, type JSX } from 'solid-js';
import { ClinicHeader } from '../components/ClinicHeader';
import { ComingSoon } from '../components/ComingSoon';
import { t } from '../i18n/locale';

/** The selected clinic's day. Its live figures arrive with the queue counters (issue 3/7 on). */
export default function Today(): JSX.Element {
  createEffect(() => {
    document.title = `${t().todayTitle} · ${t().appName}`;
  });
  return (
    <section class="screen" aria-labelledby="today-title">
      <h1 id="today-title">{t().todayTitle}</h1>
      <ClinicHeader />
      <ComingSoon intro={t().todayIntro} items={t().todayFigures} />
    </section>
  );
}
