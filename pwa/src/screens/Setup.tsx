import { A, Navigate } from '@solidjs/router';
import { createEffect, createResource, createSignal, Match, Show, Switch, type JSX } from 'solid-js';
import { readSetupLink } from '../api/auth';
import { ApiError } from '../api/errors';
import { NewPasswordFields } from '../components/NewPasswordFields';
import { formText } from '../form-text';
import type { Messages } from '../i18n/fr';
import { t } from '../i18n/locale';
import { describeRequestError } from '../i18n/request-errors';
import { setupTokenFrom } from '../navigation/setup-token';
import { checkNewPassword, describeNewPasswordProblem } from '../session/new-password';
import { useSession } from '../session/SessionProvider';
import { FormFailure } from '../components/FormFailure';

/**
 * Where a one-time link `/setup#<token>` leads — an invitation's, or the reset of a forgotten
 * password: whom it is for, a first (or new) password typed twice, then the app, signed in. A
 * used, expired or mangled link says so in words, and offers to ask for a new one.
 */
export default function Setup(): JSX.Element {
  const [state, actions] = useSession();
  const token = setupTokenFrom(window.location.hash);
  // No token, no question to the API: the resource stays unresolved and the link counts as invalid.
  const [link, { refetch }] = createResource(() => token ?? false, readSetupLink);
  const [linkGone, setLinkGone] = createSignal(token === null);
  const [done, setDone] = createSignal(false);

  createEffect(() => {
    document.title = `${title()} · ${t().appName}`;
  });

  const invalid = () => linkGone() || (link.state === 'ready' && link() === null);
  const opened = () => (link.state === 'ready' ? link() : null);
  const title = () => (opened()?.reset === true ? t().resetTitle : t().setupTitle);
  const onLinkUsed = () => setLinkGone(true);

  return (
    <section class="screen narrow" aria-labelledby="setup-title">
      <Show when={done() && state.account}>
        {/* Replaces the address, so the used token leaves the history as well. */}
        <Navigate href="/" />
      </Show>
      <h1 id="setup-title">{invalid() ? t().setupLinkInvalid : title()}</h1>
      <Switch>
        <Match when={invalid()}>
          <div class="notice notice-danger" role="alert">
            <p>{t().setupLinkInvalidBody}</p>
          </div>
          <A href="/login" class="button">
            {t().goToLogin}
          </A>
          <A href="/forgot-password" class="text-link">
            {t().forgotPasswordAgain}
          </A>
        </Match>
        <Match when={link.state === 'errored'}>
          <div class="notice notice-danger" role="alert">
            <p class="notice-title">{describeRequestError(link.error, 'setup', t())}</p>
            <button type="button" class="button" onClick={() => void refetch()}>
              {t().retry}
            </button>
          </div>
        </Match>
        <Match when={opened()}>
          {(opened) => (
            <SetupForm
              email={opened().email}
              intro={opened().reset ? t().resetIntro : t().setupIntro}
              submit={async (password) => {
                if (token === null) return;
                await actions.completeSetup(token, password);
                setDone(true);
              }}
              onLinkUsed={onLinkUsed}
            />
          )}
        </Match>
        <Match when={true}>
          <p class="checking" role="status">
            {t().checkingLink}
          </p>
        </Match>
      </Switch>
    </section>
  );
}

function SetupForm(props: { email: string; intro: string; submit: (password: string) => Promise<void>; onLinkUsed: () => void }): JSX.Element {
  const [submitting, setSubmitting] = createSignal(false);
  const [failure, setFailure] = createSignal<{ words: (messages: Messages) => string } | null>(null);

  const submit = async (event: SubmitEvent & { currentTarget: HTMLFormElement }): Promise<void> => {
    event.preventDefault();
    const password = formText(event.currentTarget, 'newPassword');
    const problem = checkNewPassword(password, formText(event.currentTarget, 'confirmation'));
    if (problem !== null) {
      setFailure({ words: (messages) => describeNewPasswordProblem(problem, messages) });
      return;
    }
    setSubmitting(true);
    setFailure(null);
    try {
      await props.submit(password);
    } catch (error) {
      // Used in another tab, or expired while the form was open.
      if (error instanceof ApiError && error.code === 'NOT_FOUND') props.onLinkUsed();
      else setFailure({ words: (messages) => describeRequestError(error, 'setup', messages) });
      setSubmitting(false);
    }
  };

  return (
    <form class="card form" method="post" novalidate onSubmit={(event) => void submit(event)}>
      <p>{props.intro}</p>
      <p class="account-email">{props.email}</p>
      {/* Tells password managers which account the new password belongs to. */}
      <input type="email" name="username" autocomplete="username" value={props.email} readOnly hidden />
      <fieldset disabled={submitting()}>
        <NewPasswordFields idPrefix="setup" />
      </fieldset>
      <FormFailure failure={failure()} />
      <button type="submit" class="button button-wide" disabled={submitting()}>
        {submitting() ? t().setupSubmitting : t().setupSubmit}
      </button>
    </form>
  );
}
