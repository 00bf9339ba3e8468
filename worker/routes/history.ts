import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { readArrivals, readClinicDays, readHistoryClinic, type HistoryClinic } from '../../db/queries/history.ts';
import type { AppEnv } from '../app-env.ts';
import { authorize } from '../auth/authorize.ts';
import { CLINIC_MEMBERS } from '../auth/policy.ts';
import { addClinicDays, clinicDayOf } from '../domain/clinic-time.ts';
import {
  chartPoints,
  figuresOf,
  hasData,
  mondayFirstWeekday,
  noShowsByWeekday,
  peakHours,
  periodComparison,
  sumDays,
  windowsOf,
  type DayCounters,
  type DayRange,
} from '../domain/history-figures.ts';
import {
  AnalyticsAnswerSchema,
  ChartsAnswerSchema,
  NoShowsAnswerSchema,
  PeakHoursAnswerSchema,
  TIMEFRAME_DAYS,
  TIMEFRAMES,
  WeeklyAnswerSchema,
  type AnalyticsAnswer,
  type ChartsAnswer,
  type NoShowsAnswer,
  type PeakHoursAnswer,
  type Timeframe,
  type WeeklyAnswer,
} from '../domain/history-wire.ts';
import { AppError } from '../errors.ts';
import { cachedAnswer } from '../services/answer-cache.ts';
import { errorResponses, IdParam, jsonContent } from './openapi-helpers.ts';

const ClinicParams = z.object({ clinicId: IdParam });
const TimeframeQuery = z.object({
  timeframe: z.enum(TIMEFRAMES).default('30d').openapi({ description: 'The 7, 30, 90 or 365 clinic days ending today' }),
});
const historyErrors = errorResponses('VALIDATION_FAILED', 'UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND', 'UNAVAILABLE');
const notModified = { 304: { description: 'Not modified (If-None-Match matched the ETag)' } };
/** Answers without freshness fields: those are added by the cache. */
type Data<Answer> = Omit<Answer, 'lastUpdated' | 'dataFreshness' | 'stale' | 'ageSeconds'>;

function historyRoute<Schema extends z.ZodType, Request extends { params: typeof ClinicParams; query?: typeof TimeframeQuery }>(
  path: string,
  summary: string,
  schema: Schema,
  name: string,
  request: Request,
) {
  return createRoute({
    method: 'get',
    path: `/clinics/{clinicId}/${path}`,
    tags: ['history'],
    summary,
    middleware: [authorize(CLINIC_MEMBERS)] as const,
    request,
    responses: { 200: jsonContent(schema.openapi(name), 'From the rollups'), ...notModified, ...historyErrors },
  });
}

const windowed = { params: ClinicParams, query: TimeframeQuery };

const analytics = historyRoute(
  'analytics',
  'Totals of the window and of the window before, with the change in percent',
  AnalyticsAnswerSchema,
  'Analytics',
  windowed,
);
const charts = historyRoute('charts', 'One zero-filled point per day (per week for 1y)', ChartsAnswerSchema, 'Charts', windowed);
const weekly = historyRoute('stats/weekly', 'The last 7 clinic days', WeeklyAnswerSchema, 'Weekly', { params: ClinicParams });
const peakHoursRoute = historyRoute('stats/peak-hours', 'Mean check-ins per hour of day, and per weekday × hour', PeakHoursAnswerSchema, 'PeakHours', windowed);
const noShows = historyRoute('stats/no-shows', 'No-show rate per weekday', NoShowsAnswerSchema, 'NoShows', windowed);

/**
 * The clinic, its "today", and its daily rollups far enough back for `days` days and as many
 * before: the zone is only known with the clinic, so the range is read one day wider each side.
 */
async function clinicHistory(c: Context<AppEnv>, days: number): Promise<{ clinic: HistoryClinic; today: string; rows: DayCounters[] }> {
  const now = c.var.services.clock.now();
  const utcDay = clinicDayOf(now, 'UTC');
  const { clinic, days: rows } = await readClinicDays(c.var.services.db, c.var.clinicId, { from: addClinicDays(utcDay, -(2 * days)), to: addClinicDays(utcDay, 1) });
  if (clinic === undefined) throw new AppError('NOT_FOUND', 'No such clinic');
  return { clinic, today: clinicDayOf(now, clinic.timezone), rows };
}

function windowOf(clinic: HistoryClinic, timeframe: Timeframe, period: DayRange) {
  return { clinicId: clinic.id, timezone: clinic.timezone, currency: clinic.currency, timeframe, period };
}

async function analyticsOf(c: Context<AppEnv>, timeframe: Timeframe): Promise<Data<AnalyticsAnswer>> {
  const { clinic, today, rows } = await clinicHistory(c, TIMEFRAME_DAYS[timeframe]);
  const { current, previous } = windowsOf(timeframe, today);
  const now = sumDays(rows, current);
  const before = sumDays(rows, previous);
  return {
    ...windowOf(clinic, timeframe, current),
    previousPeriod: previous,
    current: figuresOf(now),
    previous: figuresOf(before),
    periodComparison: periodComparison(now, before),
  };
}

async function chartsOf(c: Context<AppEnv>, timeframe: Timeframe): Promise<Data<ChartsAnswer>> {
  const { clinic, today, rows } = await clinicHistory(c, TIMEFRAME_DAYS[timeframe]);
  const { current } = windowsOf(timeframe, today);
  const granularity = timeframe === '1y' ? 'week' : 'day';
  return { ...windowOf(clinic, timeframe, current), granularity, points: chartPoints(rows, current, granularity), insufficientData: !hasData(rows, current) };
}

async function weeklyOf(c: Context<AppEnv>): Promise<Data<WeeklyAnswer>> {
  const { clinic, today, rows } = await clinicHistory(c, 7);
  const { current } = windowsOf('7d', today);
  const days = chartPoints(rows, current, 'day').map((point) => ({ day: point.date, weekday: mondayFirstWeekday(point.date), figures: point.figures }));
  return { clinicId: clinic.id, timezone: clinic.timezone, currency: clinic.currency, period: current, days, totals: figuresOf(sumDays(rows, current)) };
}

async function noShowsOf(c: Context<AppEnv>, timeframe: Timeframe): Promise<Data<NoShowsAnswer>> {
  const { clinic, today, rows } = await clinicHistory(c, TIMEFRAME_DAYS[timeframe]);
  const { current } = windowsOf(timeframe, today);
  return { ...windowOf(clinic, timeframe, current), weekdays: noShowsByWeekday(rows, current), overallRate: figuresOf(sumDays(rows, current)).noShowRate };
}

async function peakHoursOf(c: Context<AppEnv>, timeframe: Timeframe): Promise<Data<PeakHoursAnswer>> {
  const db = c.var.services.db;
  const clinic = await readHistoryClinic(db, c.var.clinicId);
  if (clinic === undefined) throw new AppError('NOT_FOUND', 'No such clinic');
  const { current } = windowsOf(timeframe, clinicDayOf(c.var.services.clock.now(), clinic.timezone));
  const { arrivals, openDaysByWeekday } = await readArrivals(db, clinic.id, current);
  return { ...windowOf(clinic, timeframe, current), ...peakHours(arrivals, openDaysByWeekday) };
}

/** Cached per clinic, endpoint and window: every member of the clinic gets the same answer. */
const keyOf = (c: Context<AppEnv>, endpoint: string, timeframe?: Timeframe) => `${encodeURIComponent(c.var.clinicId)}/${endpoint}/${timeframe ?? 'week'}`;

export const historyRoutes = new OpenAPIHono<AppEnv>()
  .openapi(analytics, async (c) => {
    const { timeframe } = c.req.valid('query');
    return cachedAnswer(c, keyOf(c, 'analytics', timeframe), () => analyticsOf(c, timeframe));
  })
  .openapi(charts, async (c) => {
    const { timeframe } = c.req.valid('query');
    return cachedAnswer(c, keyOf(c, 'charts', timeframe), () => chartsOf(c, timeframe));
  })
  .openapi(weekly, async (c) => cachedAnswer(c, keyOf(c, 'weekly'), () => weeklyOf(c)))
  .openapi(peakHoursRoute, async (c) => {
    const { timeframe } = c.req.valid('query');
    return cachedAnswer(c, keyOf(c, 'peak-hours', timeframe), () => peakHoursOf(c, timeframe));
  })
  .openapi(noShows, async (c) => {
    const { timeframe } = c.req.valid('query');
    return cachedAnswer(c, keyOf(c, 'no-shows', timeframe), () => noShowsOf(c, timeframe));
  });
