import { describe, expect, it } from 'vitest';
import { isQuietAt, minuteOfClockTime, quietHoursEndAfter, quietHoursOf, type QuietHours } from './quiet-hours.ts';

const at = (iso: string) => Date.parse(iso);
const NIGHT: QuietHours = { from: '20:00', to: '07:00' };

describe('quiet hours across midnight, in a zone without daylight saving time (Africa/Tunis, UTC+1)', () => {
  const zone = 'Africa/Tunis';

  it('should be quiet from 20:00 to 06:59 and not at 07:00 nor at 19:59, on the clinic’s clocks', () => {
    expect(isQuietAt(NIGHT, at('2026-06-10T18:59:00Z'), zone)).toBe(false); // 19:59
    expect(isQuietAt(NIGHT, at('2026-06-10T19:00:00Z'), zone)).toBe(true); // 20:00
    expect(isQuietAt(NIGHT, at('2026-06-10T23:30:00Z'), zone)).toBe(true); // 00:30 the next day
    expect(isQuietAt(NIGHT, at('2026-06-11T05:59:00Z'), zone)).toBe(true); // 06:59
    expect(isQuietAt(NIGHT, at('2026-06-11T06:00:00Z'), zone)).toBe(false); // 07:00
  });

  it('should end at 07:00 the next morning whether asked before or after midnight', () => {
    const morning = at('2026-06-11T06:00:00Z');
    expect(quietHoursEndAfter(NIGHT, at('2026-06-10T21:30:00Z'), zone)).toBe(morning); // 22:30
    expect(quietHoursEndAfter(NIGHT, at('2026-06-11T01:00:00Z'), zone)).toBe(morning); // 02:00
  });

  it('should keep a stretch within one day (a lunch break) and end it the same day', () => {
    const lunch: QuietHours = { from: '12:00', to: '14:00' };
    expect(isQuietAt(lunch, at('2026-06-10T11:00:00Z'), zone)).toBe(true); // 12:00
    expect(isQuietAt(lunch, at('2026-06-10T13:00:00Z'), zone)).toBe(false); // 14:00
    expect(isQuietAt(lunch, at('2026-06-10T22:00:00Z'), zone)).toBe(false); // 23:00
    expect(quietHoursEndAfter(lunch, at('2026-06-10T11:15:00Z'), zone)).toBe(at('2026-06-10T13:00:00Z'));
  });

  it('should read half-hour offsets too (Asia/Kolkata, UTC+5:30)', () => {
    const quiet: QuietHours = { from: '21:00', to: '06:30' };
    expect(isQuietAt(quiet, at('2026-01-15T20:00:00Z'), 'Asia/Kolkata')).toBe(true); // 01:30
    expect(isQuietAt(quiet, at('2026-01-16T01:00:00Z'), 'Asia/Kolkata')).toBe(false); // 06:30
    expect(quietHoursEndAfter(quiet, at('2026-01-15T20:00:00Z'), 'Asia/Kolkata')).toBe(at('2026-01-16T01:00:00Z'));
  });
});

describe('quiet hours across the clock changes of Europe/Paris', () => {
  const zone = 'Europe/Paris';

  it('should end a night at 07:00 summer time on 29 March 2026: an hour shorter, 05:00 UTC', () => {
    const evening = at('2026-03-28T22:00:00Z'); // 23:00 CET
    expect(isQuietAt(NIGHT, evening, zone)).toBe(true);
    expect(quietHoursEndAfter(NIGHT, evening, zone)).toBe(at('2026-03-29T05:00:00Z'));
    expect(isQuietAt(NIGHT, at('2026-03-29T04:59:00Z'), zone)).toBe(true); // 06:59 CEST
    expect(isQuietAt(NIGHT, at('2026-03-29T05:00:00Z'), zone)).toBe(false); // 07:00 CEST
  });

  it('should end at the jump when its end time never happens (02:30 on 29 March 2026 is skipped)', () => {
    const quiet: QuietHours = { from: '23:00', to: '02:30' };
    const beforeTheJump = at('2026-03-29T00:30:00Z'); // 01:30 CET
    expect(isQuietAt(quiet, beforeTheJump, zone)).toBe(true);
    // 02:00 CET becomes 03:00 CEST at 01:00 UTC: the first moment the clocks read past 02:30.
    expect(quietHoursEndAfter(quiet, beforeTheJump, zone)).toBe(at('2026-03-29T01:00:00Z'));
    expect(isQuietAt(quiet, at('2026-03-29T01:00:00Z'), zone)).toBe(false); // 03:00 CEST
  });

  it('should end a night at 07:00 winter time on 25 October 2026: an hour longer, 06:00 UTC', () => {
    const evening = at('2026-10-24T21:00:00Z'); // 23:00 CEST
    expect(quietHoursEndAfter(NIGHT, evening, zone)).toBe(at('2026-10-25T06:00:00Z'));
    expect(isQuietAt(NIGHT, at('2026-10-25T05:59:00Z'), zone)).toBe(true); // 06:59 CET
  });

  it('should end at the 02:30 that comes next when 02:00–03:00 happens twice (25 October 2026)', () => {
    const quiet: QuietHours = { from: '01:00', to: '02:30' };
    const firstPass = at('2026-10-25T00:10:00Z'); // 02:10 CEST
    const secondPass = at('2026-10-25T01:10:00Z'); // 02:10 CET
    expect(isQuietAt(quiet, firstPass, zone)).toBe(true);
    expect(isQuietAt(quiet, secondPass, zone)).toBe(true);
    expect(quietHoursEndAfter(quiet, firstPass, zone)).toBe(at('2026-10-25T00:30:00Z'));
    expect(quietHoursEndAfter(quiet, secondPass, zone)).toBe(at('2026-10-25T01:30:00Z'));
  });
});

describe('quiet hours as stored', () => {
  it('should read both columns or none, and never an empty stretch', () => {
    expect(quietHoursOf({ quietFrom: '20:00', quietTo: '07:00' })).toEqual(NIGHT);
    expect(quietHoursOf({ quietFrom: null, quietTo: null })).toBeNull();
    expect(quietHoursOf({ quietFrom: '20:00', quietTo: null })).toBeNull();
    expect(quietHoursOf({ quietFrom: '07:00', quietTo: '07:00' })).toBeNull();
    expect(quietHoursOf({ quietFrom: '24:00', quietTo: '07:00' })).toBeNull();
  });

  it('should count minutes from midnight, and refuse what is no clock time', () => {
    expect(minuteOfClockTime('00:00')).toBe(0);
    expect(minuteOfClockTime('07:30')).toBe(450);
    expect(minuteOfClockTime('23:59')).toBe(1439);
    expect(() => minuteOfClockTime('7:30')).toThrow(RangeError);
    expect(() => minuteOfClockTime('24:00')).toThrow(RangeError);
  });
});
