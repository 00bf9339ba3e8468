import { createContext, onCleanup, useContext, type JSX } from 'solid-js';
import { createSessionStore, type SessionActions, type SessionView } from './session-store';

const SessionContext = createContext<[SessionView, SessionActions]>();

/** Creates the one session store, asks the API at once, and asks again when the phone is back online. */
export function SessionProvider(props: { children: JSX.Element }): JSX.Element {
  const store = createSessionStore();
  const [state, actions] = store;
  const retryWhenOnline = (): void => {
    if (state.session.status === 'unreachable') void actions.reload();
  };
  void actions.reload();
  window.addEventListener('online', retryWhenOnline);
  onCleanup(() => window.removeEventListener('online', retryWhenOnline));
  return <SessionContext.Provider value={store}>{props.children}</SessionContext.Provider>;
}

/** The session's `[state, actions]`, inside SessionProvider. */
export function useSession(): [SessionView, SessionActions] {
  const store = useContext(SessionContext);
  if (store === undefined) throw new Error('useSession needs a SessionProvider above it');
  return store;
}
