import { A } from '@solidjs/router';
import { createEffect, type JSX } from 'solid-js';
import { ComingSoon } from '../components/ComingSoon';
import { AuditIcon, HealthIcon } from '../components/icons';
import { t } from '../i18n/locale';
import { useSession } from '../session/SessionProvider';

/** The super admin's home. The business figures arrive with their issue; the audit log is here now. */
export default function Admin(): JSX.Element {
  const [state] = useSession();
  createEffect(() => {
    document.title = `${t().adminTitle} · ${t().appName}`;
  });
  return (
    <section class="screen" aria-labelledby="admin-title">
      <div class="screen-intro">
        <h1 id="admin-title">{t().adminTitle}</h1>
        <p class="lead">{t().clinicCount(state.account?.clinics.length ?? 0)}</p>
      </div>
      <div class="shortcuts">
        <A href="/admin/audit" class="shortcut">
          <AuditIcon />
          <span>{t().navAudit}</span>
        </A>
        <A href="/health" class="shortcut">
          <HealthIcon />
          <span>{t().navHealth}</span>
        </A>
      </div>
      <ComingSoon intro={t().adminIntro} items={t().adminFigures} />
    </section>
  );
}
