import { A } from '@solidjs/router';
import { createEffect, createSignal, Show, type JSX } from 'solid-js';
import { requestPasswordReset } from '../api/auth';
import { FormFailure, type WordedFailure } from '../components/FormFailure';
import { formText } from '../form-text';
import { t } from '../i18n/locale';
import { describeRequestError } from '../i18n/request-errors';
import { looksLikeEmail } from '../session/login-form';
import { EmailField } from '../components/EmailField';

/**
 * "Mot de passe oublié ?": the e-mail of the account, then the same words whatever the address
 * (the API does not tell whether an account has it): a one-time link, for 30 minutes, leads to
 * the setup screen to choose a new password.
 */
export default function ForgotPassword(): JSX.Element {
  const [submitting, setSubmitting] = createSignal(false);
  const [failure, setFailure] = createSignal<WordedFailure | null>(null);
  const [sentTo, setSentTo] = createSignal<string | null>(null);

  createEffect(() => {
    document.title = `${t().forgotPasswordTitle} · ${t().appName}`;
  });

  const submit = async (event: SubmitEvent & { currentTarget: HTMLFormElement }): Promise<void> => {
    event.preventDefault();
    const email = formText(event.currentTarget, 'email').trim();
    if (!looksLikeEmail(email)) {
      setFailure({ words: (messages) => messages.errorInvalidEmail });
      return;
    }
    setSubmitting(true);
    setFailure(null);
    try {
      await requestPasswordReset(email);
      setSentTo(email);
    } catch (error) {
      setFailure({ words: (messages) => describeRequestError(error, 'passwordReset', messages) });
    }
    setSubmitting(false);
  };

  return (
    <section class="screen narrow" aria-labelledby="forgot-title">
      <div class="screen-intro">
        <h1 id="forgot-title">{t().forgotPasswordTitle}</h1>
        <Show when={sentTo() === null}>
          <p class="lead">{t().forgotPasswordIntro}</p>
        </Show>
      </div>
      <Show
        when={sentTo()}
        fallback={
          <form class="card form" method="post" novalidate onSubmit={(event) => void submit(event)}>
            <fieldset disabled={submitting()}>
              <EmailField id="forgot-email" />
            </fieldset>
            <FormFailure failure={failure()} />
            <button type="submit" class="button button-wide" disabled={submitting()}>
              {submitting() ? t().forgotPasswordSubmitting : t().forgotPasswordSubmit}
            </button>
          </form>
        }
      >
        {(email) => (
          <>
            <p class="notice notice-ok" role="status">
              {t().forgotPasswordSent(email())}
            </p>
            <button type="button" class="button" onClick={() => setSentTo(null)}>
              {t().forgotPasswordAgain}
            </button>
          </>
        )}
      </Show>
      <A href="/login" class="text-link">
        {t().goToLogin}
      </A>
    </section>
  );
}
