import { createEffect, For, Show, type JSX } from 'solid-js';
import { DataPanel } from '../components/DataPanel';
import { AlertChannelSettings } from '../components/settings/AlertChannelSettings';
import { DigestChoice, LanguageChoice } from '../components/settings/PersonalSettings';
import { PushSettings } from '../components/settings/PushSettings';
import { QuietHoursSettings } from '../components/settings/QuietHoursSettings';
import { QueueAlertSettings } from '../components/settings/QueueAlertSettings';
import { ServiceTargetSettings } from '../components/settings/ServiceTargetSettings';
import { SmsBudgetSettings } from '../components/settings/SmsBudgetSettings';
import { ShareLinkSettings } from '../components/settings/ShareLinkSettings';
import { t } from '../i18n/locale';
import { createScreenRead } from '../session/screen-read';
import { mySettingsQuery } from '../settings/settings-queries';
import { useSession } from '../session/SessionProvider';

/**
 * What a signed-in user sets for themselves: notifications on this device, their language and
 * weekly digest, and for a clinic's owner, when "queue too long" alerts them and the wait within
 * which the clinic means to call its patients. Loaded on first visit (App.tsx): nobody needs it
 * to open Pulse.
 */
export default function Settings(): JSX.Element {
  const [session, actions] = useSession();
  const reloadSession = () => void actions.reload();
  const mine = createScreenRead(mySettingsQuery, (): [] => [], reloadSession);
  /** The threshold and the service target are the owners' to set (the API refuses staff); the super admin sets none through here. */
  const ownedClinics = () => session.account?.clinics.filter((clinic) => clinic.role === 'clinic_owner') ?? [];
  /** Digests go to clinic owners and the super admin (PRODUCT.md, "Digest"): nobody else gets one to turn off. */
  const receivesDigest = () => session.account?.user.role === 'super_admin' || ownedClinics().length > 0;
  createEffect(() => {
    document.title = `${t().settingsTitle} · ${t().appName}`;
  });
  return (
    <section class="screen narrow" aria-labelledby="settings-title">
      <h1 id="settings-title">{t().settingsTitle}</h1>
      <PushSettings />
      <DataPanel title={t().languageTitle} answer={mine.answer} onRetry={mine.retry} loading={t().settingsLoading} card>
        {(settings) => <LanguageChoice saved={settings().locale} />}
      </DataPanel>
      <Show when={receivesDigest()}>
        <DataPanel title={t().digestTitle} answer={mine.answer} onRetry={mine.retry} loading={t().settingsLoading} card>
          {(settings) => <DigestChoice saved={settings().weeklyDigest} />}
        </DataPanel>
      </Show>
      <QuietHoursSettings onAccessLost={reloadSession} />
      <AlertChannelSettings onAccessLost={reloadSession} />
      <For each={ownedClinics()}>
        {(clinic) => (
          <>
            <QueueAlertSettings clinic={clinic} onAccessLost={reloadSession} />
            <ServiceTargetSettings clinic={clinic} onAccessLost={reloadSession} />
            <SmsBudgetSettings clinic={clinic} onAccessLost={reloadSession} />
            <ShareLinkSettings clinic={clinic} onAccessLost={reloadSession} />
          </>
        )}
      </For>
    </section>
  );
}
