/**
 * The history screen's reads, each a named query: readers of the same clinic and window share one
 * answer, kept while a screen shows it, and a retry asks the API again for that one answer.
 */
import { createAsync, query, revalidate, type AccessorWithLatest } from '@solidjs/router';
import { ApiError } from '../api/errors';
import { fetchAnalytics, fetchCharts, fetchNoShows, fetchPeakHours, type Timeframe } from '../api/history';

export const analyticsQuery = query(fetchAnalytics, 'historyAnalytics');
export const chartsQuery = query(fetchCharts, 'historyCharts');
export const peakHoursQuery = query(fetchPeakHours, 'historyPeakHours');
export const noShowsQuery = query(fetchNoShows, 'historyNoShows');

/** A clinic and a window: what every history answer but the weekly one is asked for. */
export interface HistoryWindow {
  clinicId: string;
  timeframe: Timeframe;
}

type WindowQuery<Answer> = ((clinicId: string, timeframe: Timeframe) => Promise<Answer>) & {
  keyFor: (clinicId: string, timeframe: Timeframe) => string;
};

export interface HistoryRead<Answer> {
  /** Suspends while the first answer loads; throws the failure to the nearest error boundary. */
  answer: AccessorWithLatest<Answer | undefined>;
  /** Asks the API again for the answer on screen, after a failure. */
  retry: () => void;
}

/** Refusals that mean "you may no longer see this clinic", which the session must learn about. */
const ACCESS_LOST: ReadonlySet<string> = new Set(['UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND']);

/**
 * One history answer for the window of the moment, read again when the clinic or the window
 * changes. A refusal that means the session or the membership ended also goes to `onAccessLost`.
 */
export function createHistoryRead<Answer>(
  read: WindowQuery<Answer>,
  asked: () => HistoryWindow,
  onAccessLost: () => void,
): HistoryRead<Answer> {
  const answer = createAsync(() => {
    const { clinicId, timeframe } = asked();
    return read(clinicId, timeframe).catch((error: unknown) => {
      if (error instanceof ApiError && ACCESS_LOST.has(error.code)) onAccessLost();
      throw error;
    });
  });
  const retry = (): void => {
    const { clinicId, timeframe } = asked();
    void revalidate(read.keyFor(clinicId, timeframe));
  };
  return { answer, retry };
}
