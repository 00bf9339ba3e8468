import { TIMEFRAMES, type Timeframe } from '../domain/history-wire.ts';

/**
 * The keys a clinic's answers are kept under in the Cache API, built in one place so erasing a
 * clinic can name every one of them (the Cache API cannot list its keys).
 */
export const HISTORY_ANSWER_ENDPOINTS = ['analytics', 'charts', 'weekly', 'peak-hours', 'no-shows', 'estimates'] as const;
export type HistoryAnswerEndpoint = (typeof HISTORY_ANSWER_ENDPOINTS)[number];

/** A history answer of one clinic, endpoint and window (`week` for the endpoints without one). */
export function historyAnswerKey(clinicId: string, endpoint: HistoryAnswerEndpoint, timeframe: Timeframe | undefined): string {
  return `${encodeURIComponent(clinicId)}/${endpoint}/${timeframe ?? 'week'}`;
}

/** Every history answer key of a clinic. */
export function historyAnswerKeys(clinicId: string): string[] {
  return HISTORY_ANSWER_ENDPOINTS.flatMap((endpoint) => [...TIMEFRAMES, undefined].map((timeframe) => historyAnswerKey(clinicId, endpoint, timeframe)));
}
