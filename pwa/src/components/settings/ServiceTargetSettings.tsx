import { createSignal, createUniqueId, Show, untrack, type JSX } from 'solid-js';
import type { ClinicAccess } from '../../api/account';
import { SERVICE_TARGET_MINUTES, setServiceTarget, type ServiceTarget } from '../../api/settings';
import { formText } from '../../form-text';
import { formatMinutes } from '../../i18n/figures';
import { t } from '../../i18n/locale';
import { createScreenRead } from '../../session/screen-read';
import { keepServiceTarget, serviceTargetQuery } from '../../settings/settings-queries';
import { parseTargetMinutes, targetErrorWords, targetOutOfRangeWords } from '../../settings/service-target';
import { DataPanel } from '../DataPanel';
import { SaveStatus, type SaveOutcome } from './SaveStatus';

/**
 * An owner's clinic: the wait within which it means to call its patients (PRODUCT: service level),
 * which "Appelés en … ou moins" is measured against on Aujourd'hui and Historique.
 */
export function ServiceTargetSettings(props: { clinic: ClinicAccess; onAccessLost: () => void }): JSX.Element {
  const read = createScreenRead(serviceTargetQuery, (): [string] => [props.clinic.id], props.onAccessLost);
  return (
    <DataPanel title={t().serviceLevelTitle} answer={read.answer} onRetry={read.retry} loading={t().settingsLoading} card>
      {(target) => <TargetForm clinic={props.clinic} saved={target()} />}
    </DataPanel>
  );
}

function TargetForm(props: { clinic: ClinicAccess; saved: ServiceTarget }): JSX.Element {
  const [current, setCurrent] = createSignal(untrack(() => props.saved));
  const [saving, setSaving] = createSignal(false);
  const [outcome, setOutcome] = createSignal<SaveOutcome | null>(null);
  const inputId = createUniqueId();
  const isDefault = () => current().minutes === current().defaultMinutes;

  const save = async (minutes: number): Promise<void> => {
    setSaving(true);
    setOutcome(null);
    try {
      const saved = await setServiceTarget(props.clinic.id, minutes);
      keepServiceTarget(props.clinic.id, saved);
      setCurrent(saved);
      setOutcome({ saved: true });
    } catch (error) {
      setOutcome({ saved: false, failure: { words: (messages) => targetErrorWords(error, messages) } });
    } finally {
      setSaving(false);
    }
  };

  const submit = (event: SubmitEvent & { currentTarget: HTMLFormElement }): void => {
    event.preventDefault();
    const minutes = parseTargetMinutes(formText(event.currentTarget, 'minutes'));
    if (minutes === null) setOutcome({ saved: false, failure: { words: targetOutOfRangeWords } });
    else void save(minutes);
  };

  return (
    <form class="form threshold-form" method="post" novalidate onSubmit={submit}>
      <p class="clinic-name">{props.clinic.name}</p>
      <p>{t().serviceTargetNow(formatMinutes(current().minutes, t()), isDefault())}</p>
      <fieldset disabled={saving()}>
        <div class="field">
          <label for={inputId}>{t().serviceTargetField}</label>
          <input
            id={inputId}
            name="minutes"
            type="number"
            inputmode="numeric"
            min={SERVICE_TARGET_MINUTES.min}
            max={SERVICE_TARGET_MINUTES.max}
            step="1"
            required
            value={current().minutes}
          />
          <p class="field-hint">{t().serviceTargetHint(current().defaultMinutes)}</p>
        </div>
      </fieldset>
      <SaveStatus outcome={outcome()} />
      <div class="confirm-buttons">
        <button type="submit" class="button" disabled={saving()}>
          {saving() ? t().saving : t().serviceTargetSave}
        </button>
        <Show when={!isDefault()}>
          <button type="button" class="button button-quiet" disabled={saving()} onClick={() => void save(current().defaultMinutes)}>
            {t().serviceTargetReset}
          </button>
        </Show>
      </div>
    </form>
  );
}
