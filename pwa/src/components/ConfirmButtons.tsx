import type { JSX } from 'solid-js';
import { t } from '../i18n/locale';

/**
 * The two buttons under a question that asks before acting (archive, delete…): go ahead, in red
 * when it destroys something, or call it off. Both wait while the action is sent.
 */
export function ConfirmButtons(props: { label: string; danger: boolean; sending: boolean; onConfirm: () => void; onCancel: () => void }): JSX.Element {
  return (
    <div class="confirm-buttons">
      <button type="button" class="button" classList={{ 'button-danger': props.danger }} disabled={props.sending} onClick={() => props.onConfirm()}>
        {props.sending ? t().sending : props.label}
      </button>
      <button type="button" class="button button-quiet" disabled={props.sending} onClick={() => props.onCancel()}>
        {t().cancelAction}
      </button>
    </div>
  );
}
