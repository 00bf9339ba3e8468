import { describe, expect, it } from 'vitest';
import { dayAfter, delayBeforeAsking, FORECAST_MIN_GAP_MS } from './forecast-pace';

/** 10:00:00 on the phone's clock, a Tuesday morning at La Marsa. */
const TEN = Date.UTC(2026, 10, 24, 9, 0, 0);
const SECOND = 1_000;

describe('asking for the forecast again as the queue moves', () => {
  it('should ask at once on opening the screen, and after a quiet minute', () => {
    expect(delayBeforeAsking(null, TEN)).toBe(0);
    expect(delayBeforeAsking(TEN, TEN + FORECAST_MIN_GAP_MS)).toBe(0);
    expect(delayBeforeAsking(TEN, TEN + 5 * FORECAST_MIN_GAP_MS)).toBe(0);
  });

  it('should put off a change during a busy minute to the end of that minute, never drop it', () => {
    // Walk-ins at 10:00:12 and 10:00:47, asked for at 10:00:00: both are read at 10:01:00.
    expect(delayBeforeAsking(TEN, TEN + 12 * SECOND)).toBe(48 * SECOND);
    expect(delayBeforeAsking(TEN, TEN + 47 * SECOND)).toBe(13 * SECOND);
  });
});

describe('tomorrow, from the clinic’s today', () => {
  it('should be the next day of the calendar, across months, years and leap days', () => {
    expect(dayAfter('2026-11-24')).toBe('2026-11-25');
    expect(dayAfter('2026-11-30')).toBe('2026-12-01');
    expect(dayAfter('2026-12-31')).toBe('2027-01-01');
    expect(dayAfter('2028-02-28')).toBe('2028-02-29');
  });

  it('should be one day whatever the clock does that night', () => {
    // Europe changes its clocks on the night of 25 October 2026.
    expect(dayAfter('2026-10-24')).toBe('2026-10-25');
    expect(dayAfter('2026-10-25')).toBe('2026-10-26');
  });

  it('should refuse what is not a clinic day', () => {
    expect(() => dayAfter('24/11/2026')).toThrow(RangeError);
  });
});
