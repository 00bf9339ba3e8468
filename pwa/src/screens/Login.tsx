import { A, Navigate, useSearchParams } from '@solidjs/router';
import { createEffect, createSignal, Show, type JSX } from 'solid-js';
import { formText } from '../form-text';
import type { Messages } from '../i18n/fr';
import { t } from '../i18n/locale';
import { describeRequestError } from '../i18n/request-errors';
import { safeNextPath } from '../navigation/next-path';
import { checkLoginForm, describeLoginFormProblem } from '../session/login-form';
import { useSession } from '../session/SessionProvider';
import { FormFailure } from '../components/FormFailure';
import { EmailField } from '../components/EmailField';

/**
 * E-mail and password, in a real form so password managers offer, fill and save the account.
 * Signed in, it forwards to the screen the user came from (`?next=`), else home.
 */
export default function Login(): JSX.Element {
  const [state, actions] = useSession();
  const [params] = useSearchParams();
  const [submitting, setSubmitting] = createSignal(false);
  // How to word the failure rather than its words, so that switching language re-words it.
  const [failure, setFailure] = createSignal<{ words: (messages: Messages) => string } | null>(null);
  let passwordInput: HTMLInputElement | undefined;
  const next = () => safeNextPath(typeof params.next === 'string' ? params.next : null);
  const justSignedOut = () => state.session.status === 'signedOut' && state.session.afterLogout;

  createEffect(() => {
    document.title = `${t().loginTitle} · ${t().appName}`;
  });

  const submit = async (event: SubmitEvent & { currentTarget: HTMLFormElement }): Promise<void> => {
    event.preventDefault();
    const email = formText(event.currentTarget, 'email');
    const password = formText(event.currentTarget, 'password');
    const problem = checkLoginForm(email, password);
    if (problem !== null) {
      setFailure({ words: (messages) => describeLoginFormProblem(problem, messages) });
      return;
    }
    setSubmitting(true);
    setFailure(null);
    try {
      await actions.signIn(email.trim(), password);
    } catch (error) {
      setFailure({ words: (messages) => describeRequestError(error, 'login', messages) });
      setSubmitting(false);
      if (passwordInput !== undefined) {
        passwordInput.value = '';
        passwordInput.focus();
      }
    }
  };

  return (
    <section class="screen narrow" aria-labelledby="login-title">
      <Show when={state.account}>
        <Navigate href={next()} />
      </Show>
      <div class="screen-intro">
        <h1 id="login-title">{t().loginTitle}</h1>
        <p class="lead">{t().loginIntro}</p>
      </div>
      <Show when={justSignedOut()}>
        <p class="notice notice-ok" role="status">
          {t().signedOut}
        </p>
      </Show>
      <form class="card form" method="post" novalidate onSubmit={(event) => void submit(event)}>
        <fieldset disabled={submitting()}>
          <EmailField id="login-email" />
          <div class="field">
            <label for="login-password">{t().password}</label>
            <input
              ref={passwordInput}
              id="login-password"
              name="password"
              type="password"
              autocomplete="current-password"
              required
              maxLength={200}
            />
          </div>
        </fieldset>
        <FormFailure failure={failure()} />
        <button type="submit" class="button button-wide" disabled={submitting()}>
          {submitting() ? t().signingIn : t().signIn}
        </button>
      </form>
      <A href="/forgot-password" class="text-link">
        {t().forgotPasswordLink}
      </A>
      <A href="/health" class="text-link">
        {t().seeServiceHealth}
      </A>
    </section>
  );
}
