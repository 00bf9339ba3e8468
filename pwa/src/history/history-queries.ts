/**
 * The history screen's reads, each a named query (read through session/screen-read.ts): readers of
 * the same clinic and window share one answer, kept while a screen shows it, and kept on the phone
 * for its user (kept-answers.ts), which gives it back, marked, when the server cannot be reached.
 */
import { query } from '@solidjs/router';
import { fetchForecastAccuracy, parseForecastAccuracy } from '../api/forecasts';
import {
  fetchAnalytics,
  fetchCharts,
  fetchEstimates,
  fetchNoShows,
  fetchPeakHours,
  parseAnalytics,
  parseCharts,
  parseEstimates,
  parseNoShows,
  parsePeakHours,
  type Timeframe,
} from '../api/history';
import { startReads } from '../session/screen-read';
import { keepingAnswers } from './kept-answers';
import { timeframeOf } from './timeframe';

export const analyticsQuery = query(keepingAnswers('analytics', fetchAnalytics, parseAnalytics), 'historyAnalytics');
export const chartsQuery = query(keepingAnswers('charts', fetchCharts, parseCharts), 'historyCharts');
export const peakHoursQuery = query(keepingAnswers('peak-hours', fetchPeakHours, parsePeakHours), 'historyPeakHours');
export const noShowsQuery = query(keepingAnswers('no-shows', fetchNoShows, parseNoShows), 'historyNoShows');
export const estimatesQuery = query(keepingAnswers('estimates', fetchEstimates, parseEstimates), 'historyEstimates');
export const forecastAccuracyQuery = query(keepingAnswers('forecast-accuracy', fetchForecastAccuracy, parseForecastAccuracy), 'historyForecastAccuracy');

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
  startReads([
    analyticsQuery(...args),
    chartsQuery(...args),
    estimatesQuery(...args),
    forecastAccuracyQuery(...args),
    peakHoursQuery(...args),
    noShowsQuery(...args),
  ]);
}
