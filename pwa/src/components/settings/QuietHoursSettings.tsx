import { createSignal, createUniqueId, Show, untrack, type JSX } from 'solid-js';
import { updateMySettings, type MySettings, type QuietHours } from '../../api/settings';
import { formText } from '../../form-text';
import { t } from '../../i18n/locale';
import { quietHoursErrorWords, quietHoursOfForm, SUGGESTED_QUIET_HOURS } from '../../settings/quiet-hours-form';
import { createScreenRead } from '../../session/screen-read';
import { useSession } from '../../session/SessionProvider';
import { keepMySettings, mySettingsQuery } from '../../settings/settings-queries';
import { DataPanel } from '../DataPanel';
import { SaveStatus, type SaveOutcome } from './SaveStatus';

/**
 * "Heures calmes": the stretch of the day without alert pushes, on the clocks of the clinics whose
 * alerts reach this person. Shown to those who receive alerts: clinic owners and the super admin.
 */
export function QuietHoursSettings(props: { onAccessLost: () => void }): JSX.Element {
  const [session] = useSession();
  const isSuperAdmin = () => session.account?.user.role === 'super_admin';
  const receivesAlerts = () => isSuperAdmin() || (session.account?.clinics.some((clinic) => clinic.role === 'clinic_owner') ?? false);
  const read = createScreenRead(mySettingsQuery, (): [] => [], props.onAccessLost);
  return (
    <Show when={receivesAlerts()}>
      <DataPanel title={t().quietHoursTitle} answer={read.answer} onRetry={read.retry} loading={t().settingsLoading} card>
        {(settings) => <QuietHoursForm saved={settings()} urgentComeThrough={isSuperAdmin()} />}
      </DataPanel>
    </Show>
  );
}

function QuietHoursForm(props: { saved: MySettings; urgentComeThrough: boolean }): JSX.Element {
  const [on, setOn] = createSignal(untrack(() => props.saved.quietHours !== null));
  const shown = untrack(() => props.saved.quietHours ?? SUGGESTED_QUIET_HOURS);
  const [saving, setSaving] = createSignal(false);
  const [outcome, setOutcome] = createSignal<SaveOutcome | null>(null);
  const [fromId, toId] = [createUniqueId(), createUniqueId()];

  const save = async (quietHours: QuietHours | null): Promise<void> => {
    setSaving(true);
    setOutcome(null);
    try {
      keepMySettings(await updateMySettings({ quietHours }));
      setOutcome({ saved: true });
    } catch (error) {
      setOutcome({ saved: false, failure: { words: (messages) => quietHoursErrorWords(error, messages) } });
    } finally {
      setSaving(false);
    }
  };

  const submit = (event: SubmitEvent & { currentTarget: HTMLFormElement }): void => {
    event.preventDefault();
    if (!on()) {
      void save(null);
      return;
    }
    const quietHours = quietHoursOfForm(formText(event.currentTarget, 'from'), formText(event.currentTarget, 'to'));
    if (quietHours === null) setOutcome({ saved: false, failure: { words: (messages) => messages.quietHoursInvalid } });
    else void save(quietHours);
  };

  return (
    <form class="form quiet-hours-form" method="post" novalidate onSubmit={submit}>
      <label class="check">
        <input type="checkbox" name="quietHoursOn" checked={on()} disabled={saving()} onChange={(event) => setOn(event.currentTarget.checked)} />
        <span>{t().quietHoursToggle}</span>
      </label>
      {/* A disabled fieldset leaves its times out of the form: off means none, whatever they read. */}
      <fieldset disabled={saving() || !on()}>
        <div class="field">
          <label for={fromId}>{t().quietHoursFrom}</label>
          <input id={fromId} name="from" type="time" step="60" required value={shown.from} />
        </div>
        <div class="field">
          <label for={toId}>{t().quietHoursTo}</label>
          <input id={toId} name="to" type="time" step="60" required value={shown.to} />
        </div>
      </fieldset>
      <Show when={props.saved.quietHoursZones.length > 0}>
        <p class="field-hint">{t().quietHoursZone(props.saved.quietHoursZones.join(', '))}</p>
      </Show>
      <p class="field-hint">{t().quietHoursHint}</p>
      <Show when={props.urgentComeThrough}>
        <p class="field-hint">{t().quietHoursUrgentHint}</p>
      </Show>
      <SaveStatus outcome={outcome()} />
      <button type="submit" class="button" disabled={saving()}>
        {saving() ? t().saving : t().quietHoursSave}
      </button>
    </form>
  );
}
