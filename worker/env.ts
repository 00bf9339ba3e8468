import { z } from 'zod';
import { AppError } from './errors.ts';

const LIBSQL_PROTOCOLS = ['libsql:', 'https:', 'http:', 'wss:', 'ws:'];

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
    // Raw rows older than this are deleted; at least 8 days, since the live queue reads the last 7.
    RETENTION_DAYS: z.coerce.number().int().min(8).max(3_650).default(90),
  })
  .transform((env) => ({
    libsqlUrl: env.LIBSQL_URL,
    libsqlAuthToken: env.LIBSQL_AUTH_TOKEN === '' ? undefined : env.LIBSQL_AUTH_TOKEN,
    appVersion: env.APP_VERSION,
    sessionTtlMs: env.SESSION_TTL_HOURS * 3_600_000,
    ipHashKey: env.IP_HASH_KEY,
    retentionDays: env.RETENTION_DAYS,
  }));

export type Config = z.infer<typeof ConfigSchema>;

const parsed = new WeakMap<object, Config>();

/** The validated configuration, or an INTERNAL error naming (never showing) what is wrong. */
export function readConfig(env: Env): Config {
  const cached = parsed.get(env);
  if (cached) return cached;
  const result = ConfigSchema.safeParse(env);
  if (!result.success) {
    const names = [...new Set(result.error.issues.map((issue) => String(issue.path[0])))].sort();
    throw new AppError('INTERNAL', 'The service is misconfigured', { settings: names });
  }
  parsed.set(env, result.data);
  return result.data;
}
