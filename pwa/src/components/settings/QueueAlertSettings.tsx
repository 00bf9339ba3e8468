import { createSignal, createUniqueId, Show, untrack, type JSX } from 'solid-js';
import type { ClinicAccess } from '../../api/account';
import { QUEUE_THRESHOLD_RANGE, setQueueThreshold, type AlertSettings } from '../../api/settings';
import { formText } from '../../form-text';
import { t } from '../../i18n/locale';
import { parseThreshold, thresholdErrorWords, thresholdOutOfRangeWords } from '../../settings/queue-threshold';
import { createScreenRead } from '../../session/screen-read';
import { alertSettingsQuery, keepAlertSettings } from '../../settings/settings-queries';
import { DataPanel } from '../DataPanel';
import { SaveStatus, type SaveOutcome } from './SaveStatus';

/** An owner's clinic: above how many waiting patients "queue too long" alerts them. */
export function QueueAlertSettings(props: { clinic: ClinicAccess; onAccessLost: () => void }): JSX.Element {
  const read = createScreenRead(alertSettingsQuery, (): [string] => [props.clinic.id], props.onAccessLost);
  return (
    <DataPanel title={t().queueAlertTitle} answer={read.answer} onRetry={read.retry} loading={t().settingsLoading} card>
      {(settings) => <ThresholdForm clinic={props.clinic} saved={settings()} />}
    </DataPanel>
  );
}

function ThresholdForm(props: { clinic: ClinicAccess; saved: AlertSettings }): JSX.Element {
  const [current, setCurrent] = createSignal(untrack(() => props.saved));
  const [saving, setSaving] = createSignal(false);
  const [outcome, setOutcome] = createSignal<SaveOutcome | null>(null);
  const inputId = createUniqueId();

  /** A threshold of the clinic's own, or null to go back to the default. */
  const save = async (threshold: number | null): Promise<void> => {
    setSaving(true);
    setOutcome(null);
    try {
      const saved = await setQueueThreshold(props.clinic.id, threshold);
      keepAlertSettings(props.clinic.id, saved);
      setCurrent(saved);
      setOutcome({ saved: true });
    } catch (error) {
      setOutcome({ saved: false, failure: { words: (messages) => thresholdErrorWords(error, messages) } });
    } finally {
      setSaving(false);
    }
  };

  const submit = (event: SubmitEvent & { currentTarget: HTMLFormElement }): void => {
    event.preventDefault();
    const threshold = parseThreshold(formText(event.currentTarget, 'threshold'));
    if (threshold === null) setOutcome({ saved: false, failure: { words: thresholdOutOfRangeWords } });
    else void save(threshold);
  };

  return (
    <form class="form threshold-form" method="post" novalidate onSubmit={submit}>
      <p class="clinic-name">{props.clinic.name}</p>
      <p>{t().queueThresholdNow(current().queueTooLongThreshold, current().isDefault)}</p>
      <fieldset disabled={saving()}>
        <div class="field">
          <label for={inputId}>{t().queueThreshold}</label>
          <input
            id={inputId}
            name="threshold"
            type="number"
            inputmode="numeric"
            min={QUEUE_THRESHOLD_RANGE.min}
            max={QUEUE_THRESHOLD_RANGE.max}
            step="1"
            required
            value={current().queueTooLongThreshold}
          />
          <p class="field-hint">{t().queueThresholdDefault(current().defaultThreshold)}</p>
        </div>
      </fieldset>
      <SaveStatus outcome={outcome()} />
      <div class="confirm-buttons">
        <button type="submit" class="button" disabled={saving()}>
          {saving() ? t().saving : t().queueThresholdSave}
        </button>
        <Show when={!current().isDefault}>
          <button type="button" class="button button-quiet" disabled={saving()} onClick={() => void save(null)}>
            {t().queueThresholdReset}
          </button>
        </Show>
      </div>
    </form>
  );
}
