import { z } from 'zod';
import { BROWSER_PUSH_SERVICES } from './domain/push-services.ts';
import { AppError } from './errors.ts';
import { checkMailSettings, MAIL_SETTINGS, mailConfigOf } from './mail/config.ts';
import { createLogger } from './runtime/logger.ts';

const LIBSQL_PROTOCOLS = ['libsql:', 'https:', 'http:', 'wss:', 'ws:'];

/**
 * /metrics is reachable by anyone and its token is its only lock: shorter tokens are too easy to
 * guess or to have been chosen by hand. `npm start` checks its `.dev.vars` against the same bound.
 */
export const METRICS_TOKEN_MIN_LENGTH = 32;

/**
 * The part of the Worker's environment the code relies on, checked once per environment object.
 * A missing or malformed setting names itself instead of failing somewhere deep.
 */
const ConfigSchema = z
  .object({
    LIBSQL_URL: z
      .string()
      .refine(
        (value) => URL.canParse(value) && LIBSQL_PROTOCOLS.includes(new URL(value).protocol),
        'must be a libsql:, https: or http: URL',
      ),
    LIBSQL_AUTH_TOKEN: z.string().optional(),
    APP_VERSION: z.string().min(1),
    SESSION_TTL_HOURS: z.coerce.number().positive().max(24 * 90),
    // Keys shorter than 16 characters would make the keyed hashes guessable.
    IP_HASH_KEY: z.string().min(16),
    // Prometheus's bearer token for /metrics; without one (unset or empty) /metrics opens to nobody.
    METRICS_TOKEN: z
      .string()
      .optional()
      .transform((value) => (value === '' ? undefined : value))
      .pipe(z.string().min(METRICS_TOKEN_MIN_LENGTH, `must be at least ${METRICS_TOKEN_MIN_LENGTH} characters`).optional()),
    // Raw rows older than this are deleted; at least 8 days, since the live queue reads the last 7.
    RETENTION_DAYS: z.coerce.number().int().min(8).max(3_650).default(90),
    // Web Push sender identity (RFC 8292): an uncompressed P-256 point (65 bytes) and its scalar (32).
    VAPID_PUBLIC_KEY: z.string().regex(/^[A-Za-z0-9_-]{87}$/, 'must be a P-256 public key, base64url'),
    VAPID_PRIVATE_KEY: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'must be a P-256 private key, base64url'),
    // Push services contact the sender here about abuse or problems.
    VAPID_SUBJECT: z.string().regex(/^(mailto:.+@.+|https:\/\/.+)$/, 'must be a mailto: or https: URL'),
    // Hosts push subscriptions may point at besides the browsers' own services (tests: a local one).
    PUSH_SERVICE_EXTRA_HOSTS: z.string().optional(),
    // Where people open Pulse: the links in e-mails and notifications (no trailing slash).
    PUBLIC_URL: z.url({ protocol: /^https?$/ }).transform((value) => value.replace(/\/+$/, '')),
    // Seconds before a failed background job's first retry; doubled at each attempt (worker/domain/job-retry.ts).
    JOB_RETRY_BASE_SECONDS: z.coerce.number().min(0).max(3_600).default(30),
    // E-mail: the transport (outbox locally) and what it needs (worker/mail/config.ts).
    ...MAIL_SETTINGS,
  })
  .superRefine(checkMailSettings)
  .transform((env) => ({
    libsqlUrl: env.LIBSQL_URL,
    libsqlAuthToken: env.LIBSQL_AUTH_TOKEN === '' ? undefined : env.LIBSQL_AUTH_TOKEN,
    appVersion: env.APP_VERSION,
    sessionTtlMs: env.SESSION_TTL_HOURS * 3_600_000,
    ipHashKey: env.IP_HASH_KEY,
    metricsToken: env.METRICS_TOKEN,
    retentionDays: env.RETENTION_DAYS,
    vapid: { subject: env.VAPID_SUBJECT, publicKey: env.VAPID_PUBLIC_KEY, privateKey: env.VAPID_PRIVATE_KEY },
    pushServiceHosts: [
      ...BROWSER_PUSH_SERVICES,
      ...(env.PUSH_SERVICE_EXTRA_HOSTS ?? '').split(',').map((host) => host.trim()).filter((host) => host !== ''),
    ],
    mail: mailConfigOf(env),
    publicUrl: env.PUBLIC_URL,
    jobRetryBaseSeconds: env.JOB_RETRY_BASE_SECONDS,
  }));

export type Config = z.infer<typeof ConfigSchema>;

const parsed = new WeakMap<object, Config>();

/**
 * The configuration was refused. The answer says only that (health and every route are open to
 * anyone, and the names of the refused settings tell an attacker which defences are down); the
 * names are in `settings` and in the log line `readConfig` writes.
 */
export class MisconfiguredError extends AppError {
  readonly settings: readonly string[];

  constructor(settings: readonly string[]) {
    super('INTERNAL', 'The service is misconfigured');
    this.settings = settings;
  }
}

/**
 * The validated configuration, or a `MisconfiguredError`: its answer names nothing, while a log
 * line names the refused settings (never their values) for whoever deploys.
 */
export function readConfig(env: Env): Config {
  const cached = parsed.get(env);
  if (cached) return cached;
  const result = ConfigSchema.safeParse(env);
  if (!result.success) {
    const names = [...new Set(result.error.issues.map((issue) => String(issue.path[0])))].sort();
    const error = new MisconfiguredError(names);
    createLogger().error('configuration refused', error, { settings: names.join(',') });
    throw error;
  }
  parsed.set(env, result.data);
  return result.data;
}
