import { createMiddleware } from 'hono/factory';
import { matchedRoutes } from 'hono/route';
import type { Context } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { createLogger } from './logger.ts';

/**
 * The route pattern that answered (`/api/v1/clinics/:clinicId/queue`), never the raw path:
 * raw paths carry ids and would make log and metric labels unbounded.
 */
export function routePattern(c: Context): string {
  const handler = matchedRoutes(c).findLast((route) => route.method !== 'ALL');
  return handler?.path ?? 'unmatched';
}

/** Gives the request its logger and writes one line when it is answered. */
export const requestLog = createMiddleware<AppEnv>(async (c, next) => {
  const started = performance.now();
  const logger = createLogger({ requestId: c.var.requestId });
  c.set('logger', logger);
  await next();
  logger.info('request', {
    method: c.req.method,
    route: routePattern(c),
    status: c.res.status,
    durationMs: Math.round((performance.now() - started) * 10) / 10,
    clinicId: c.req.param('clinicId'),
  });
});
