import { describe, expect, it } from 'vitest';
import { timeframeOf } from './timeframe';

describe('timeframeOf', () => {
  it('should open the window the address names', () => {
    expect(timeframeOf('7d')).toBe('7d');
    expect(timeframeOf('1y')).toBe('1y');
  });

  it('should fall back to the last 30 days for a missing or unknown window', () => {
    expect(timeframeOf(undefined)).toBe('30d');
    expect(timeframeOf('2w')).toBe('30d');
    expect(timeframeOf('7D')).toBe('30d');
  });
});
