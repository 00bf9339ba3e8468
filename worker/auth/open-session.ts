import { createSession, type SessionLifetime } from '../../db/queries/sessions.ts';
import type { Config } from '../env.ts';
import type { Runtime } from '../runtime/runtime.ts';
import { keyedHash, randomToken, sha256Hex } from './secrets.ts';

/** However busy, a session ends this long after sign-in (a stolen one does not live for ever). */
export const SESSION_ABSOLUTE_MS = 30 * 24 * 3_600_000;

/** The sliding lifetime of the configuration (SESSION_TTL_HOURS) under the absolute one. */
export function sessionLifetimeOf(config: Config): SessionLifetime {
  return { idleMs: config.sessionTtlMs, absoluteMs: SESSION_ABSOLUTE_MS };
}

/** Opens a session for a user and returns its token: the only time the token exists in clear. */
export async function openSession(services: Runtime, session: { userId: string; ip: string }): Promise<string> {
  const { db, clock, config } = services;
  const token = randomToken();
  await createSession(db, {
    tokenHash: await sha256Hex(token),
    userId: session.userId,
    now: clock.now(),
    lifetime: sessionLifetimeOf(config),
    ipHash: await keyedHash(config.ipHashKey, `ip:${session.ip}`),
  });
  return token;
}
