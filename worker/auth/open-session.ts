import { createSession } from '../../db/queries/sessions.ts';
import type { Services } from '../services/services.ts';
import { keyedHash, randomToken, sha256Hex } from './secrets.ts';

/** Opens a session for a user and returns its token: the only time the token exists in clear. */
export async function openSession(services: Services, session: { userId: string; ip: string }): Promise<string> {
  const { db, clock, config } = services;
  const token = randomToken();
  await createSession(db, {
    tokenHash: await sha256Hex(token),
    userId: session.userId,
    now: clock.now(),
    ttlMs: config.sessionTtlMs,
    ipHash: await keyedHash(config.ipHashKey, `ip:${session.ip}`),
  });
  return token;
}
