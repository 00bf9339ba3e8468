import { describe, expect, it } from 'vitest';
import {
  addClinicDays,
  clinicDayOf,
  clinicDaysBetween,
  formatClinicInstant,
  hourStartOf,
  instantOfClinicTime,
  isKnownTimeZone,
  localHourOf,
  nextClinicDay,
  startOfClinicDay,
  utcOffsetMsAt,
  weekdayOf,
} from './clinic-time.ts';

const PARIS = 'Europe/Paris';
const TUNIS = 'Africa/Tunis';
const HOUR = 3_600_000;
const utc = (iso: string) => Date.parse(iso);
const lengthOfDay = (day: string, zone: string) => (startOfClinicDay(nextClinicDay(day), zone) - startOfClinicDay(day, zone)) / HOUR;

describe('clinic days in Africa/Tunis (no daylight saving)', () => {
  it('should start every day at 23:00 UTC the evening before', () => {
    expect(startOfClinicDay('2026-11-24', TUNIS)).toBe(utc('2026-11-23T23:00:00Z'));
    expect(startOfClinicDay('2026-07-01', TUNIS)).toBe(utc('2026-06-30T23:00:00Z'));
  });

  it('should make every day 24 hours long, March and October included', () => {
    expect(lengthOfDay('2026-03-29', TUNIS)).toBe(24);
    expect(lengthOfDay('2026-10-25', TUNIS)).toBe(24);
  });

  it('should put 23:30 UTC on the next clinic day', () => {
    expect(clinicDayOf(utc('2026-11-24T22:59:59.999Z'), TUNIS)).toBe('2026-11-24');
    expect(clinicDayOf(utc('2026-11-24T23:30:00Z'), TUNIS)).toBe('2026-11-25');
    expect(localHourOf(utc('2026-11-24T23:30:00Z'), TUNIS)).toBe(0);
  });
});

describe('clinic days in Europe/Paris across daylight saving', () => {
  it('should make 2026-03-29 23 hours long (clocks go forward at 02:00)', () => {
    expect(startOfClinicDay('2026-03-29', PARIS)).toBe(utc('2026-03-28T23:00:00Z'));
    expect(startOfClinicDay('2026-03-30', PARIS)).toBe(utc('2026-03-29T22:00:00Z'));
    expect(lengthOfDay('2026-03-29', PARIS)).toBe(23);
  });

  it('should make 2026-10-25 25 hours long (clocks go back at 03:00)', () => {
    expect(startOfClinicDay('2026-10-25', PARIS)).toBe(utc('2026-10-24T22:00:00Z'));
    expect(startOfClinicDay('2026-10-26', PARIS)).toBe(utc('2026-10-25T23:00:00Z'));
    expect(lengthOfDay('2026-10-25', PARIS)).toBe(25);
  });

  it('should skip from 01:59 to 03:00 on the spring day', () => {
    expect(localHourOf(utc('2026-03-29T00:59:00Z'), PARIS)).toBe(1);
    expect(localHourOf(utc('2026-03-29T01:00:00Z'), PARIS)).toBe(3);
    expect(hourStartOf(utc('2026-03-29T01:30:00Z'), PARIS)).toBe(utc('2026-03-29T01:00:00Z'));
    expect(utcOffsetMsAt(utc('2026-03-29T01:00:00Z'), PARIS)).toBe(2 * HOUR);
  });

  it('should give the repeated 02:00 hour of the autumn day two different hour starts', () => {
    const firstTwoOClock = utc('2026-10-25T00:30:00Z');
    const secondTwoOClock = utc('2026-10-25T01:30:00Z');
    expect([localHourOf(firstTwoOClock, PARIS), localHourOf(secondTwoOClock, PARIS)]).toEqual([2, 2]);
    expect(hourStartOf(firstTwoOClock, PARIS)).toBe(utc('2026-10-25T00:00:00Z'));
    expect(hourStartOf(secondTwoOClock, PARIS)).toBe(utc('2026-10-25T01:00:00Z'));
    expect(clinicDayOf(secondTwoOClock, PARIS)).toBe('2026-10-25');
  });

  it('should count 25 distinct hour starts on the autumn day and 23 on the spring day', () => {
    const hourStarts = (day: string) => {
      const starts = new Set<number>();
      for (let at = startOfClinicDay(day, PARIS); at < startOfClinicDay(nextClinicDay(day), PARIS); at += 15 * 60_000) {
        starts.add(hourStartOf(at, PARIS));
      }
      return starts.size;
    };
    expect(hourStarts('2026-10-25')).toBe(25);
    expect(hourStarts('2026-03-29')).toBe(23);
  });

  it('should map a wall time to its first occurrence, and a skipped one to the jump', () => {
    expect(instantOfClinicTime('2026-10-25', 2 * 60 + 30, PARIS)).toBe(utc('2026-10-25T00:30:00Z'));
    expect(instantOfClinicTime('2026-03-29', 2 * 60 + 30, PARIS)).toBe(utc('2026-03-29T01:00:00Z'));
    expect(instantOfClinicTime('2026-03-29', 9 * 60, PARIS)).toBe(utc('2026-03-29T07:00:00Z'));
  });
});

describe('a zone whose midnight does not exist', () => {
  it('should start the day at 01:00 when clocks jump over midnight (America/Santiago, 2026-09-06)', () => {
    expect(startOfClinicDay('2026-09-06', 'America/Santiago')).toBe(utc('2026-09-06T04:00:00Z'));
    expect(clinicDayOf(utc('2026-09-06T03:59:59Z'), 'America/Santiago')).toBe('2026-09-05');
  });
});

describe('calendar helpers', () => {
  it('should move across months, years and leap days', () => {
    expect(nextClinicDay('2026-12-31')).toBe('2027-01-01');
    expect(nextClinicDay('2028-02-28')).toBe('2028-02-29');
    expect(addClinicDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(clinicDaysBetween('2026-08-01', '2026-11-24')).toBe(115);
  });

  it('should number weekdays from Sunday = 0', () => {
    expect(weekdayOf('2026-11-22')).toBe(0);
    expect(weekdayOf('2026-11-23')).toBe(1);
    expect(weekdayOf('2026-11-28')).toBe(6);
  });

  it('should refuse a label that is not a calendar day', () => {
    expect(() => nextClinicDay('2026-02-30')).toThrow(RangeError);
    expect(() => startOfClinicDay('24/11/2026', TUNIS)).toThrow(RangeError);
  });

  it('should format an instant with the clinic offset, as the queue app sends it', () => {
    expect(formatClinicInstant(utc('2026-11-24T08:15:00Z'), TUNIS)).toBe('2026-11-24T09:15:00.000+01:00');
    expect(formatClinicInstant(utc('2026-07-14T08:15:00Z'), PARIS)).toBe('2026-07-14T10:15:00.000+02:00');
    expect(formatClinicInstant(utc('2026-01-01T00:00:00Z'), 'America/St_Johns')).toBe('2025-12-31T20:30:00.000-03:30');
    expect(Date.parse(formatClinicInstant(1_790_000_123_456, PARIS))).toBe(1_790_000_123_456);
  });
});

describe('zones the runtime knows', () => {
  it('should know the IANA zones clinics use and refuse made-up ones', () => {
    expect([TUNIS, PARIS, 'UTC'].map(isKnownTimeZone)).toEqual([true, true, true]);
    expect(['Mars/Olympus_Mons', '', 'Europe/Nowhere'].map(isKnownTimeZone)).toEqual([false, false, false]);
  });
});
