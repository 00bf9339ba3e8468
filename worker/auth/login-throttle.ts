import { clearLoginAttempts, forgetLoginAttempts, recordLoginAttempt } from '../../db/queries/login-failures.ts';
import type { Database } from '../../db/client.ts';
import { remainingDelayMs, THROTTLE_WINDOW_MS, throttleAddressOf, type ThrottleScope } from '../domain/attempt-throttle.ts';
import { keyedHash } from './secrets.ts';

export type ThrottleVerdict =
  | { allowed: true; settle(success: boolean): Promise<void> }
  | { allowed: false; retryAfterSeconds: number };

/** One password attempt: whose account, from which address, and from which known device if any. */
export interface PasswordAttempt {
  email: string;
  ip: string;
  /** Set when the browser proved it signed in to this account before (known-device.ts). */
  deviceId: string | null;
  now: number;
  hashKey: string;
}

/** The throttle key of an account alone (no address, no device): the only one an e-mail names by itself. */
export function accountThrottleKey(hashKey: string, email: string): Promise<string> {
  return keyedHash(hashKey, `throttle:account:${email}`);
}

/**
 * Admits or refuses one password attempt (sign-in or password change) under the growing delays of
 * worker/domain/attempt-throttle.ts. The state lives in the database, so every isolate counts the
 * same attempts. An admitted attempt must be settled: a success clears its account's count and
 * does not count against the address; a failure stays counted.
 */
export async function admitPasswordAttempt(db: Database, attempt: PasswordAttempt): Promise<ThrottleVerdict> {
  const { email, deviceId, hashKey, now } = attempt;
  const ip = throttleAddressOf(attempt.ip);
  // Keyed hashes: the table never holds an e-mail or an address in clear. The account's own scope
  // comes first: a success clears it.
  const scopes: Array<{ scope: ThrottleScope; key: string }> =
    deviceId === null
      ? [
          { scope: 'account_address', key: await keyedHash(hashKey, `throttle:account-address:${email}:${ip}`) },
          { scope: 'address', key: await keyedHash(hashKey, `throttle:address:${ip}`) },
          { scope: 'account', key: await accountThrottleKey(hashKey, email) },
        ]
      : [{ scope: 'account_device', key: await keyedHash(hashKey, `throttle:account-device:${email}:${deviceId}`) }];
  const { ids, prior } = await recordLoginAttempt(db, scopes.map(({ key }) => key), now, THROTTLE_WINDOW_MS);
  const owed = Math.max(0, ...scopes.map(({ scope, key }) => {
    const before = prior.get(key);
    return before === undefined ? 0 : remainingDelayMs(scope, before, now);
  }));
  if (owed > 0) {
    // A refused attempt was never heard: it must not push the delay further out.
    await forgetLoginAttempts(db, ids);
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(owed / 1000)) };
  }
  const [accountScope] = scopes;
  return {
    allowed: true,
    async settle(success) {
      if (!success) return;
      if (accountScope !== undefined) await clearLoginAttempts(db, accountScope.key);
      await forgetLoginAttempts(db, ids);
    },
  };
}
