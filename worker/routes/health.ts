import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { probeDatabase } from '../../db/health.ts';
import type { AppEnv } from '../app-env.ts';
import { authorize } from '../auth/authorize.ts';
import { PUBLIC } from '../auth/policy.ts';

const HealthReportSchema = z
  .object({
    status: z.enum(['ok', 'degraded']),
    version: z.string(),
    time: z.string().datetime(),
    database: z.object({
      reachable: z.boolean(),
      latencyMs: z.number().nullable(),
      error: z.string().optional(),
    }),
  })
  .openapi('HealthReport');

export type HealthReport = z.infer<typeof HealthReportSchema>;

const getHealth = createRoute({
  method: 'get',
  path: '/health',
  tags: ['health'],
  summary: 'Service health: version and database reachability',
  middleware: [authorize(PUBLIC)] as const,
  responses: {
    200: { description: 'Every part answers', content: { 'application/json': { schema: HealthReportSchema } } },
    503: { description: 'A part is failing; the same report says which', content: { 'application/json': { schema: HealthReportSchema } } },
  },
});

/** Public: the PWA's first screen and load balancers read it; it reveals no data. */
export const healthRoutes = new OpenAPIHono<AppEnv>().openapi(getHealth, async (c) => {
  const { db, clock, config } = c.var.services;
  const database = await probeDatabase(db, () => performance.now());
  const report: HealthReport = {
    status: database.reachable ? 'ok' : 'degraded',
    version: config.appVersion,
    time: new Date(clock.now()).toISOString(),
    database,
  };
  c.header('Cache-Control', 'no-store');
  return database.reachable ? c.json(report, 200) : c.json(report, 503);
});
