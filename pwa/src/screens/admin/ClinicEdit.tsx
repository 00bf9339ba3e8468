import { useNavigate, useParams } from '@solidjs/router';
import { createEffect, Show, type JSX } from 'solid-js';
import { updateClinic, type AdminClinic } from '../../api/admin';
import { ADMIN_ACCESS_LOST, adminClinicQuery, forgetClinicAnswers } from '../../admin/admin-queries';
import { amountText, changedFields, majorUnits } from '../../admin/clinic-form';
import { ClinicForm } from '../../components/admin/ClinicForm';
import { clinicHref } from '../../components/admin/clinic-links';
import { DataPanel } from '../../components/DataPanel';
import { locale, t } from '../../i18n/locale';
import { createScreenRead } from '../../session/screen-read';
import { useSession } from '../../session/SessionProvider';

/** The clinic's settings as they are, in the form's units. */
function fieldsOf(clinic: AdminClinic) {
  return {
    name: clinic.name,
    timezone: clinic.timezone,
    planPrice: majorUnits(clinic.planPrice.amountMinor, clinic.planPrice.currency),
    smsUnitCost: majorUnits(clinic.smsUnitCost.amountMinor, clinic.smsUnitCost.currency),
  };
}

/** A clinic's settings, edited (audited): only what changed is sent. Its time zone is fixed once it has history. */
export default function ClinicEdit(): JSX.Element {
  const [, actions] = useSession();
  const params = useParams<{ clinicId: string }>();
  const navigate = useNavigate();
  const clinic = createScreenRead(adminClinicQuery, (): [string] => [params.clinicId], () => void actions.reload(), ADMIN_ACCESS_LOST);
  createEffect(() => {
    document.title = `${t().editClinicTitle} · ${t().appName}`;
  });
  return (
    <section class="screen narrow" aria-labelledby="edit-clinic-title">
      <h1 id="edit-clinic-title">{t().editClinicTitle}</h1>
      <DataPanel title={t().clinicSettingsTitle} answer={clinic.answer} onRetry={clinic.retry} loading={t().adminLoading}>
        {(answer) => (
          <Show when={answer().clinicId} keyed>
            <p class="clinic-name">{answer().name}</p>
            <ClinicForm
              initial={{
                name: answer().name,
                timezone: answer().timezone,
                planPrice: amountText(answer().planPrice.amountMinor, answer().planPrice.currency, locale()),
                smsUnitCost: amountText(answer().smsUnitCost.amountMinor, answer().smsUnitCost.currency, locale()),
              }}
              currency={answer().planPrice.currency}
              submitLabel={t().saveClinic}
              cancelHref={clinicHref(answer().clinicId)}
              onSubmit={async (fields) => {
                const changes = changedFields(fieldsOf(answer()), fields);
                if (Object.keys(changes).length > 0) {
                  await updateClinic(answer().clinicId, changes);
                  await forgetClinicAnswers();
                }
                navigate(clinicHref(answer().clinicId));
              }}
            />
          </Show>
        )}
      </DataPanel>
    </section>
  );
}
