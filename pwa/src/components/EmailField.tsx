import { t } from '../i18n/locale';

/** The one way Pulse asks for an account's e-mail (sign in, forgotten password): what password managers fill. */
export function EmailField(props: { id: string }) {
  return (
    <div class="field">
      <label for={props.id}>{t().email}</label>
      <input id={props.id} name="email" type="email" autocomplete="username" autocapitalize="none" spellcheck={false} inputmode="email" required maxLength={254} />
    </div>
  );
}
