import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env.ts';
import { RecentErrorsSchema } from '../domain/back-office-wire.ts';
import { ERRORS_MAX_DAYS } from '../metrics/error-records.ts';
import { metricsObjectOf } from '../metrics/stub.ts';
import { adminRoute } from './guarded-routes.ts';
import { errorResponses, jsonContent } from './openapi-helpers.ts';

const DAY_MS = 86_400_000;
/** The most errors one answer lists: a screen's worth, the newest. */
const MAX_LISTED_ERRORS = 500;

const recentErrors = adminRoute({
  method: 'get',
  path: '/admin/errors',
  summary: 'The 5xx answers of the last `days` days (at most 7), newest first: time, request id, route pattern, code and message; never a body, a query string, a name or an address',
  request: {
    query: z.object({
      days: z.coerce.number().int().min(1).max(ERRORS_MAX_DAYS).default(ERRORS_MAX_DAYS),
      limit: z.coerce.number().int().min(1).max(MAX_LISTED_ERRORS).default(100),
    }),
  },
  responses: { 200: jsonContent(RecentErrorsSchema.openapi('RecentErrors'), 'The newest first'), ...errorResponses('VALIDATION_FAILED', 'UNAUTHORIZED', 'NOT_FOUND') },
});

/** Read from the Metrics object's own storage, which answers while libSQL is down. */
export const adminErrorRoutes = new OpenAPIHono<AppEnv>().openapi(recentErrors, async (c) => {
  const { days, limit } = c.req.valid('query');
  const records = await metricsObjectOf(c.env).recentErrors(c.var.services.clock.now() - days * DAY_MS, limit);
  c.header('Cache-Control', 'no-store');
  return c.json({ days, errors: records.map((record) => ({ ...record, at: new Date(record.at).toISOString() })) }, 200);
});
