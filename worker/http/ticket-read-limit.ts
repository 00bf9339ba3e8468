import { keyedHash } from '../auth/secrets.ts';
import { throttleAddressOf } from '../domain/attempt-throttle.ts';
import type { Logger } from '../runtime/logger.ts';

/**
 * The period of the TICKET_RATE_LIMITER binding (wrangler.toml `[[ratelimits]]`): a refused reader
 * waits at most this long, so it is what `Retry-After` says.
 */
export const TICKET_READ_PERIOD_SECONDS = 60;

/**
 * Whether one more read of a ticket (its page or its JSON) is allowed from `ip` (its /64 for IPv6).
 * Counted by Cloudflare's rate limiting binding, per location and without a write of ours: a page
 * polling every 10 s must not cost a database row per poll. The key is a keyed hash, so the limiter
 * never holds an address in clear. A limiter that fails lets the read through: it protects cost,
 * and a patient's page is worth more than a few unmetered reads.
 */
export async function admitTicketRead(limiter: RateLimit, read: { ip: string; hashKey: string; logger: Logger }): Promise<boolean> {
  const key = await keyedHash(read.hashKey, `ticket-reads:${throttleAddressOf(read.ip)}`);
  try {
    return (await limiter.limit({ key })).success;
  } catch (error) {
    read.logger.warn('ticket rate limiter unavailable', { error: String(error) });
    return true;
  }
}
