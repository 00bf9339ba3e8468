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

export type ThrottleScope = 'account_address' | 'address' | 'account' | 'account_device';

/**
 * Failures allowed before any delay, per scope. An address is shared by a whole clinic behind one
 * router, hence more room there; a known device is one person's browser.
 */
export const FREE_FAILURES: Record<ThrottleScope, number> = {
  account_address: 5,
  address: 20,
  /**
   * One account from every address and browser it does not know (NIST's cap on consecutive
   * failures, kept as a delay): guesses spread over a botnet still slow down, yet a stranger needs
   * 50 failures in 15 minutes before the owner, on a browser new to the account, waits at all. A
   * browser the account knows never does.
   */
  account: 50,
  account_device: 5,
};

/**
 * The address an attempt counts against. An IPv6 client commonly holds a whole /64 (2^64
 * addresses), so its /64 is one address here; IPv4 addresses count one by one.
 */
export function throttleAddressOf(ip: string): string {
  if (!ip.includes(':')) return ip;
  const [head = '', tail = ''] = ip.toLowerCase().split('::');
  const left = head === '' ? [] : head.split(':');
  const right = tail === '' ? [] : tail.split(':');
  const groups = ip.includes('::') ? [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right] : left;
  return `${groups.slice(0, 4).map((group) => group.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}

/** How one key is slowed: so many attempts free in the window, then a delay that doubles with each more. */
export interface DelayRule {
  free: number;
  firstDelayMs: number;
}

/**
 * The wait, in ms, still owed before the next attempt on a key with `failures` earlier attempts
 * in the window, the last at `lastAt`: 0 while within the free ones, then `firstDelayMs`, twice
 * that, four times… capped at the window (the oldest attempt leaves it by then).
 */
export function delayOwedMs(rule: DelayRule, prior: { failures: number; lastAt: number }, now: number): number {
  const beyond = prior.failures - rule.free;
  if (beyond < 0) return 0;
  const delay = Math.min(rule.firstDelayMs * 2 ** beyond, THROTTLE_WINDOW_MS);
  return Math.max(0, prior.lastAt + delay - now);
}

/** `delayOwedMs` for password attempts: the scope's free failures, then 1 s, 2 s, 4 s… */
export function remainingDelayMs(scope: ThrottleScope, prior: { failures: number; lastAt: number }, now: number): number {
  return delayOwedMs({ free: FREE_FAILURES[scope], firstDelayMs: FIRST_DELAY_MS }, prior, now);
}
