import { A } from '@solidjs/router';
import { createEffect, createSignal, For, Show, type JSX } from 'solid-js';
import type { Account as AccountData, ClinicRole } from '../api/account';
import { ChangePasswordForm } from '../components/ChangePasswordForm';
import { SignOutIcon } from '../components/icons';
import type { Messages } from '../i18n/fr';
import { t } from '../i18n/locale';
import { describeRequestError } from '../i18n/request-errors';
import { useSession } from '../session/SessionProvider';

function roleName(role: ClinicRole, messages: Messages): string {
  if (role === 'clinic_owner') return messages.roleClinicOwner;
  if (role === 'staff') return messages.roleStaff;
  return messages.rolePulseAdmin;
}

/** Who is signed in and where, the way to their settings, the password change, and signing out. */
export default function Account(): JSX.Element {
  const [state] = useSession();
  createEffect(() => {
    document.title = `${t().accountTitle} · ${t().appName}`;
  });
  return (
    <section class="screen" aria-labelledby="account-title">
      <h1 id="account-title">{t().accountTitle}</h1>
      <Show when={state.account}>
        {(account) => (
          <>
            <Profile account={account()} />
            <SettingsLink />
            <ChangePasswordForm email={account().user.email} />
            <SignOut />
          </>
        )}
      </Show>
    </section>
  );
}

function Profile(props: { account: AccountData }): JSX.Element {
  const superAdmin = () => props.account.user.role === 'super_admin';
  return (
    <article class="card">
      <p class="card-label">{t().signedInAs}</p>
      <p class="account-email">{props.account.user.email}</p>
      <Show when={superAdmin()}>
        <p class="role-badge">{t().rolePulseAdmin}</p>
      </Show>
      <h2 class="card-label">{t().yourClinics}</h2>
      <Show
        when={!superAdmin()}
        fallback={<p>{t().everyClinic(props.account.clinics.length)}</p>}
      >
        <Show when={props.account.clinics.length > 0} fallback={<p>{t().noClinicBody}</p>}>
          <ul class="clinic-list">
            <For each={props.account.clinics}>
              {(clinic) => (
                <li>
                  <span>{clinic.name}</span>
                  <span class="role-badge">{roleName(clinic.role, t())}</span>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </Show>
    </article>
  );
}

/** The way to the settings on a phone, whose tab bar leaves them out (navigation/destinations.ts). */
function SettingsLink(): JSX.Element {
  return (
    <p class="card">
      <A href="/settings" class="text-link">
        {t().settingsLink}
      </A>
    </p>
  );
}

function SignOut(): JSX.Element {
  const [, actions] = useSession();
  const [signingOut, setSigningOut] = createSignal(false);
  const [failure, setFailure] = createSignal<{ error: unknown } | null>(null);
  const signOut = async (): Promise<void> => {
    setSigningOut(true);
    setFailure(null);
    try {
      // Once signed out, the signed-in layout sends this screen to the login screen.
      await actions.signOut();
    } catch (error) {
      setFailure({ error });
      setSigningOut(false);
    }
  };
  return (
    <div class="card sign-out">
      <p class="footnote">{t().signOutHint}</p>
      <Show when={failure()}>
        {(current) => (
          <p class="form-error" role="alert">
            {describeRequestError(current().error, 'logout', t())}
          </p>
        )}
      </Show>
      <button type="button" class="button button-quiet button-wide" disabled={signingOut()} onClick={() => void signOut()}>
        <SignOutIcon />
        <span>{signingOut() ? t().signingOut : t().signOut}</span>
      </button>
    </div>
  );
}
