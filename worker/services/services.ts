import { createMiddleware } from 'hono/factory';
import { createDatabase, type Database } from '../../db/client.ts';
import type { Config } from '../env.ts';
import { readConfig } from '../env.ts';
import type { AppEnv } from '../app-env.ts';
import { metricsContextOf, queryObserverOf } from '../metrics/request-metrics.ts';
import { systemClock, type Clock } from './clock.ts';
import type { Logger } from './logger.ts';

/** What a handler may use, built per request from that request's environment. */
export interface Services {
  config: Config;
  db: Database;
  clock: Clock;
  logger: Logger;
}

/**
 * Builds `c.var.services`. Module-level clients are avoided on purpose: env arrives per request.
 * The clock is the system's, except where a test pins "now" to a known instant.
 */
export function services(clock: Clock = systemClock) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const config = readConfig(c.env);
    c.set('services', {
      config,
      db: createDatabase({ url: config.libsqlUrl, authToken: config.libsqlAuthToken, onQuery: queryObserverOf(metricsContextOf(c)) }),
      clock,
      logger: c.var.logger,
    });
    await next();
  });
}
