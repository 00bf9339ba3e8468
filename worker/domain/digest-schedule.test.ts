import { describe, expect, it } from 'vitest';
import { digestWeekOf, isDigestHour } from './digest-schedule.ts';

/** The UTC hours of a whole week at which an hourly cron (minute 0) finds the clinic due. */
function dueHours(fromUtc: string, timezone: string): string[] {
  const start = Date.parse(fromUtc);
  const due: string[] = [];
  for (let hour = 0; hour < 9 * 24; hour += 1) {
    const instant = start + hour * 3_600_000;
    if (isDigestHour(instant, timezone)) due.push(new Date(instant).toISOString());
  }
  return due;
}

describe('the Monday 09:00 digest schedule', () => {
  it('should hit Monday 09:00 in Tunis (UTC+1 all year) once a week, at 08:00 UTC', () => {
    expect(dueHours('2026-03-26T00:00:00Z', 'Africa/Tunis')).toEqual(['2026-03-30T08:00:00.000Z']);
    expect(dueHours('2026-10-22T00:00:00Z', 'Africa/Tunis')).toEqual(['2026-10-26T08:00:00.000Z']);
  });

  it('should follow Paris across both changes of summer time: 07:00 UTC in summer, 08:00 UTC in winter', () => {
    // Summer time starts on Sunday 29 March 2026: the Monday after is already 09:00 CEST.
    expect(dueHours('2026-03-22T00:00:00Z', 'Europe/Paris')).toEqual(['2026-03-23T08:00:00.000Z', '2026-03-30T07:00:00.000Z']);
    // It ends on Sunday 25 October 2026: the Monday after is 09:00 CET.
    expect(dueHours('2026-10-18T00:00:00Z', 'Europe/Paris')).toEqual(['2026-10-19T07:00:00.000Z', '2026-10-26T08:00:00.000Z']);
  });

  it('should report on the Monday-to-Sunday before', () => {
    expect(digestWeekOf(Date.parse('2026-11-30T08:00:00Z'), 'Africa/Tunis')).toEqual({ from: '2026-11-23', to: '2026-11-29' });
    // Late on Sunday in New York it is already Monday in Tokyo: each clinic has its own last week.
    const instant = Date.parse('2026-11-30T01:00:00Z');
    expect(digestWeekOf(instant, 'America/New_York')).toEqual({ from: '2026-11-16', to: '2026-11-22' });
    expect(digestWeekOf(instant, 'Asia/Tokyo')).toEqual({ from: '2026-11-23', to: '2026-11-29' });
  });
});
