import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env.ts';
import { CLINIC_MEMBERS } from '../auth/policy.ts';
import { ForecastAccuracyAnswerSchema, ForecastAnswerSchema } from '../domain/forecast-wire.ts';
import { TIMEFRAMES } from '../domain/history-wire.ts';
import { AppError } from '../errors.ts';
import { forecastAccuracyOf, forecastOf } from '../use-cases/forecasts.ts';
import { clinicRoute } from './guarded-routes.ts';
import { errorResponses, jsonContent } from './openapi-helpers.ts';
import { fromQueue } from './queue.ts';
import { valueOr } from './refusals.ts';

const DayQuery = z.object({
  day: z.iso
    .date('must be a day of the calendar, YYYY-MM-DD')
    .optional()
    .openapi({ description: "A clinic day from today to 7 days ahead (YYYY-MM-DD); the clinic's today when absent" }),
});
const TimeframeQuery = z.object({ timeframe: z.enum(TIMEFRAMES).default('30d').openapi({ description: 'The 7, 30, 90 or 365 clinic days ending today' }) });
const errors = errorResponses('VALIDATION_FAILED', 'UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND', 'UNAVAILABLE');

const forecast = clinicRoute(CLINIC_MEMBERS, '/forecast', {
  method: 'get',
  tags: ['history'],
  summary: "Expected check-ins per hour of a clinic day with a range (today up to 7 days ahead); for today also the day's end as a range",
  request: { query: DayQuery },
  responses: { 200: jsonContent(ForecastAnswerSchema.openapi('Forecast'), 'Forecast'), ...errors },
});

const forecastAccuracy = clinicRoute(CLINIC_MEMBERS, '/stats/forecast-accuracy', {
  method: 'get',
  tags: ['history'],
  summary: "How far the frozen day forecasts were from what happened, per day and per hour, beside the seasonal naive forecast's",
  request: { query: TimeframeQuery },
  responses: { 200: jsonContent(ForecastAccuracyAnswerSchema.openapi('ForecastAccuracy'), 'Scored forecasts'), ...errors },
});

const noSuchClinic = () => new AppError('NOT_FOUND', 'No such clinic');

export const forecastRoutes = new OpenAPIHono<AppEnv>()
  .openapi(forecast, async (c) => {
    const { day } = c.req.valid('query');
    const clinicId = c.var.clinicId;
    const { services } = c.var;
    c.header('Cache-Control', 'no-store');
    const result = await forecastOf(services, clinicId, day, (hours) =>
      fromQueue(c, () => services.durableObjects.clinicQueue(clinicId).dayEnd(clinicId, hours, services.clock.now())),
    );
    return c.json(
      valueOr(result, {
        no_such_clinic: noSuchClinic,
        day_out_of_range: () => new AppError('VALIDATION_FAILED', "A forecast is for the clinic's today up to 7 days ahead", { field: 'day' }),
      }),
      200,
    );
  })
  .openapi(forecastAccuracy, async (c) => {
    const { timeframe } = c.req.valid('query');
    return c.json(valueOr(await forecastAccuracyOf(c.var.services, c.var.clinicId, timeframe), { no_such_clinic: noSuchClinic }), 200);
  });
