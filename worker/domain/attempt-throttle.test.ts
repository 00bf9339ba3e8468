import { describe, expect, it } from 'vitest';
import { FREE_FAILURES, remainingDelayMs, THROTTLE_WINDOW_MS, throttleAddressOf } from './attempt-throttle.ts';

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

describe('throttleAddressOf', () => {
  it('should count an IPv6 client by its /64, however it writes its address', () => {
    expect(throttleAddressOf('2001:db8:85a3:12:1:2:3:4')).toBe('2001:db8:85a3:12::/64');
    expect(throttleAddressOf('2001:0db8:85a3:0012:ffff::1')).toBe('2001:db8:85a3:12::/64');
    expect(throttleAddressOf('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(throttleAddressOf('2001:DB8::')).toBe('2001:db8:0:0::/64');
    expect(throttleAddressOf('::1')).toBe('0:0:0:0::/64');
  });

  it('should keep an IPv4 address (and anything else) as it is', () => {
    expect(throttleAddressOf('203.0.113.9')).toBe('203.0.113.9');
    expect(throttleAddressOf('unknown')).toBe('unknown');
  });
});
