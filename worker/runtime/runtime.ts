import { createDatabase, type Database } from '../../db/client.ts';
import { readConfig, type Config } from '../env.ts';
import type { JobProducer } from '../jobs/job-messages.ts';
import { configuredMailer } from '../mail/configured-mailer.ts';
import { watchingLogin } from '../mail/login-watch.ts';
import type { Mailer } from '../mail/mailer.ts';
import { queryTimingOf } from '../metrics/query-timing.ts';
import type { MetricsRecorder } from '../metrics/recorder.ts';
import { systemClock, type Clock } from './clock.ts';
import { durableObjectsOf, type DurableObjects } from './durable-objects.ts';
import type { LogFields, Logger } from './logger.ts';

/**
 * What every entry point works with — a request (`c.var.services`), a cron run, a job batch, a
 * Durable Object — built by `createRuntime` from that invocation's environment, never from
 * module-level clients: on Workers the environment arrives with the invocation.
 */
export interface Runtime {
  /** The validated configuration; reading it throws `MisconfiguredError` when the environment is refused. */
  readonly config: Config;
  /** libSQL, every round trip timed into `pulse_db_query_duration_seconds`. */
  readonly db: Database;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly metrics: MetricsRecorder;
  /** The transport `MAIL_TRANSPORT` chose. */
  readonly mailer: Mailer;
  readonly durableObjects: DurableObjects;
  /** Where background jobs are sent (the `pulse-jobs` Cloudflare Queue). */
  readonly jobs: JobProducer;
  /** The same runtime (same database client), its log lines carrying `fields` too: one job of a batch. */
  withLogFields(fields: LogFields): Runtime;
}

/** How one kind of entry point records and logs; the rest is the same for all. */
export interface RuntimeScope {
  logger: Logger;
  /** `isolateRecorder` where a `waitUntil` outlives the answer, else a `batchRecorder` its owner flushes. */
  metrics: MetricsRecorder;
  /** The system's, except where a test pins "now". */
  clock?: Clock | undefined;
}

/**
 * The one place a database client is built. The configuration, database and mailer are made on
 * first use: a cron trigger that only enqueues, or the Metrics object, never reads them, and must
 * keep working when a setting they do not use is refused.
 */
export function createRuntime(env: Env, scope: RuntimeScope): Runtime {
  const clock = scope.clock ?? systemClock;
  // Read once per runtime: routes, the mailer and the database all ask for it, some several times a request.
  const config = once(() => readConfig(env));
  const db = once(() => {
    const { libsqlUrl, libsqlAuthToken } = config();
    return createDatabase({ url: libsqlUrl, authToken: libsqlAuthToken, onQuery: queryTimingOf(scope.metrics) });
  });
  const durableObjects = durableObjectsOf(env);
  const mailer = once(() => {
    const { mail } = config();
    const transport = configuredMailer(mail, { db: db(), clock });
    if (mail.transport.kind !== 'smtp') return transport;
    // A refused SMTP login is remembered for /health (worker/mail/login-watch.ts).
    return watchingLogin(transport, async (outcome) => {
      try {
        await durableObjects.metrics().recordMailLogin(outcome);
      } catch (error) {
        scope.logger.error('mail login outcome not recorded in metrics', error, { accepted: outcome.accepted });
      }
    }, clock);
  });
  const withLogger = (logger: Logger): Runtime => ({
    get config() {
      return config();
    },
    get db() {
      return db();
    },
    get mailer() {
      return mailer();
    },
    clock,
    logger,
    metrics: scope.metrics,
    durableObjects,
    jobs: env.JOBS,
    withLogFields: (fields) => withLogger(logger.with(fields)),
  });
  return withLogger(scope.logger);
}

function once<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}
