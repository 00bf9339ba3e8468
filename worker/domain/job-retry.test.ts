import { describe, expect, it } from 'vitest';
import { MAX_RETRY_DELAY_SECONDS, retryDelaySeconds } from './job-retry.ts';

describe('retryDelaySeconds', () => {
  it('should double from the base with each attempt', () => {
    expect([1, 2, 3, 4].map((attempts) => retryDelaySeconds(attempts, 30))).toEqual([30, 60, 120, 240]);
  });

  it('should never wait longer than the cap, however many attempts failed', () => {
    expect(retryDelaySeconds(40, 30)).toBe(MAX_RETRY_DELAY_SECONDS);
  });

  it('should retry at once when the base is zero (tests, local runs)', () => {
    expect(retryDelaySeconds(3, 0)).toBe(0);
  });
});
