import { A } from '@solidjs/router';
import { Show, type JSX } from 'solid-js';
import type { AdminClinic } from '../../api/admin';
import { lastLoginWords } from '../../admin/admin-words';
import { formatCheckTime } from '../../i18n/format';
import { formatMoney } from '../../i18n/figures';
import { locale, t } from '../../i18n/locale';
import { clinicHref } from './clinic-links';
import { healthCell } from './health-cells';

/** A line of the clinic's facts. */
function Fact(props: { label: string; children: JSX.Element }): JSX.Element {
  return (
    <div>
      <dt>{props.label}</dt>
      <dd>{props.children}</dd>
    </div>
  );
}

/** The clinic's figures of the health table, then its settings, with the way to edit them. */
export function ClinicSettings(props: { clinic: AdminClinic }): JSX.Element {
  const when = (iso: string) => formatCheckTime(iso, locale(), new Date(), props.clinic.timezone);
  const money = (amount: AdminClinic['planPrice']) => formatMoney(amount.amountMinor, amount.currency, locale());
  return (
    <div class="admin-columns">
      <section class="card" aria-labelledby="clinic-figures-title">
        <h2 id="clinic-figures-title">{t().clinicFiguresTitle}</h2>
        <dl class="facts">
          <Fact label={t().clinicColumns.daysSinceLastLogin}>
            {lastLoginWords(props.clinic.daysSinceLastLogin, t())}
            <Show when={props.clinic.lastLoginAt}>{(at) => <span class="footnote"> · {when(at())}</span>}</Show>
          </Fact>
          <Fact label={t().clinicColumns.patientsToday}>{healthCell(props.clinic, 'patientsToday')}</Fact>
          <Fact label={t().clinicColumns.avgWaitToday}>{healthCell(props.clinic, 'avgWaitToday')}</Fact>
          <Fact label={t().clinicColumns.qrShare30d}>{healthCell(props.clinic, 'qrShare30d')}</Fact>
        </dl>
      </section>
      <section class="card" aria-labelledby="clinic-settings-title">
        <h2 id="clinic-settings-title">{t().clinicSettingsTitle}</h2>
        <dl class="facts">
          <Fact label={t().clinicTimezone}>{props.clinic.timezone}</Fact>
          <Fact label={t().clinicPlanPrice}>{money(props.clinic.planPrice)}</Fact>
          <Fact label={t().clinicSmsUnitCost}>{money(props.clinic.smsUnitCost)}</Fact>
          <Fact label={t().clinicCreatedAt}>{when(props.clinic.createdAt)}</Fact>
          <Show when={props.clinic.archivedAt}>{(at) => <Fact label={t().clinicArchivedAt}>{when(at())}</Fact>}</Show>
        </dl>
        <A href={`${clinicHref(props.clinic.clinicId)}/edit`} class="button button-quiet">
          {t().editClinic}
        </A>
      </section>
    </div>
  );
}
