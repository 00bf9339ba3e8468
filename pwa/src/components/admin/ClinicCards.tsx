import { A } from '@solidjs/router';
import { For, type JSX } from 'solid-js';
import type { ClinicHealthRow } from '../../api/admin';
import { t } from '../../i18n/locale';
import { ClinicStatusBadge } from './ClinicStatusBadge';
import { clinicHref } from './clinic-links';
import { healthCell, HEALTH_COLUMNS } from './health-cells';

/** The columns a card lists under the clinic's name; the status is its badge. */
const CARD_FIGURES = HEALTH_COLUMNS.filter((column) => column !== 'status');

/** The clinic health table on a phone: one card a clinic, its name a big link to its detail. */
export function ClinicCards(props: { rows: readonly ClinicHealthRow[] }): JSX.Element {
  return (
    <ul class="clinic-cards">
      <For each={props.rows}>
        {(row) => (
          <li class="card clinic-card">
            <div class="clinic-card-head">
              <A href={clinicHref(row.clinicId)} class="clinic-card-name">
                {row.name}
              </A>
              <ClinicStatusBadge status={row.status} archived={row.archived} />
            </div>
            <dl class="facts">
              <For each={CARD_FIGURES}>
                {(column) => (
                  <div>
                    <dt>{t().clinicColumns[column]}</dt>
                    <dd>{healthCell(row, column)}</dd>
                  </div>
                )}
              </For>
            </dl>
          </li>
        )}
      </For>
    </ul>
  );
}
