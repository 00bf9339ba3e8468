import { createContext, createEffect, onCleanup, useContext, type JSX } from 'solid-js';
import { createSessionStore, type SessionActions, type SessionView } from './session-store';

const SessionContext = createContext<[SessionView, SessionActions]>();

/**
 * While the API cannot be reached, how often it is asked again: the network may be up while the
 * server was not (no `online` event then), and a phone left open must find out by itself.
 */
export const RECHECK_MS = 15_000;

/**
 * Creates the one session store and asks the API at once; asks again whenever the phone is back
 * online (which also has kept answers read again), when it wakes, and every RECHECK_MS while
 * the API cannot be reached.
 */
export function SessionProvider(props: { children: JSX.Element }): JSX.Element {
  const store = createSessionStore();
  const [state, actions] = store;
  const waitingForApi = (): boolean => state.session.status === 'unreachable' || state.session.status === 'remembered';
  const askAgain = (): void => void actions.reload();
  const askWhenVisible = (): void => {
    if (document.visibilityState === 'visible' && waitingForApi()) askAgain();
  };
  void actions.reload();
  window.addEventListener('online', askAgain);
  document.addEventListener('visibilitychange', askWhenVisible);
  onCleanup(() => {
    window.removeEventListener('online', askAgain);
    document.removeEventListener('visibilitychange', askWhenVisible);
  });
  createEffect(() => {
    if (!waitingForApi()) return;
    const timer = window.setInterval(() => {
      if (navigator.onLine) askAgain();
    }, RECHECK_MS);
    onCleanup(() => window.clearInterval(timer));
  });
  return <SessionContext.Provider value={store}>{props.children}</SessionContext.Provider>;
}

/** The session's `[state, actions]`, inside SessionProvider. */
export function useSession(): [SessionView, SessionActions] {
  const store = useContext(SessionContext);
  if (store === undefined) throw new Error('useSession needs a SessionProvider above it');
  return store;
}
