import { createEffect, type JSX } from 'solid-js';
import { ClinicHeader } from '../components/ClinicHeader';
import { ComingSoon } from '../components/ComingSoon';
import { t } from '../i18n/locale';

/** The selected clinic's trends. Its series and charts arrive with the rollups' issue. */
export default function History(): JSX.Element {
  createEffect(() => {
    document.title = `${t().historyTitle} · ${t().appName}`;
  });
  return (
    <section class="screen" aria-labelledby="history-title">
      <h1 id="history-title">{t().historyTitle}</h1>
      <ClinicHeader />
      <ComingSoon intro={t().historyIntro} items={t().historyFigures} />
    </section>
  );
}
