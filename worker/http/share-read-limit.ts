import { keyedHash } from '../auth/secrets.ts';
import { throttleAddressOf } from '../domain/attempt-throttle.ts';
import type { Logger } from '../runtime/logger.ts';

/**
 * The period of the SHARE_RATE_LIMITER binding (wrangler.toml `[[ratelimits]]`): a refused reader
 * waits at most this long, so it is what `Retry-After` says.
 */
export const SHARE_READ_PERIOD_SECONDS = 60;

/**
 * Whether one more read of a shared link's answers is allowed from `ip` (its /64 for IPv6).
 *
 * Its own binding rather than the ticket limiter's: a shared page costs a database read per poll
 * (the link is looked up every time, so a revocation holds at once) where a ticket costs none, so
 * it gets a smaller allowance; and a stranger guessing share tokens from a clinic's router must
 * never use up the allowance of the patients reading their tickets behind the same address.
 * Counted by Cloudflare's rate limiting binding, per location, without a write of ours; the key
 * is a keyed hash, so the limiter never holds an address in clear. A limiter that fails lets the
 * read through: it protects cost, and the link is still checked in the database.
 */
export async function admitShareRead(limiter: RateLimit, read: { ip: string; hashKey: string; logger: Logger }): Promise<boolean> {
  const key = await keyedHash(read.hashKey, `share-reads:${throttleAddressOf(read.ip)}`);
  try {
    return (await limiter.limit({ key })).success;
  } catch (error) {
    read.logger.warn('share rate limiter unavailable', { error: String(error) });
    return true;
  }
}
