import { createSignal, For, Show, untrack, type JSX } from 'solid-js';
import { updateMySettings, type ChannelsByKind } from '../../api/settings';
import { t } from '../../i18n/locale';
import { channelErrorWords, withChannel } from '../../settings/quiet-hours-form';
import { createScreenRead } from '../../session/screen-read';
import { useSession } from '../../session/SessionProvider';
import { keepMySettings, mySettingsQuery } from '../../settings/settings-queries';
import { ALERT_KINDS, NOTIFICATION_CHANNELS, type AlertKind, type NotificationChannel } from '../../../../worker/domain/vocabulary.ts';
import { DataPanel } from '../DataPanel';
import { SaveStatus, type SaveOutcome } from './SaveStatus';

/**
 * "Canaux par alerte": for each alert kind this person receives, push, e-mail and/or the weekly
 * digest, as the API lists them. Shown to those who receive alerts: clinic owners and the super admin.
 */
export function AlertChannelSettings(props: { onAccessLost: () => void }): JSX.Element {
  const [session] = useSession();
  const receivesAlerts = () => session.account?.user.role === 'super_admin' || (session.account?.clinics.some((clinic) => clinic.role === 'clinic_owner') ?? false);
  const read = createScreenRead(mySettingsQuery, (): [] => [], props.onAccessLost);
  const kindsOf = (channels: ChannelsByKind) => ALERT_KINDS.filter((kind) => channels[kind] !== undefined);
  return (
    <Show when={receivesAlerts()}>
      <DataPanel title={t().channelsTitle} answer={read.answer} onRetry={read.retry} loading={t().settingsLoading} card>
        {(settings) => <ChannelChoices saved={settings().channels} kinds={kindsOf(settings().channels)} />}
      </DataPanel>
    </Show>
  );
}

/** Each box follows the tap at once, and goes back if the server refuses (an urgent alert left without a channel). */
function ChannelChoices(props: { saved: ChannelsByKind; kinds: AlertKind[] }): JSX.Element {
  const [channels, setChannels] = createSignal(untrack(() => props.saved));
  const [saving, setSaving] = createSignal(false);
  const [outcome, setOutcome] = createSignal<SaveOutcome | null>(null);

  const toggle = async (kind: AlertKind, channel: NotificationChannel, on: boolean): Promise<void> => {
    const before = channels();
    const next = withChannel(before[kind] ?? [], channel, on);
    setChannels({ ...before, [kind]: next });
    setSaving(true);
    setOutcome(null);
    try {
      keepMySettings(await updateMySettings({ channels: { [kind]: next } }));
      setOutcome({ saved: true });
    } catch (error) {
      setChannels(before);
      setOutcome({ saved: false, failure: { words: (messages) => channelErrorWords(error, messages) } });
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <p class="field-hint">{t().channelsHint}</p>
      <For each={props.kinds}>
        {(kind) => (
          <fieldset class="channel-choice" disabled={saving()}>
            <legend>{t().alertKinds[kind]}</legend>
            <For each={NOTIFICATION_CHANNELS}>
              {(channel) => (
                <label class="check">
                  <input
                    type="checkbox"
                    name={`${kind}-${channel}`}
                    checked={channels()[kind]?.includes(channel) ?? false}
                    onChange={(event) => void toggle(kind, channel, event.currentTarget.checked)}
                  />
                  <span>{t().channelNames[channel]}</span>
                </label>
              )}
            </For>
          </fieldset>
        )}
      </For>
      <SaveStatus outcome={outcome()} />
    </>
  );
}
