/**
 * A clinic's history as the "Historique" screen reads it (`/api/v1/clinics/{id}/…`): the figures
 * of a window against the window before, its daily (weekly for a year) series, the last seven
 * days, the peak hours, the no-shows by weekday and the quotes' accuracy by hour of the call. Each resolves with an answer checked against
 * the schemas the Worker answers with, or rejects with the errors of client.ts. Each answer
 * carries an ETag: REVALIDATE lets the browser keep it and ask "still the same?" (304).
 *
 * Parsed without zod's compiled parsers (Pulse's CSP forbids eval): see answer.ts.
 */
import {
  AnalyticsAnswerSchema,
  ChartsAnswerSchema,
  EstimatesAnswerSchema,
  NoShowsAnswerSchema,
  PeakHoursAnswerSchema,
  WeeklyAnswerSchema,
  type AnalyticsAnswer,
  type ChartsAnswer,
  type EstimatesAnswer,
  type NoShowsAnswer,
  type PeakHoursAnswer,
  type Timeframe,
  type WeeklyAnswer,
} from '../../../worker/domain/history-wire.ts';
import { parseAnswer } from './answer';
import { api, callApi, clinicParams, REVALIDATE } from './client';

export {
  COMPARED_FIGURES,
  TIMEFRAMES,
  type AnalyticsAnswer,
  type ChartsAnswer,
  type ComparedFigure,
  type EstimatesAnswer,
  type HistoryFigures,
  type NoShowsAnswer,
  type PeakHoursAnswer,
  type Timeframe,
  type WeeklyAnswer,
} from '../../../worker/domain/history-wire.ts';

const clinic = api.clinics[':clinicId'];
const windowOf = (clinicId: string, timeframe: Timeframe) => ({ param: clinicParams(clinicId), query: { timeframe } });

export const parseAnalytics = (value: unknown): AnalyticsAnswer => parseAnswer(AnalyticsAnswerSchema, 'analytics', value);
export const parseCharts = (value: unknown): ChartsAnswer => parseAnswer(ChartsAnswerSchema, 'charts', value);
export const parseWeekly = (value: unknown): WeeklyAnswer => parseAnswer(WeeklyAnswerSchema, 'weekly stats', value);
export const parsePeakHours = (value: unknown): PeakHoursAnswer => parseAnswer(PeakHoursAnswerSchema, 'peak hours', value);
export const parseNoShows = (value: unknown): NoShowsAnswer => parseAnswer(NoShowsAnswerSchema, 'no-shows', value);
export const parseEstimates = (value: unknown): EstimatesAnswer => parseAnswer(EstimatesAnswerSchema, 'estimates', value);

/** `GET …/analytics`: the window's figures, the previous window's, and the change of each. */
export async function fetchAnalytics(clinicId: string, timeframe: Timeframe): Promise<AnalyticsAnswer> {
  return parseAnalytics(await callApi(clinic.analytics.$get(windowOf(clinicId, timeframe), REVALIDATE)));
}

/** `GET …/charts`: one point a day (a week for `1y`), every day of the window, zero-filled. */
export async function fetchCharts(clinicId: string, timeframe: Timeframe): Promise<ChartsAnswer> {
  return parseCharts(await callApi(clinic.charts.$get(windowOf(clinicId, timeframe), REVALIDATE)));
}

/** `GET …/stats/weekly`: the last seven clinic days, today last. */
export async function fetchWeekly(clinicId: string): Promise<WeeklyAnswer> {
  return parseWeekly(await callApi(clinic.stats.weekly.$get({ param: clinicParams(clinicId) }, REVALIDATE)));
}

/** `GET …/stats/peak-hours`: mean arrivals per hour, and per weekday and hour. */
export async function fetchPeakHours(clinicId: string, timeframe: Timeframe): Promise<PeakHoursAnswer> {
  return parsePeakHours(await callApi(clinic.stats['peak-hours'].$get(windowOf(clinicId, timeframe), REVALIDATE)));
}

/** `GET …/stats/no-shows`: the no-show rate of each weekday. */
export async function fetchNoShows(clinicId: string, timeframe: Timeframe): Promise<NoShowsAnswer> {
  return parseNoShows(await callApi(clinic.stats['no-shows'].$get(windowOf(clinicId, timeframe), REVALIDATE)));
}

/** `GET …/stats/estimates`: the quotes' accuracy and the service level of the window, overall and by hour of the call. */
export async function fetchEstimates(clinicId: string, timeframe: Timeframe): Promise<EstimatesAnswer> {
  return parseEstimates(await callApi(clinic.stats.estimates.$get(windowOf(clinicId, timeframe), REVALIDATE)));
}

/** The address of the window's CSV export (`GET …/history.csv`, the clinic's owners'), for a plain download link. */
export function historyCsvUrl(clinicId: string, timeframe: Timeframe): string {
  return clinic['history.csv'].$path(windowOf(clinicId, timeframe));
}
