/**
 * The history screen's reads, each a named query (read through session/screen-read.ts): readers of
 * the same clinic and window share one answer, kept while a screen shows it.
 */
import { query } from '@solidjs/router';
import { fetchAnalytics, fetchCharts, fetchNoShows, fetchPeakHours, type Timeframe } from '../api/history';
import { startReads } from '../session/screen-read';
import { timeframeOf } from './timeframe';

export const analyticsQuery = query(fetchAnalytics, 'historyAnalytics');
export const chartsQuery = query(fetchCharts, 'historyCharts');
export const peakHoursQuery = query(fetchPeakHours, 'historyPeakHours');
export const noShowsQuery = query(fetchNoShows, 'historyNoShows');

/** A clinic and a window: what every history answer but the weekly one is asked for. */
export interface HistoryWindow {
  clinicId: string;
  timeframe: Timeframe;
}

/** The arguments of a windowed query, as screen reads ask for them. */
export const windowArgs = (window: HistoryWindow): [string, Timeframe] => [window.clinicId, window.timeframe];

/** The history screen's reads for a clinic and the window its address asks for (`?timeframe=`). */
export function preloadHistory(clinicId: string, timeframe: string | readonly string[] | undefined): void {
  const args = windowArgs({ clinicId, timeframe: timeframeOf(timeframe) });
  startReads([analyticsQuery(...args), chartsQuery(...args), peakHoursQuery(...args), noShowsQuery(...args)]);
}
