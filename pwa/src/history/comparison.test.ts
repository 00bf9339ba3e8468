import { describe, expect, it } from 'vitest';
import { senseOf, trendOf } from './comparison';

describe('trendOf', () => {
  it('should read the sign of the change, and nothing when there was no previous period', () => {
    expect(trendOf(12.5)).toBe('up');
    expect(trendOf(-5.2)).toBe('down');
    expect(trendOf(0)).toBe('flat');
    expect(trendOf(null)).toBe('none');
  });
});

describe('senseOf', () => {
  it('should call shorter waits and fewer no-shows good news, and longer ones bad', () => {
    expect(senseOf('avgWaitMinutes', 'down')).toBe('good');
    expect(senseOf('maxWaitMinutes', 'up')).toBe('bad');
    expect(senseOf('noShowRate', 'up')).toBe('bad');
    expect(senseOf('qrShare', 'up')).toBe('good');
  });

  it('should judge neither more patients, a flat figure nor a missing comparison', () => {
    expect(senseOf('patients', 'up')).toBe('neutral');
    expect(senseOf('seen', 'flat')).toBe('neutral');
    expect(senseOf('noShows', 'none')).toBe('neutral');
  });
});
