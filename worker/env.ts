import { z } from 'zod';
import { AppError } from './errors.ts';

const LIBSQL_PROTOCOLS = ['libsql:', 'https:', 'http:', 'wss:', 'ws:'];

/**
 * The part of the Worker's environment the code relies on, checked once per isolate and
 * environment object. A missing secret names itself instead of failing somewhere deep.
 */
const ConfigSchema = z.object({
  LIBSQL_URL: z
    .string()
    .refine(
      (value) => URL.canParse(value) && LIBSQL_PROTOCOLS.includes(new URL(value).protocol),
      'must be a libsql:, https: or http: URL',
    ),
  LIBSQL_AUTH_TOKEN: z
    .string()
    .optional()
    .transform((value) => (value === '' ? undefined : value)),
  APP_VERSION: z.string().min(1),
});

export type Config = z.infer<typeof ConfigSchema>;

const parsed = new WeakMap<object, Config>();

/** The validated configuration, or an INTERNAL error naming (never showing) what is wrong. */
export function readConfig(env: Env): Config {
  const cached = parsed.get(env);
  if (cached) return cached;
  const result = ConfigSchema.safeParse(env);
  if (!result.success) {
    const names = [...new Set(result.error.issues.map((issue) => String(issue.path[0])))];
    throw new AppError('INTERNAL', 'The service is misconfigured', { settings: names });
  }
  parsed.set(env, result.data);
  return result.data;
}
