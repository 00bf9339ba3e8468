import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { CLINIC_MEMBERS } from '../auth/policy.ts';
import {
  AnalyticsAnswerSchema,
  ChartsAnswerSchema,
  EstimatesAnswerSchema,
  NoShowsAnswerSchema,
  PeakHoursAnswerSchema,
  TIMEFRAMES,
  WeeklyAnswerSchema,
  type Timeframe,
} from '../domain/history-wire.ts';
import { AppError } from '../errors.ts';
import { cachedAnswer } from '../http/answer-cache.ts';
import { historyAnswerKey, type HistoryAnswerEndpoint } from '../http/clinic-cache-keys.ts';
import { chartNotesBetween } from '../use-cases/annotations.ts';
import { analyticsOf, chartsOf, estimatesOf, noShowsOf, peakHoursOf, weeklyOf } from '../use-cases/history-answers.ts';
import type { Result } from '../use-cases/result.ts';
import { clinicRoute } from './guarded-routes.ts';
import { errorResponses, jsonContent } from './openapi-helpers.ts';
import { valueOr } from './refusals.ts';

const TimeframeQuery = z.object({
  timeframe: z.enum(TIMEFRAMES).default('30d').openapi({ description: 'The 7, 30, 90 or 365 clinic days ending today' }),
});
const historyErrors = errorResponses('VALIDATION_FAILED', 'UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND', 'UNAVAILABLE');
const notModified = { 304: { description: 'Not modified (If-None-Match matched the ETag)' } };

function historyRoute<const Path extends string, Schema extends z.ZodType, Request extends { query?: typeof TimeframeQuery }>(
  path: Path,
  summary: string,
  schema: Schema,
  name: string,
  request: Request,
) {
  return clinicRoute(CLINIC_MEMBERS, path, {
    method: 'get',
    tags: ['history'],
    summary,
    request,
    responses: { 200: jsonContent(schema.openapi(name), 'From the rollups'), ...notModified, ...historyErrors },
  });
}

const windowed = { query: TimeframeQuery };

const analytics = historyRoute('/analytics', 'Totals of the window and of the window before, with the change in percent', AnalyticsAnswerSchema, 'Analytics', windowed);
const charts = historyRoute('/charts', 'One zero-filled point per day (per week for 1y)', ChartsAnswerSchema, 'Charts', windowed);
const weekly = historyRoute('/stats/weekly', 'The last 7 clinic days', WeeklyAnswerSchema, 'Weekly', {});
const peakHoursRoute = historyRoute('/stats/peak-hours', 'Mean check-ins per hour of day, and per weekday × hour', PeakHoursAnswerSchema, 'PeakHours', windowed);
const noShows = historyRoute('/stats/no-shows', 'No-show rate per weekday', NoShowsAnswerSchema, 'NoShows', windowed);
const estimates = historyRoute(
  '/stats/estimates',
  'How good the wait quotes were, and the share called within the service target, over the window and per hour of the call',
  EstimatesAnswerSchema,
  'Estimates',
  windowed,
);

/**
 * The answer from the cache or computed, per clinic, endpoint and window: every member of the
 * clinic gets the same answer.
 */
function historyAnswer<Answer extends object>(
  c: Context<AppEnv>,
  endpoint: HistoryAnswerEndpoint,
  timeframe: Timeframe | undefined,
  answer: () => Promise<Result<Answer, 'no_such_clinic'>>,
  live?: (cached: Answer) => Promise<Partial<Answer>>,
) {
  return clinicHistoryAnswer(c, c.var.clinicId, endpoint, timeframe, answer, live);
}

/**
 * `historyAnswer` for a clinic the caller was let into another way (a read-only share link,
 * routes/shared.ts): the same cache entry, so a visitor reads exactly what the members read.
 */
export function clinicHistoryAnswer<Answer extends object>(
  c: Context<AppEnv>,
  clinicId: string,
  endpoint: HistoryAnswerEndpoint,
  timeframe: Timeframe | undefined,
  answer: () => Promise<Result<Answer, 'no_such_clinic'>>,
  /** Parts read again on every request, over a cached answer (a chart's notes, see cachedAnswer). */
  live?: (cached: Answer) => Promise<Partial<Answer>>,
) {
  return cachedAnswer(c, historyAnswerKey(clinicId, endpoint, timeframe), async () => valueOr(await answer(), { no_such_clinic: () => new AppError('NOT_FOUND', 'No such clinic') }), live);
}

export const historyRoutes = new OpenAPIHono<AppEnv>()
  .openapi(analytics, async (c) => {
    const { timeframe } = c.req.valid('query');
    return historyAnswer(c, 'analytics', timeframe, () => analyticsOf(c.var.services, c.var.clinicId, timeframe));
  })
  .openapi(charts, async (c) => {
    const { timeframe } = c.req.valid('query');
    // The notes are read on every request: one just written shows at once, even over cached points.
    return historyAnswer(
      c,
      'charts',
      timeframe,
      () => chartsOf(c.var.services, c.var.clinicId, timeframe),
      async (cached) => ({ annotations: await chartNotesBetween(c.var.services.db, c.var.clinicId, cached.period) }),
    );
  })
  .openapi(weekly, async (c) => historyAnswer(c, 'weekly', undefined, () => weeklyOf(c.var.services, c.var.clinicId)))
  .openapi(peakHoursRoute, async (c) => {
    const { timeframe } = c.req.valid('query');
    return historyAnswer(c, 'peak-hours', timeframe, () => peakHoursOf(c.var.services, c.var.clinicId, timeframe));
  })
  .openapi(noShows, async (c) => {
    const { timeframe } = c.req.valid('query');
    return historyAnswer(c, 'no-shows', timeframe, () => noShowsOf(c.var.services, c.var.clinicId, timeframe));
  })
  .openapi(estimates, async (c) => {
    const { timeframe } = c.req.valid('query');
    return historyAnswer(c, 'estimates', timeframe, () => estimatesOf(c.var.services, c.var.clinicId, timeframe));
  });
