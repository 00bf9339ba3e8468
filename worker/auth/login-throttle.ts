import { clearLoginAttempts, forgetLoginAttempts, recordLoginAttempt } from '../../db/queries/login-failures.ts';
import type { Database } from '../../db/client.ts';
import { keyedHash } from './secrets.ts';

/** PRODUCT: 5 failed attempts for one e-mail, or 20 from one address, within 15 minutes. */
export const LOGIN_WINDOW_MS = 15 * 60_000;
export const MAX_FAILURES_PER_EMAIL = 5;
export const MAX_FAILURES_PER_IP = 20;

export type ThrottleVerdict =
  | { allowed: true; settle(success: boolean): Promise<void> }
  | { allowed: false; retryAfterSeconds: number };

/**
 * Admits or refuses one login attempt. The state lives in the database, so every isolate counts
 * the same attempts. An admitted attempt must be settled: a success clears the account's count
 * and does not count against the address; a failure stays counted.
 */
export async function admitLoginAttempt(
  db: Database,
  attempt: { email: string; ip: string; now: number; hashKey: string },
): Promise<ThrottleVerdict> {
  const emailKey = await keyedHash(attempt.hashKey, `login-email:${attempt.email}`);
  const ipKey = await keyedHash(attempt.hashKey, `login-ip:${attempt.ip}`);
  const { ids, counts } = await recordLoginAttempt(db, [emailKey, ipKey], attempt.now, LOGIN_WINDOW_MS);
  const limits: Array<[string, number]> = [
    [emailKey, MAX_FAILURES_PER_EMAIL],
    [ipKey, MAX_FAILURES_PER_IP],
  ];
  const blocking = limits
    .map(([key, limit]) => ({ limit, count: counts.get(key) }))
    .filter(({ limit, count }) => count !== undefined && count.attempts > limit);
  if (blocking.length > 0) {
    // A refused attempt was never heard: it must not push the lockout further out.
    await forgetLoginAttempts(db, ids);
    const freeAt = Math.max(...blocking.map(({ count }) => (count?.oldestAt ?? attempt.now) + LOGIN_WINDOW_MS));
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((freeAt - attempt.now) / 1000)) };
  }
  return {
    allowed: true,
    async settle(success) {
      if (!success) return;
      await clearLoginAttempts(db, emailKey);
      await forgetLoginAttempts(db, ids);
    },
  };
}
