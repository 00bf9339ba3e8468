/**
 * How requests for a password-reset e-mail are slowed. Each request costs an e-mail to somebody,
 * so every request counts (not only failures), in the password throttle's 15-minute window
 * (attempt-throttle.ts), with delays that start at a minute rather than a second.
 */
import type { DelayRule } from './attempt-throttle.ts';

export type ResetRequestScope = 'account' | 'address';

export const RESET_REQUEST_RULES: Record<ResetRequestScope, DelayRule> = {
  /**
   * One e-mail address, from anywhere: 3 requests (a person whose first e-mail is slow to arrive
   * asks again), then 1 min, 2 min, 4 min… so nobody can fill an inbox with our links. A stranger
   * can make the owner wait at most the window (15 min) for a new link, never lock them out.
   */
  account: { free: 3, firstDelayMs: 60_000 },
  /**
   * One client address (its /64 for IPv6), for any e-mail: 10 requests, a clinic's staff sharing a
   * router included, then the same doubling: one client cannot mail many people at once.
   */
  address: { free: 10, firstDelayMs: 60_000 },
};
