import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../app-env.ts';
import { isolateRecorder } from '../metrics/recorder.ts';
import { systemClock, type Clock } from '../runtime/clock.ts';
import { createRuntime } from '../runtime/runtime.ts';
import { metricsContextOf } from './request-metrics.ts';

/**
 * Builds the request's runtime as `c.var.services`. The clock is the system's, except where a
 * test pins "now" to a known instant.
 */
export function requestRuntime(clock: Clock = systemClock) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const runtime = createRuntime(c.env, { clock, logger: c.var.logger, metrics: isolateRecorder(metricsContextOf(c)) });
    // A refused configuration answers every API request with the one error, before any route runs.
    void runtime.config;
    c.set('services', runtime);
    await next();
  });
}
