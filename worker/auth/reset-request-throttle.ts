import type { Database } from '../../db/client.ts';
import { forgetLoginAttempts, recordLoginAttempt } from '../../db/queries/login-failures.ts';
import { delayOwedMs, THROTTLE_WINDOW_MS, throttleAddressOf } from '../domain/attempt-throttle.ts';
import { RESET_REQUEST_RULES, type ResetRequestScope } from '../domain/reset-request-throttle.ts';
import { keyedHash } from './secrets.ts';

/** Admitted (and counted), or refused unheard with the seconds to wait. */
export type ResetRequestVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Admits or refuses one request for a password-reset e-mail under RESET_REQUEST_RULES, per e-mail
 * and per client address. Every admitted request counts, whether the address has an account or
 * not: the verdict, like the answer, must not tell which. The counts share the password
 * throttle's table (every isolate alike, pruned past the same window) under keys of their own.
 */
export async function admitResetRequest(db: Database, request: { email: string; ip: string; now: number; hashKey: string }): Promise<ResetRequestVerdict> {
  const { email, now, hashKey } = request;
  const scopes: Array<{ scope: ResetRequestScope; key: string }> = [
    { scope: 'account', key: await keyedHash(hashKey, `throttle:reset-account:${email}`) },
    { scope: 'address', key: await keyedHash(hashKey, `throttle:reset-address:${throttleAddressOf(request.ip)}`) },
  ];
  const { ids, prior } = await recordLoginAttempt(db, scopes.map(({ key }) => key), now, THROTTLE_WINDOW_MS);
  const owed = Math.max(0, ...scopes.map(({ scope, key }) => {
    const before = prior.get(key);
    return before === undefined ? 0 : delayOwedMs(RESET_REQUEST_RULES[scope], before, now);
  }));
  if (owed === 0) return { allowed: true };
  // Refused unheard: a client that keeps asking must not push its own delay further out.
  await forgetLoginAttempts(db, ids);
  return { allowed: false, retryAfterSeconds: Math.ceil(owed / 1000) };
}
