import { A } from '@solidjs/router';
import { For, Show, type JSX } from 'solid-js';
import type { AdminMetrics } from '../../api/admin';
import { lastLoginWords } from '../../admin/admin-words';
import { t } from '../../i18n/locale';
import { clinicHref } from './clinic-links';

/**
 * The clinics at risk of churning (no login for 7 to 30 days), by name, each a link to its detail:
 * the ones a call may still keep. The churned ones are counted, with a link to their list.
 */
export function ChurnBanner(props: { churnRisk: AdminMetrics['churnRisk'] }): JSX.Element {
  const atRisk = () => props.churnRisk.clinics.filter((clinic) => clinic.status === 'at_risk');
  return (
    <Show when={atRisk().length > 0 || props.churnRisk.churned > 0}>
      <section class="notice notice-warning churn-banner" aria-labelledby="churn-banner-title">
        <h3 id="churn-banner-title" class="notice-title">
          {atRisk().length > 0 ? t().churnBannerTitle(atRisk().length) : t().churnBannerNoneAtRisk}
        </h3>
        <Show when={atRisk().length > 0}>
          <p>{t().churnBannerBody}</p>
          <ul class="churn-list">
            <For each={atRisk()}>
              {(clinic) => (
                <li>
                  <A href={clinicHref(clinic.clinicId)}>{clinic.name}</A>
                  <span class="footnote"> · {t().lastLoginWas(lastLoginWords(clinic.daysSinceLastLogin, t()))}</span>
                </li>
              )}
            </For>
          </ul>
        </Show>
        <Show when={props.churnRisk.churned > 0}>
          <A href="/admin/clinics?status=churned" class="text-link">
            {t().churnedClinics(props.churnRisk.churned)}
          </A>
        </Show>
      </section>
    </Show>
  );
}
