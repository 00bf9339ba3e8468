import { describe, expect, it } from 'vitest';
import { MAX_RETRY_MS, reconnectDelayMs } from './backoff';

describe('reconnectDelayMs', () => {
  it('should double from one second up to thirty, at the top of each step', () => {
    const schedule = [0, 1, 2, 3, 4, 5, 6, 12].map((failures) => reconnectDelayMs(failures, () => 1));
    expect(schedule).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000]);
  });

  it('should draw each wait in the upper half of its step, so phones do not reconnect in the same instant', () => {
    expect(reconnectDelayMs(0, () => 0)).toBe(500);
    expect(reconnectDelayMs(3, () => 0.5)).toBe(6_000);
    expect(reconnectDelayMs(20, () => 0)).toBe(MAX_RETRY_MS / 2);
  });

  it('should never wait longer than the cap, however many attempts failed', () => {
    expect(reconnectDelayMs(10_000, () => 1)).toBe(MAX_RETRY_MS);
  });
});
