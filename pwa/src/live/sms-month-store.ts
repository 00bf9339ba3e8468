import { createEffect, createMemo, createSignal, on, onCleanup, type Accessor } from 'solid-js';
import { fetchSmsMonth, type SmsMonth } from '../api/sms-budget';
import { delayBeforeAsking } from './forecast-pace';

export interface SmsMonthStoreOptions {
  /** The clinic followed; null for none (or for a reader who is not shown the card). */
  clinicId: () => string | null;
  /** Changes whenever the live figures do (their `asOf`): an SMS sent moves them too. */
  figuresChanged: () => unknown;
}

/**
 * The month's SMS of one clinic for Aujourd'hui's card, read from `stats/today` when the clinic is
 * chosen and again when the live figures change, at most once a minute (a cost to the cent does
 * not need the pace of the queue). A failed read keeps what was shown: the card is a help, the
 * live figures go on without it. Lives as long as its owner.
 */
export function createSmsMonthStore(options: SmsMonthStoreOptions): Accessor<SmsMonth | null> {
  const [month, setMonth] = createSignal<SmsMonth | null>(null);
  let clinicId: string | null = null;
  let lastAskedAt: number | null = null;
  let timer: number | undefined;

  async function read(id: string): Promise<void> {
    lastAskedAt = Date.now();
    try {
      const answer = await fetchSmsMonth(id);
      if (clinicId === id) setMonth(answer);
    } catch {
      // Asked again with the next change of the figures.
    }
  }

  function askSoon(): void {
    const id = clinicId;
    if (id === null || timer !== undefined) return;
    timer = window.setTimeout(() => {
      timer = undefined;
      void read(id);
    }, delayBeforeAsking(lastAskedAt, Date.now()));
  }

  const followed = createMemo(options.clinicId);
  createEffect(
    on(followed, (id) => {
      window.clearTimeout(timer);
      timer = undefined;
      lastAskedAt = null;
      clinicId = id;
      setMonth(null);
      askSoon();
    }),
  );
  createEffect(on(options.figuresChanged, askSoon, { defer: true }));
  onCleanup(() => {
    window.clearTimeout(timer);
    clinicId = null;
  });
  return month;
}
