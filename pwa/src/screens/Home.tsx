import { Navigate } from '@solidjs/router';
import { Show, type JSX } from 'solid-js';
import { homePath } from '../navigation/destinations';
import { useSession } from '../session/SessionProvider';

/** `/` once signed in: the screen the role opens most (the app's start_url lands here). */
export default function Home(): JSX.Element {
  const [state] = useSession();
  return <Show when={state.account}>{(account) => <Navigate href={homePath(account().user.role)} />}</Show>;
}
