import { describe, expect, it } from 'vitest';
import { formatCalendarDay, formatCheckTime, formatClinicDay, formatClinicTime, formatHour, formatLatency, formatWeekday } from './format';

describe('formatLatency', () => {
  it('should write milliseconds with one decimal in each language', () => {
    // French typography puts a narrow no-break space before the unit.
    expect(formatLatency(3.24, 'fr')).toBe('3,2\u202fms');
    expect(formatLatency(3.24, 'en')).toBe('3.2 ms');
    expect(formatLatency(12, 'fr')).toBe('12\u202fms');
  });
});

describe('formatCheckTime', () => {
  // 23:00:05 in Tunis on 24 November 2026 (UTC+1).
  const check = '2026-11-24T22:00:05.000Z';

  it('should give only the time for a check made today', () => {
    const laterThatEvening = new Date('2026-11-24T22:30:00.000Z');
    expect(formatCheckTime(check, 'fr', laterThatEvening, 'Africa/Tunis')).toBe('23:00:05');
    expect(formatCheckTime(check, 'en', laterThatEvening, 'Africa/Tunis')).toMatch(/^11:00:05\sPM$/);
  });

  it('should add the date once the check belongs to an earlier day', () => {
    // 00:30 the next day in Tunis, though still 24 November in UTC.
    const afterMidnight = new Date('2026-11-24T23:30:00.000Z');
    const text = formatCheckTime(check, 'fr', afterMidnight, 'Africa/Tunis');
    expect(text).toContain('24 nov. 2026');
    expect(text).toContain('23:00:05');
  });
});

describe('formatClinicDay and formatClinicTime', () => {
  // 23:30 UTC on 24 November 2026: already the 25th in Tunis (UTC+1), still the 24th in Montreal.
  const lateEvening = new Date('2026-11-24T23:30:00.000Z');

  it("should name the clinic day in the clinic's own zone, not the phone's", () => {
    expect(formatClinicDay(lateEvening, 'fr', 'Africa/Tunis')).toBe('mercredi 25 novembre 2026');
    expect(formatClinicDay(lateEvening, 'en', 'America/Montreal')).toBe('Tuesday, November 24, 2026');
  });

  it("should give the clinic's wall clock", () => {
    expect(formatClinicTime(lateEvening, 'fr', 'Africa/Tunis')).toBe('00:30');
    expect(formatClinicTime(lateEvening, 'en', 'America/Montreal')).toMatch(/^6:30\sPM$/);
  });
});

describe('formatCalendarDay', () => {
  it('should write a clinic day as it is named, whatever the phone’s zone', () => {
    expect(formatCalendarDay('2026-11-24', 'fr', 'axis')).toBe('24 nov.');
    expect(formatCalendarDay('2026-11-24', 'fr', 'row')).toBe('mar. 24 nov.');
    expect(formatCalendarDay('2026-11-24', 'en', 'period')).toBe('Nov 24, 2026');
  });
});

describe('formatWeekday and formatHour', () => {
  it('should start the week on Monday, as the API numbers it', () => {
    expect(formatWeekday(0, 'fr', 'short')).toBe('lun.');
    expect(formatWeekday(6, 'en', 'long')).toBe('Sunday');
  });

  it('should name the hours of the clinic day in each notation', () => {
    expect(formatHour(9, 'fr')).toBe('09 h');
    expect(formatHour(14, 'en')).toMatch(/^2\sPM$/);
  });
});
