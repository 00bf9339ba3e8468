import type { JSX } from 'solid-js';
import { t } from '../i18n/locale';

/** The doctor's presence for those who may change it: a switch, busy while the change is sent. */
export function PresenceSwitch(props: { present: boolean; busy: boolean; onChange: (present: boolean) => void }): JSX.Element {
  return (
    <button
      type="button"
      role="switch"
      class="presence presence-switch"
      aria-checked={props.present}
      title={t().doctorPresenceHint}
      disabled={props.busy}
      onClick={() => props.onChange(!props.present)}
    >
      <span class="switch-track" aria-hidden="true">
        <span class="switch-thumb" />
      </span>
      <span>{t().doctorPresent}</span>
    </button>
  );
}

/** The doctor's presence for those who only read the screen. */
export function PresenceBadge(props: { present: boolean }): JSX.Element {
  return (
    <p class="presence" data-present={String(props.present)}>
      <span class="connection-dot" aria-hidden="true" />
      {props.present ? t().doctorPresent : t().doctorAway}
    </p>
  );
}
