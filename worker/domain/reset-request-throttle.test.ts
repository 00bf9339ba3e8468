import { describe, expect, it } from 'vitest';
import { delayOwedMs, THROTTLE_WINDOW_MS } from './attempt-throttle.ts';
import { RESET_REQUEST_RULES } from './reset-request-throttle.ts';

describe('the reset-request throttle', () => {
  const now = 1_000_000_000;
  const minute = 60_000;

  it('should let a person ask three times for a link, then make them wait a minute, doubling', () => {
    const { account } = RESET_REQUEST_RULES;
    expect(delayOwedMs(account, { failures: 2, lastAt: now }, now)).toBe(0);
    expect(delayOwedMs(account, { failures: 3, lastAt: now }, now)).toBe(minute);
    expect(delayOwedMs(account, { failures: 4, lastAt: now - 30_000 }, now)).toBe(90_000);
    expect(delayOwedMs(account, { failures: 20, lastAt: now }, now)).toBe(THROTTLE_WINDOW_MS);
  });

  it("should leave a clinic's shared router ten requests before slowing it", () => {
    const { address } = RESET_REQUEST_RULES;
    expect(delayOwedMs(address, { failures: 9, lastAt: now }, now)).toBe(0);
    expect(delayOwedMs(address, { failures: 10, lastAt: now }, now)).toBe(minute);
    expect(delayOwedMs(address, { failures: 10, lastAt: now - minute }, now)).toBe(0);
  });
});
