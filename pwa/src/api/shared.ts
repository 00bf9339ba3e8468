/**
 * What someone holding a read-only share link reads (`/api/v1/shared/{token}/…`), with no session:
 * the clinic's day as its figures (`today`), and for a `history` link the window's analytics. Each
 * resolves with an answer checked against the Worker's own schemas, or rejects with the errors of
 * client.ts: a link that does not open (unknown, expired, revoked, or a `today` link asked for
 * history) is NOT_FOUND, the same for every reason. Nothing is kept by the browser or on the phone:
 * a revoked link must stop showing anything at once.
 */
import { AnalyticsAnswerSchema, type AnalyticsAnswer, type Timeframe } from '../../../worker/domain/history-wire.ts';
import { SharedTodaySchema, type SharedToday } from '../../../worker/domain/share-links.ts';
import { parseAnswer } from './answer';
import { api, callApi, segment } from './client';

export type { SharedToday, SharedTodayFigures } from '../../../worker/domain/share-links.ts';

const shared = api.shared[':token'];

export const parseSharedToday = (value: unknown): SharedToday => parseAnswer(SharedTodaySchema, 'shared today', value);
export const parseSharedAnalytics = (value: unknown): AnalyticsAnswer => parseAnswer(AnalyticsAnswerSchema, 'shared analytics', value);

/** `GET /shared/{token}/today`: the clinic's name, the link's scope and end, today's figures. */
export async function fetchSharedToday(token: string): Promise<SharedToday> {
  return parseSharedToday(await callApi(shared.today.$get({ param: { token: segment(token) } })));
}

/** `GET /shared/{token}/analytics`: a `history` link's window against the window before. */
export async function fetchSharedAnalytics(token: string, timeframe: Timeframe): Promise<AnalyticsAnswer> {
  return parseSharedAnalytics(await callApi(shared.analytics.$get({ param: { token: segment(token) }, query: { timeframe } })));
}
