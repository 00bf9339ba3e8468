import { createMiddleware } from 'hono/factory';
import { matchedRoutes } from 'hono/route';
import type { Context } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { createLogger } from '../runtime/logger.ts';

/**
 * The route pattern that answered (`/api/v1/clinics/:clinicId/queue`), never the raw path:
 * raw paths carry ids and would make log and metric labels unbounded.
 */
export function routePattern(c: Context): string {
  const handler = matchedRoutes(c).findLast((route) => route.method !== 'ALL');
  return handler?.path ?? 'unmatched';
}

/**
 * Gives the request its logger and writes one line when it is answered: request id, method, route
 * pattern, status, duration and the clinic when known (the one a policy authorised, e.g. an API
 * key's, else the path's). A 5xx from a thrown error is an error line carrying its message and
 * stack; a 5xx answered on purpose (health degraded) a warning. Nothing personal: no IP, no user
 * agent, no body.
 */
export const requestLog = createMiddleware<AppEnv>(async (c, next) => {
  const started = performance.now();
  const logger = createLogger({ requestId: c.var.requestId });
  c.set('logger', logger);
  await next();
  const fields = {
    method: c.req.method,
    route: routePattern(c),
    status: c.res.status,
    durationMs: Math.round((performance.now() - started) * 10) / 10,
    clinicId: c.var.clinicId ?? c.req.param('clinicId'),
  };
  if (c.error !== undefined && c.res.status >= 500) logger.error('request', c.error, fields);
  else if (c.res.status >= 500) logger.warn('request', fields);
  else logger.info('request', fields);
});
