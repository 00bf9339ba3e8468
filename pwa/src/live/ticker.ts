import { createSignal, onCleanup, type Accessor } from 'solid-js';

/** The time now, moving every `intervalMs` while its owner lives: what "… ago" and waits count from. */
export function createTicker(intervalMs: number): Accessor<number> {
  const [now, setNow] = createSignal(Date.now());
  const timer = window.setInterval(() => setNow(Date.now()), intervalMs);
  onCleanup(() => window.clearInterval(timer));
  return now;
}
