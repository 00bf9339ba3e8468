import { createEffect, createMemo, on, onCleanup } from 'solid-js';
import { createStore, reconcile } from 'solid-js/store';
import { ApiError, ServerUnreachableError } from '../api/errors';
import { fetchTodayFigures } from '../api/queue';
import { reconnectDelayMs } from './backoff';
import { statusAfterLoss, statusAfterProbe, type ConnectionStatus, type ProbeOutcome } from './connection-status';
import { recallSnapshot, rememberSnapshot, type LiveSnapshot } from './last-snapshot';
import { liveUrl } from './live-message';
import { mergeLiveEntries } from '../api/wire';
import { openLiveSocket, type LiveConnection } from './live-socket';

export interface LiveView {
  readonly status: ConnectionStatus;
  /** The clinic's queue as last received, live or remembered on this phone; null before any. */
  readonly snapshot: LiveSnapshot | null;
  /** When this phone last had proof that the snapshot was current (a message or a pong), its own clock in ms. */
  readonly confirmedAt: number | null;
}

export interface LiveActions {
  /** Tries to connect now rather than at the next step of the backoff. */
  retryNow(): void;
}

export interface LiveStoreOptions {
  /** The clinic to follow; the store switches when it changes. */
  clinicId: () => string | null;
  /** The API refused this clinic's figures: the session or the membership ended. */
  onRefused: () => void;
}

/** Refusals that mean "you may no longer see this", which the session must learn about. */
const ACCESS_LOST = new Set(['UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND']);

/**
 * Today's queue of one clinic, live: one WebSocket, reopened with backoff when it drops (at once
 * when the network comes back or the phone wakes), and the last snapshot kept on the phone so the
 * screen opens on figures and keeps them, stale, while offline. Lives as long as its owner.
 */
export function createLiveStore(options: LiveStoreOptions): [LiveView, LiveActions] {
  const [state, setState] = createStore<{ status: ConnectionStatus; snapshot: LiveSnapshot | null; confirmedAt: number | null }>({
    status: 'connecting',
    snapshot: null,
    confirmedAt: null,
  });
  let clinicId: string | null = null;
  let connection: LiveConnection | null = null;
  let retryTimer: number | undefined;
  /** Attempts failed in a row; a snapshot resets it. */
  let failures = 0;

  function stop(): void {
    connection?.close();
    connection = null;
    window.clearTimeout(retryTimer);
    retryTimer = undefined;
  }

  /** Why the line dropped: a stopped server reads as offline, a refusal ends the session's view. */
  async function probe(id: string): Promise<void> {
    let outcome: ProbeOutcome;
    try {
      await fetchTodayFigures(id);
      outcome = 'reachable';
    } catch (error) {
      if (error instanceof ServerUnreachableError) outcome = 'unreachable';
      else if (error instanceof ApiError && ACCESS_LOST.has(error.code)) outcome = 'refused';
      else outcome = 'reachable';
    }
    if (clinicId !== id) return;
    setState('status', statusAfterProbe(state.status, outcome));
    if (outcome === 'refused') options.onRefused();
  }

  function connect(): void {
    stop();
    const id = clinicId;
    if (id === null) return;
    if (!navigator.onLine) {
      setState('status', 'offline');
      return;
    }
    connection = openLiveSocket(liveUrl(location.origin, id), {
      message(message) {
        failures = 0;
        const now = Date.now();
        const entries = mergeLiveEntries(state.snapshot?.entries ?? [], message);
        const snapshot: LiveSnapshot = { figures: message.figures, entries, receivedAt: now };
        // Keyed by entry, so a row on screen (and the button under a thumb) survives updates.
        setState('snapshot', reconcile(snapshot, { key: 'entryId' }));
        setState({ status: 'live', confirmedAt: now });
        rememberSnapshot(id, snapshot);
      },
      alive() {
        setState('confirmedAt', Date.now());
      },
      lost() {
        connection = null;
        failures += 1;
        setState('status', statusAfterLoss(state.status, navigator.onLine));
        if (!navigator.onLine) return;
        retryTimer = window.setTimeout(connect, reconnectDelayMs(failures - 1));
        void probe(id);
      },
    });
  }

  const onOnline = (): void => {
    if (state.status !== 'live') connect();
  };
  const onOffline = (): void => {
    stop();
    setState('status', 'offline');
  };
  const onVisibilityChange = (): void => {
    if (document.visibilityState !== 'visible') return;
    if (connection === null) connect();
    else connection.check();
  };
  window.addEventListener('online', onOnline);
  window.addEventListener('offline', onOffline);
  document.addEventListener('visibilitychange', onVisibilityChange);

  // A memo, so that a session reload naming the same clinic keeps the connection.
  const followed = createMemo(options.clinicId);
  createEffect(
    on(followed, (id) => {
      stop();
      clinicId = id;
      failures = 0;
      const stored = id === null ? null : recallSnapshot(id);
      setState({ status: 'connecting', snapshot: stored, confirmedAt: stored?.receivedAt ?? null });
      connect();
    }),
  );

  onCleanup(() => {
    stop();
    window.removeEventListener('online', onOnline);
    window.removeEventListener('offline', onOffline);
    document.removeEventListener('visibilitychange', onVisibilityChange);
  });

  const view: LiveView = {
    get status() {
      return state.status;
    },
    get snapshot() {
      return state.snapshot;
    },
    get confirmedAt() {
      return state.confirmedAt;
    },
  };
  return [view, { retryNow: connect }];
}
