import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { readArrivals, readGroupedDays, readHistoryClinic, readRangeTotals, type HistoryClinic } from '../../db/queries/history.ts';
import type { AppEnv } from '../app-env.ts';
import { authorize } from '../auth/authorize.ts';
import { CLINIC_MEMBERS } from '../auth/policy.ts';
import { clinicDayOf } from '../domain/clinic-time.ts';
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
  type DayRange,
} from '../domain/history-figures.ts';
import {
  AnalyticsAnswerSchema,
  ChartsAnswerSchema,
  NoShowsAnswerSchema,
  PeakHoursAnswerSchema,
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

/** The clinic (its zone decides "today") and its today, or 404. */
async function clinicToday(c: Context<AppEnv>): Promise<{ clinic: HistoryClinic; today: string }> {
  const clinic = await readHistoryClinic(c.var.services.db, c.var.clinicId);
  if (clinic === undefined) throw new AppError('NOT_FOUND', 'No such clinic');
  return { clinic, today: clinicDayOf(c.var.services.clock.now(), clinic.timezone) };
}

function windowOf(clinic: HistoryClinic, timeframe: Timeframe, period: DayRange) {
  return { clinicId: clinic.id, timezone: clinic.timezone, currency: clinic.currency, timeframe, period };
}

async function analyticsOf(c: Context<AppEnv>, timeframe: Timeframe): Promise<Data<AnalyticsAnswer>> {
  const { clinic, today } = await clinicToday(c);
  const { current, previous } = windowsOf(timeframe, today);
  const [now, before] = await readRangeTotals(c.var.services.db, clinic.id, [current, previous]);
  if (now === undefined || before === undefined) throw new Error('two windows asked, fewer answered');
  return {
    ...windowOf(clinic, timeframe, current),
    previousPeriod: previous,
    current: figuresOf(now),
    previous: figuresOf(before),
    periodComparison: periodComparison(now, before),
  };
}

async function chartsOf(c: Context<AppEnv>, timeframe: Timeframe): Promise<Data<ChartsAnswer>> {
  const { clinic, today } = await clinicToday(c);
  const { current } = windowsOf(timeframe, today);
  const granularity = timeframe === '1y' ? 'week' : 'day';
  const rows = await readGroupedDays(c.var.services.db, clinic.id, current, granularity);
  return { ...windowOf(clinic, timeframe, current), granularity, points: chartPoints(rows, current, granularity), insufficientData: !hasData(rows, current) };
}

async function weeklyOf(c: Context<AppEnv>): Promise<Data<WeeklyAnswer>> {
  const { clinic, today } = await clinicToday(c);
  const { current } = windowsOf('7d', today);
  const rows = await readGroupedDays(c.var.services.db, clinic.id, current, 'day');
  const days = chartPoints(rows, current, 'day').map((point) => ({ day: point.date, weekday: mondayFirstWeekday(point.date), figures: point.figures }));
  return { clinicId: clinic.id, timezone: clinic.timezone, currency: clinic.currency, period: current, days, totals: figuresOf(sumDays(rows, current)) };
}

async function noShowsOf(c: Context<AppEnv>, timeframe: Timeframe): Promise<Data<NoShowsAnswer>> {
  const { clinic, today } = await clinicToday(c);
  const { current } = windowsOf(timeframe, today);
  const byWeekday = await readGroupedDays(c.var.services.db, clinic.id, current, 'weekday');
  return { ...windowOf(clinic, timeframe, current), ...noShowsByWeekday(byWeekday) };
}

async function peakHoursOf(c: Context<AppEnv>, timeframe: Timeframe): Promise<Data<PeakHoursAnswer>> {
  const { clinic, today } = await clinicToday(c);
  const { current } = windowsOf(timeframe, today);
  const { arrivals, openDaysByWeekday } = await readArrivals(c.var.services.db, clinic.id, current);
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
