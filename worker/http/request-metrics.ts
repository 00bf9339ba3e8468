import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../app-env.ts';
import { toAppError } from '../errors.ts';
import { recordErrorAnswer, recordMetrics, type MetricsContext } from '../metrics/recorder.ts';
import { routePattern } from './request-log.ts';

/** Methods as labels; anything else is one value, so a client cannot invent series. */
const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

export function metricsContextOf(c: Context<AppEnv>): MetricsContext {
  return { env: c.env, waitUntil: (promise) => c.executionCtx.waitUntil(promise) };
}

/** The error code an answer carries: the thrown error's, or NOT_FOUND for a path no route matches. */
function errorCodeOf(c: Context<AppEnv>, route: string): string | undefined {
  if (c.error !== undefined) return toAppError(c.error).code;
  return route === 'unmatched' && c.res.status === 404 ? 'NOT_FOUND' : undefined;
}

/**
 * Counts and times every request by method, route pattern and status, and every error by code;
 * keeps each 5xx answer for the back office's recent errors (every answer passes here, the
 * thrown errors' and those answered on purpose).
 */
export const requestMetrics = createMiddleware<AppEnv>(async (c, next) => {
  const started = performance.now();
  await next();
  const seconds = (performance.now() - started) / 1000;
  const route = routePattern(c);
  const labels = { method: METHODS.has(c.req.method) ? c.req.method : 'OTHER', route, status_code: String(c.res.status) };
  const code = errorCodeOf(c, route);
  recordMetrics(metricsContextOf(c), (metrics) => {
    metrics.count('http_requests_total', labels);
    metrics.observe('http_request_duration_seconds', labels, seconds);
    if (code !== undefined) metrics.count('pulse_api_errors_total', { route, code });
  });
  if (c.res.status >= 500) {
    // The words Pulse answered in the one error shape (errors.ts renders the same `toAppError`), never the thrown error's own.
    const answered = c.error === undefined ? null : toAppError(c.error);
    recordErrorAnswer(metricsContextOf(c), {
      // Services are missing only on paths outside the API and the ticket pages.
      at: (c.var.services as AppEnv['Variables']['services'] | undefined)?.clock.now() ?? Date.now(),
      requestId: c.var.requestId,
      route,
      method: labels.method,
      status: c.res.status,
      code: answered?.code ?? null,
      message: answered?.message ?? null,
    });
  }
});
