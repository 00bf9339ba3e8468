/**
 * How password guesses are slowed (OWASP ASVS 2.2.1, NIST SP 800-63B 5.2.2): never a lock on an
 * account as such, which a stranger could set on someone else, but growing delays on what the
 * guesser controls. Failures are counted per (account, client address), per client address, and
 * per (account, known device) for a browser that signed in to that account before.
 */

/** Failures older than this no longer count. */
export const THROTTLE_WINDOW_MS = 15 * 60_000;

/** Delay after the first failure beyond the free ones; it doubles with each further failure. */
export const FIRST_DELAY_MS = 1_000;

export type ThrottleScope = 'account_address' | 'address' | 'account_device';

/**
 * Failures allowed before any delay, per scope. An address is shared by a whole clinic behind one
 * router, hence more room there; a known device is one person's browser.
 */
export const FREE_FAILURES: Record<ThrottleScope, number> = {
  account_address: 5,
  address: 20,
  account_device: 5,
};

/**
 * The wait, in ms, still owed before the next attempt on a key with `failures` earlier failures
 * in the window, the last at `lastAt`: 0 while within the free failures, then 1 s, 2 s, 4 s…
 * capped at the window (the oldest failure leaves it by then).
 */
export function remainingDelayMs(scope: ThrottleScope, prior: { failures: number; lastAt: number }, now: number): number {
  const beyond = prior.failures - FREE_FAILURES[scope];
  if (beyond < 0) return 0;
  const delay = Math.min(FIRST_DELAY_MS * 2 ** beyond, THROTTLE_WINDOW_MS);
  return Math.max(0, prior.lastAt + delay - now);
}
