import { useNavigate } from '@solidjs/router';
import { createEffect, type JSX } from 'solid-js';
import { createClinic } from '../../api/admin';
import { forgetClinicAnswers } from '../../admin/admin-queries';
import { DEFAULT_PLAN_PRICE, DEFAULT_TIMEZONE } from '../../admin/clinic-form';
import { ClinicForm } from '../../components/admin/ClinicForm';
import { clinicHref } from '../../components/admin/clinic-links';
import { locale, t } from '../../i18n/locale';

/** Pulse's clinics are billed in dinars for now; the API stores TND unless told otherwise. */
const NEW_CLINIC_CURRENCY = 'TND';

/** A new clinic (audited), in Tunis on the 50 TND plan unless changed; then its page, to invite its owner. */
export default function ClinicNew(): JSX.Element {
  const navigate = useNavigate();
  createEffect(() => {
    document.title = `${t().newClinicTitle} · ${t().appName}`;
  });
  return (
    <section class="screen narrow" aria-labelledby="new-clinic-title">
      <div class="screen-intro">
        <h1 id="new-clinic-title">{t().newClinicTitle}</h1>
        <p class="lead">{t().newClinicIntro}</p>
      </div>
      <ClinicForm
        initial={{ name: '', timezone: DEFAULT_TIMEZONE, planPrice: new Intl.NumberFormat(locale()).format(DEFAULT_PLAN_PRICE), smsUnitCost: '' }}
        currency={NEW_CLINIC_CURRENCY}
        submitLabel={t().createClinic}
        cancelHref="/admin/clinics"
        onSubmit={async (fields) => {
          const clinic = await createClinic(fields);
          await forgetClinicAnswers();
          navigate(clinicHref(clinic.clinicId));
        }}
      />
    </section>
  );
}
