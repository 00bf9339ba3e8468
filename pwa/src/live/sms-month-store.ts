import { createSignal, type Accessor } from 'solid-js';
import { fetchSmsMonth, type SmsMonth } from '../api/sms-budget';
import { followPaced } from './paced-follow';

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
  followPaced({
    ...options,
    reset: () => setMonth(null),
    read: async (id, stillFollowed) => {
      try {
        const answer = await fetchSmsMonth(id);
        if (stillFollowed()) setMonth(answer);
      } catch {
        // Asked again with the next change of the figures.
      }
    },
  });
  return month;
}
