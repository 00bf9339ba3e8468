import { createSignal, Show, type JSX } from 'solid-js';
import { formText } from '../form-text';
import type { Messages } from '../i18n/fr';
import { t } from '../i18n/locale';
import { describeRequestError } from '../i18n/request-errors';
import { checkNewPassword, describeNewPasswordProblem } from '../session/new-password';
import { useSession } from '../session/SessionProvider';
import { NewPasswordFields } from './NewPasswordFields';
import { FormFailure } from './FormFailure';

type Outcome = { ok: true } | { ok: false; words: (messages: Messages) => string };

/** Current password, then the new one twice. The API ends every other session of the account. */
export function ChangePasswordForm(props: { email: string }): JSX.Element {
  const [, actions] = useSession();
  const [submitting, setSubmitting] = createSignal(false);
  const [outcome, setOutcome] = createSignal<Outcome | null>(null);
  const failure = () => {
    const current = outcome();
    return current !== null && !current.ok ? current : null;
  };

  const submit = async (event: SubmitEvent & { currentTarget: HTMLFormElement }): Promise<void> => {
    event.preventDefault();
    const form = event.currentTarget;
    const currentPassword = formText(form, 'currentPassword');
    const newPassword = formText(form, 'newPassword');
    if (currentPassword === '') {
      setOutcome({ ok: false, words: (messages) => messages.errorPasswordMissing });
      return;
    }
    const problem = checkNewPassword(newPassword, formText(form, 'confirmation'));
    if (problem !== null) {
      setOutcome({ ok: false, words: (messages) => describeNewPasswordProblem(problem, messages) });
      return;
    }
    setSubmitting(true);
    setOutcome(null);
    try {
      await actions.changePassword(currentPassword, newPassword);
      form.reset();
      setOutcome({ ok: true });
    } catch (error) {
      setOutcome({ ok: false, words: (messages) => describeRequestError(error, 'passwordChange', messages) });
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <form class="card form" method="post" novalidate aria-labelledby="password-title" onSubmit={(event) => void submit(event)}>
      <h2 id="password-title">{t().changePasswordTitle}</h2>
      <input type="email" name="username" autocomplete="username" value={props.email} readOnly hidden />
      <fieldset disabled={submitting()}>
        <div class="field">
          <label for="password-current">{t().currentPassword}</label>
          <input id="password-current" name="currentPassword" type="password" autocomplete="current-password" required maxLength={200} />
        </div>
        <NewPasswordFields idPrefix="password" />
      </fieldset>
      <FormFailure failure={failure()} />
      <Show when={outcome()?.ok}>
        <p class="notice notice-ok" role="status">
          {t().passwordChanged}
        </p>
      </Show>
      <button type="submit" class="button button-wide" disabled={submitting()}>
        {submitting() ? t().changingPassword : t().changePasswordSubmit}
      </button>
    </form>
  );
}
