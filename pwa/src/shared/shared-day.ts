import { onCleanup, onMount, type Accessor } from 'solid-js';
import { createStore } from 'solid-js/store';
import { fetchSharedToday } from '../api/shared';
import { afterRead, INITIAL_SHARED_DAY, nextReadIn, type SharedDayState, type SharedRead } from './shared-day-state';

/**
 * A shared link's day, read now and again every 15 s while the tab is shown (paused while hidden,
 * read at once when shown again), until the link turns out invalid. Kept in memory only: no copy
 * on the phone, so nothing outlives a revocation.
 */
export function createSharedDay(token: Accessor<string>): [SharedDayState, { retryNow: () => void }] {
  const [state, setState] = createStore<SharedDayState>({ ...INITIAL_SHARED_DAY });
  let timer: number | undefined;
  let reading = false;
  let disposed = false;

  const schedule = (delay: number | null): void => {
    window.clearTimeout(timer);
    timer = undefined;
    if (delay !== null && !disposed && document.visibilityState === 'visible') timer = window.setTimeout(() => void read(), delay);
  };

  const read = async (): Promise<void> => {
    if (reading || disposed) return;
    reading = true;
    let outcome: SharedRead;
    try {
      outcome = { ok: true, today: await fetchSharedToday(token()), at: Date.now() };
    } catch (error) {
      outcome = { ok: false, error };
    }
    reading = false;
    if (disposed) return;
    const next = afterRead(state, outcome);
    setState(next);
    schedule(nextReadIn(next, outcome));
  };

  const onVisibility = (): void => {
    if (state.status === 'invalid') return;
    if (document.visibilityState === 'visible') void read();
    else schedule(null);
  };

  onMount(() => {
    document.addEventListener('visibilitychange', onVisibility);
    void read();
  });
  onCleanup(() => {
    disposed = true;
    window.clearTimeout(timer);
    document.removeEventListener('visibilitychange', onVisibility);
  });

  return [state, { retryNow: () => void read() }];
}
