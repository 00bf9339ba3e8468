import { TIMEFRAMES, type Timeframe } from '../api/history';

/** A month: long enough to see a trend, short enough to remember what happened in it. */
export const DEFAULT_TIMEFRAME: Timeframe = '30d';

/** The window a `?timeframe=` asks for; anything else (none, a typo, an old link) gets the default. */
export function timeframeOf(query: string | readonly string[] | undefined): Timeframe {
  return TIMEFRAMES.find((timeframe) => timeframe === query) ?? DEFAULT_TIMEFRAME;
}
