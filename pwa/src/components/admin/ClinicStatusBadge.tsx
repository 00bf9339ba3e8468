import type { JSX } from 'solid-js';
import type { ClinicStatus } from '../../api/admin';
import { t } from '../../i18n/locale';

/** Opening, active, at risk or churned: a word on a coloured pill, never the colour alone. */
export function ClinicStatusBadge(props: { status: ClinicStatus; archived?: boolean }): JSX.Element {
  return (
    <span class="clinic-status" data-status={props.archived === true ? 'archived' : props.status}>
      {props.archived === true ? t().clinicArchived : t().clinicStatuses[props.status]}
    </span>
  );
}
