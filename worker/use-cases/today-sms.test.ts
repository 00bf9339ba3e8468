import { describe, expect, it } from 'vitest';
import type { SmsMonthBeforeToday } from '../../db/queries/sms-budget.ts';
import { openQueueDay } from '../domain/queue-projection.ts';
import { emptyTodayCounters, readTodayFigures } from '../domain/today-figures.ts';
import { SmsMonthBeforeTodaySchema, todayWithSms, type Kept, type LiveTodayWithMonth } from './today-sms.ts';

/** 10:00 on 24 November 2026 in Tunis: an empty day of the live queue, but for its SMS. */
const NOW = Date.parse('2026-11-24T10:00:00+01:00');
const figures = readTodayFigures(openQueueDay({ clinicId: 'marsa', timezone: 'Africa/Tunis', smsUnitCostMinor: 40, serviceTargetMinutes: 30 }, '2026-11-24'), { ...emptyTodayCounters(), seen: 2 }, NOW, null);

/** The month's earlier days: 3 SMS on the 2nd, 10 seen; a budget of 1 000 millimes. */
const EARLIER: SmsMonthBeforeToday = { budgetMinor: 1_000, currency: 'TND', createdAt: 0, days: [{ day: '2026-11-02', count: 3, costMinor: 120, seen: 10 }] };

const ports = (month: Kept<SmsMonthBeforeToday | undefined> | undefined): LiveTodayWithMonth => ({ figures, smsToday: { count: 2, costMinor: 80 }, month });

/** Around the month: October's last day and today itself (the live queue's) are read too, and left out. */
const AROUND: SmsMonthBeforeToday = {
  ...EARLIER,
  days: [{ day: '2026-10-31', count: 50, costMinor: 2_000, seen: 60 }, ...EARLIER.days, { day: '2026-11-24', count: 1, costMinor: 40, seen: 1 }],
};

describe("today's answer with the month's SMS", () => {
  it("should add today's live SMS and patients seen to the days of the live queue's month before its day", () => {
    const answer = todayWithSms(ports({ value: AROUND, ageSeconds: null }), NOW);
    expect(answer.seenToday).toBe(2);
    // 5 SMS, 200 millimes; 200 ÷ 12 seen = 16.7; 120 over 23 completed days × 6 left + 200 = 231.3.
    expect(answer.sms).toEqual({ monthToDate: { count: 5, costMinor: 200 }, budgetMinor: 1_000, budgetShare: 0.2, projectedMonthEndMinor: 231, costPerSeenMinor: 17, currency: 'TND' });
  });

  it('should mark the month stale, with its age, when it is the copy kept while libSQL is down', () => {
    const answer = todayWithSms(ports({ value: EARLIER, ageSeconds: 95 }), NOW);
    expect(answer.sms).toMatchObject({ monthToDate: { count: 5, costMinor: 200 }, stale: true, ageSeconds: 95 });
  });

  it('should answer the figures with no SMS month when libSQL is down with nothing kept, or knows no such clinic', () => {
    expect(todayWithSms(ports(undefined), NOW).sms).toBeNull();
    expect(todayWithSms(ports({ value: undefined, ageSeconds: null }), NOW).sms).toBeNull();
    expect(todayWithSms(ports(undefined), NOW).waiting).toBe(0);
  });

  it('should check a kept copy read back, refusing one of another shape', () => {
    expect(SmsMonthBeforeTodaySchema.safeParse(EARLIER).success).toBe(true);
    expect(SmsMonthBeforeTodaySchema.safeParse({ budgetMinor: '1000', days: [] }).success).toBe(false);
  });
});
