import { afterEach, describe, expect, it, vi } from 'vitest';
import { systemClock } from './clock.ts';

describe('the system clock', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('should read the time at each call, in epoch milliseconds', () => {
    vi.useFakeTimers({ now: Date.parse('2026-11-24T07:59:59.999Z') });
    expect(systemClock.now()).toBe(Date.parse('2026-11-24T07:59:59.999Z'));
    vi.advanceTimersByTime(1);
    expect(systemClock.now()).toBe(Date.parse('2026-11-24T08:00:00.000Z'));
  });
});
