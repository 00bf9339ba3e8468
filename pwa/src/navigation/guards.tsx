import { Navigate, useLocation, type RouteSectionProps } from '@solidjs/router';
import { Match, Switch, type JSX } from 'solid-js';
import NotFound from '../screens/NotFound';
import SessionProblem from '../screens/SessionProblem';
import { useSession } from '../session/SessionProvider';
import { t } from '../i18n/locale';
import { loginPath } from './next-path';

/**
 * Layout of every screen that needs a session: while the API is asked, a short wait; signed out,
 * the login screen (which brings the user back here); API unreachable, a way to retry.
 */
export function SignedIn(props: RouteSectionProps): JSX.Element {
  const [state] = useSession();
  const location = useLocation();
  return (
    <Switch>
      <Match when={state.session.status === 'checking'}>
        <p class="checking" role="status">
          {t().checkingSession}
        </p>
      </Match>
      <Match when={state.session.status === 'signedOut' ? state.session : null}>
        {(signedOut) => <Navigate href={signedOut().afterLogout ? '/login' : loginPath(location.pathname + location.search)} />}
      </Match>
      <Match when={state.session.status === 'unreachable' || state.session.status === 'failed'}>
        <SessionProblem />
      </Match>
      <Match when={state.account}>{props.children}</Match>
    </Switch>
  );
}

/**
 * Layout of the super admin's screens. Anyone else gets the screen of an unknown address, as the
 * API answers for what a caller may not see: it neither confirms nor explains what is there.
 */
export function SuperAdminOnly(props: RouteSectionProps): JSX.Element {
  const [state] = useSession();
  return (
    <Switch fallback={<NotFound />}>
      <Match when={state.account?.user.role === 'super_admin'}>{props.children}</Match>
    </Switch>
  );
}
