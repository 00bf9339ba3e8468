import { describe, expect, it } from 'vitest';
import { FREE_FAILURES, remainingDelayMs, THROTTLE_WINDOW_MS } from './attempt-throttle.ts';

describe('remainingDelayMs', () => {
  const now = 1_000_000_000;

  it('should owe nothing while within the free failures', () => {
    expect(remainingDelayMs('account_address', { failures: 4, lastAt: now }, now)).toBe(0);
    expect(remainingDelayMs('address', { failures: FREE_FAILURES.address - 1, lastAt: now }, now)).toBe(0);
  });

  it('should double the delay with each failure beyond them', () => {
    expect(remainingDelayMs('account_address', { failures: 5, lastAt: now }, now)).toBe(1_000);
    expect(remainingDelayMs('account_address', { failures: 6, lastAt: now }, now)).toBe(2_000);
    expect(remainingDelayMs('account_address', { failures: 9, lastAt: now }, now)).toBe(16_000);
    expect(remainingDelayMs('address', { failures: 23, lastAt: now }, now)).toBe(8_000);
  });

  it('should count from the last failure, and never beyond the window', () => {
    expect(remainingDelayMs('account_address', { failures: 7, lastAt: now - 3_000 }, now)).toBe(1_000);
    expect(remainingDelayMs('account_address', { failures: 7, lastAt: now - 5_000 }, now)).toBe(0);
    expect(remainingDelayMs('account_device', { failures: 60, lastAt: now }, now)).toBe(THROTTLE_WINDOW_MS);
  });
});
