import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env.ts';
import { authorize } from '../auth/authorize.ts';
import { SUPER_ADMIN } from '../auth/policy.ts';
import { ADMIN_TIMEFRAMES, AdminMetricsSchema, AdminTrendsSchema } from '../domain/admin-wire.ts';
import { cachedAnswer } from '../http/answer-cache.ts';
import { businessNow, businessTrends } from '../use-cases/business-overview.ts';
import { errorResponses, jsonContent } from './openapi-helpers.ts';

const adminErrors = errorResponses('VALIDATION_FAILED', 'UNAUTHORIZED', 'NOT_FOUND', 'UNAVAILABLE');

const metrics = createRoute({
  method: 'get',
  path: '/admin/metrics',
  tags: ['admin'],
  summary: 'Every business figure of PRODUCT.md, now, each with its window',
  middleware: [authorize(SUPER_ADMIN)] as const,
  responses: { 200: jsonContent(AdminMetricsSchema.openapi('AdminMetrics'), 'Now'), ...adminErrors },
});

const trends = createRoute({
  method: 'get',
  path: '/admin/trends',
  tags: ['admin'],
  summary: 'Daily series of MRR, active clinics, patients, SMS and QR adoption; logins; retention by signup month',
  middleware: [authorize(SUPER_ADMIN)] as const,
  request: { query: z.object({ timeframe: z.enum(ADMIN_TIMEFRAMES).default('30d') }) },
  responses: { 200: jsonContent(AdminTrendsSchema.openapi('AdminTrends'), 'Cached up to 5 minutes'), 304: { description: 'Not modified' }, ...adminErrors },
});

export const adminMetricsRoutes = new OpenAPIHono<AppEnv>()
  .openapi(metrics, async (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json(await businessNow(c.var.services), 200);
  })
  .openapi(trends, async (c) => {
    const { timeframe } = c.req.valid('query');
    return cachedAnswer(c, `admin/trends/${timeframe}`, () => businessTrends(c.var.services, timeframe));
  });
