import { A } from '@solidjs/router';
import { For, Show, type JSX } from 'solid-js';
import type { AdminMetrics } from '../../api/admin';
import { alertKindWords } from '../../admin/admin-words';
import { formatCheckTime } from '../../i18n/format';
import { formatDecimal } from '../../i18n/figures';
import { locale, t } from '../../i18n/locale';
import { useSession } from '../../session/SessionProvider';
import { clinicHref } from './clinic-links';

/** The alerts firing now, newest first as the API lists them; said in words when there are none. */
export function FiringAlerts(props: { alerts: AdminMetrics['firingAlerts'] }): JSX.Element {
  const [session] = useSession();
  const clinicName = (clinicId: string) => session.account?.clinics.find((clinic) => clinic.id === clinicId)?.name ?? clinicId;
  return (
    <section class="card firing-alerts" aria-labelledby="firing-alerts-title">
      <h3 id="firing-alerts-title">{t().firingAlertsTitle}</h3>
      <Show when={props.alerts.length > 0} fallback={<p class="footnote">{t().noFiringAlert}</p>}>
        <ul class="plain-list divided">
          <For each={props.alerts}>
            {(alert) => (
              <li class="alert-item">
                <span class="alert-kind">{alertKindWords(alert.kind, t())}</span>
                <span>
                  <Show when={alert.clinicId} fallback={t().wholeService}>
                    {(clinicId) => <A href={clinicHref(clinicId())}>{clinicName(clinicId())}</A>}
                  </Show>
                </span>
                <span class="footnote">
                  {t().alertFiredAt(formatCheckTime(alert.firedAt, locale(), new Date()))} · {t().alertValue(formatDecimal(alert.value, locale()))}
                </span>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}
