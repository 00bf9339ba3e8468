import { createStore } from 'solid-js/store';
import { fetchForecast, type ForecastAnswer } from '../api/forecasts';
import { dayAfter } from './forecast-pace';
import { followPaced } from './paced-follow';

/** Today's end as the forecast gives it: clinic times, a point and its range. */
export type DayEnd = NonNullable<ForecastAnswer['end']>;

export interface ForesightView {
  /** Today's end as last read; null before it, when nobody is waiting or expected, or when it could not be read. */
  readonly end: DayEnd | null;
  /** Tomorrow's forecast; null before it is read, or when it could not be. */
  readonly tomorrow: ForecastAnswer | null;
}

export interface ForesightStoreOptions {
  /** The clinic followed; the store starts over when it changes. */
  clinicId: () => string | null;
  /** Changes whenever the live figures do (their `asOf`): the reason to read today's end again. */
  figuresChanged: () => unknown;
}

/**
 * The forecast of one clinic as Aujourd'hui says it (PRODUCT: forecast): today's end as a range,
 * read again when the live figures change but at most once a minute (forecast-pace.ts), and
 * tomorrow's arrivals, read once per clinic day. A failed read changes nothing on screen: the
 * forecast is a help, and the live figures go on without it. Lives as long as its owner.
 */
export function createForesightStore(options: ForesightStoreOptions): ForesightView {
  const [state, setState] = createStore<{ end: DayEnd | null; tomorrow: ForecastAnswer | null }>({ end: null, tomorrow: null });
  followPaced({
    ...options,
    reset: () => setState({ end: null, tomorrow: null }),
    read: async (id, stillFollowed) => {
      let today: ForecastAnswer;
      try {
        today = await fetchForecast(id);
      } catch {
        return;
      }
      if (!stillFollowed()) return;
      setState('end', today.end ?? null);
      // Tomorrow is learnt from the days before today only: it changes with the clinic's day, not the queue.
      const tomorrow = dayAfter(today.day);
      if (state.tomorrow?.day === tomorrow) return;
      try {
        const answer = await fetchForecast(id, tomorrow);
        if (stillFollowed()) setState('tomorrow', answer);
      } catch {
        // Asked again with the next change of the figures, a minute later at the soonest.
      }
    },
  });

  return state;
}
