import type { JSX } from 'solid-js';
import { t } from '../i18n/locale';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../session/new-password';

/**
 * A new password typed twice, marked `new-password` so password managers offer to generate one
 * and save it. Read by name from the form: `newPassword` and `confirmation`.
 */
export function NewPasswordFields(props: { idPrefix: string }): JSX.Element {
  const hintId = `${props.idPrefix}-hint`;
  return (
    <>
      <div class="field">
        <label for={`${props.idPrefix}-new`}>{t().newPassword}</label>
        <input
          id={`${props.idPrefix}-new`}
          name="newPassword"
          type="password"
          autocomplete="new-password"
          required
          minLength={PASSWORD_MIN_LENGTH}
          maxLength={PASSWORD_MAX_LENGTH}
          aria-describedby={hintId}
        />
        <p class="field-hint" id={hintId}>
          {t().passwordHint(PASSWORD_MIN_LENGTH)}
        </p>
      </div>
      <div class="field">
        <label for={`${props.idPrefix}-confirmation`}>{t().confirmPassword}</label>
        <input
          id={`${props.idPrefix}-confirmation`}
          name="confirmation"
          type="password"
          autocomplete="new-password"
          required
          maxLength={PASSWORD_MAX_LENGTH}
        />
      </div>
    </>
  );
}
