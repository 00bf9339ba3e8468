import { describe, expect, it } from 'vitest';
import { clinicMonthAt, daysInMonth, smsBudgetFigures, type SmsDay, type SmsMonthInput } from './sms-budget.ts';

/** A Tunis wall time (UTC+1 all year, no DST). */
const tunis = (dateTime: string) => Date.parse(`${dateTime}:00.000+01:00`);
/** Created long before any month of these tests. */
const OLD_CLINIC = tunis('2025-01-10T09:00');

const day = (label: string, count: number, costMinor: number, seen = 0): SmsDay => ({ day: label, count, costMinor, seen });

/** One day per date from `from` (day of month) to `to`, each `count` SMS at 40 millimes and `seen` patients. */
function everyDay(month: string, from: number, to: number, count: number, seen = 0): SmsDay[] {
  return Array.from({ length: to - from + 1 }, (_, index) => day(`${month}-${String(from + index).padStart(2, '0')}`, count, count * 40, seen));
}

const figuresAt = (now: number, days: SmsDay[], rest: Partial<SmsMonthInput> = {}) =>
  smsBudgetFigures({ now, timezone: 'Africa/Tunis', createdAt: OLD_CLINIC, budgetMinor: 80_000, days, ...rest });

describe("a clinic's SMS month against its budget", () => {
  it("should add this month's days up to now, leave out the previous month's last day, and project the month's end", () => {
    const days = [
      day('2026-10-31', 9, 360, 4), // the previous month's last day: not this month
      day('2026-11-02', 20, 800, 10),
      day('2026-11-15', 30, 1_200, 12),
      day('2026-11-24', 5, 200, 3), // today, so far
    ];
    expect(figuresAt(tunis('2026-11-24T10:00'), days, { budgetMinor: 4_000 })).toEqual({
      monthToDate: { count: 55, costMinor: 2_200 },
      budgetMinor: 4_000,
      budgetShare: 0.55,
      // 2 200 + (2 000 over 23 completed days) × 6 days left = 2 721.7…
      projectedMonthEndMinor: 2_722,
      // 2 200 ÷ 25 seen
      costPerSeenMinor: 88,
    });
  });

  it('should read the share of the budget to 0.0001 and go past 1 once the budget is spent', () => {
    const days = [day('2026-11-01', 1_000, 40_000), day('2026-11-02', 1_240, 49_600)];
    expect(figuresAt(tunis('2026-11-02T18:00'), days, { budgetMinor: 80_000 }).budgetShare).toBe(1.12);
    expect(figuresAt(tunis('2026-11-02T18:00'), days.slice(1), { budgetMinor: 80_000 }).budgetShare).toBe(0.62);
    expect(figuresAt(tunis('2026-11-02T18:00'), [day('2026-11-02', 1, 40)], { budgetMinor: 30_000 }).budgetShare).toBe(0.0013);
  });

  it('should have no share and no budget when the clinic set none, and still count and project', () => {
    const figures = figuresAt(tunis('2026-11-05T12:00'), everyDay('2026-11', 1, 5, 10, 5), { budgetMinor: null });
    expect(figures).toEqual({
      monthToDate: { count: 50, costMinor: 2_000 },
      budgetMinor: null,
      budgetShare: null,
      // 2 000 + 400 a day × 25 days left
      projectedMonthEndMinor: 12_000,
      costPerSeenMinor: 80,
    });
  });

  it('should have no cost per patient seen when nobody was seen this month', () => {
    const figures = figuresAt(tunis('2026-11-05T12:00'), [day('2026-10-30', 3, 120, 9), day('2026-11-04', 3, 120, 0)]);
    expect(figures.costPerSeenMinor).toBeNull();
    expect(figures.monthToDate).toEqual({ count: 3, costMinor: 120 });
  });

  it('should show a new month as empty, with no projection before 3 completed days', () => {
    const october = everyDay('2026-10', 1, 31, 10, 5);
    expect(figuresAt(tunis('2026-11-01T00:05'), october)).toEqual({
      monthToDate: { count: 0, costMinor: 0 },
      budgetMinor: 80_000,
      budgetShare: 0,
      projectedMonthEndMinor: null,
      costPerSeenMinor: null,
    });
    const november = everyDay('2026-11', 1, 4, 10);
    // The 3rd: two completed days (1st, 2nd).
    expect(figuresAt(tunis('2026-11-03T23:59'), november).projectedMonthEndMinor).toBeNull();
    // The 4th: three completed days, 400 each; today's 400 so far; 26 days left.
    expect(figuresAt(tunis('2026-11-04T08:00'), november).projectedMonthEndMinor).toBe(1_600 + 400 * 26);
  });

  it('should project over the days a month really has: 31, 29 in a leap year, 28 otherwise', () => {
    // Days 1–9 at 100 each, today (the 10th) 50 so far: 950 + 100 × days left.
    const tenthOf = (month: string) => [...Array.from({ length: 9 }, (_, index) => day(`${month}-0${index + 1}`, 1, 100)), day(`${month}-10`, 1, 50)];
    expect(figuresAt(tunis('2026-12-10T12:00'), tenthOf('2026-12')).projectedMonthEndMinor).toBe(950 + 100 * 21);
    expect(figuresAt(tunis('2028-02-10T12:00'), tenthOf('2028-02')).projectedMonthEndMinor).toBe(950 + 100 * 19);
    expect(figuresAt(tunis('2026-02-10T12:00'), tenthOf('2026-02')).projectedMonthEndMinor).toBe(950 + 100 * 18);
    expect(figuresAt(tunis('2026-11-10T12:00'), tenthOf('2026-11')).projectedMonthEndMinor).toBe(950 + 100 * 20);
  });

  it("should project to exactly the month-to-date cost on the month's last day", () => {
    expect(figuresAt(tunis('2026-11-30T20:00'), everyDay('2026-11', 1, 30, 2)).projectedMonthEndMinor).toBe(30 * 80);
  });

  it('should count completed days from the first day of a clinic created during the month', () => {
    // Created on the 20th: the 20th–23rd are its 4 completed days (800 in all), not the month's 23.
    const days = everyDay('2026-11', 20, 24, 5);
    expect(figuresAt(tunis('2026-11-24T10:00'), days, { createdAt: tunis('2026-11-20T09:00') }).projectedMonthEndMinor).toBe(1_000 + 200 * 6);
    // Created on the 22nd: 2 completed days, no projection yet.
    expect(figuresAt(tunis('2026-11-24T10:00'), days, { createdAt: tunis('2026-11-22T15:00') }).projectedMonthEndMinor).toBeNull();
  });

  it("should read the month on the clinic's own calendar, across a DST change", () => {
    const paris = { timezone: 'Europe/Paris' };
    const march = everyDay('2026-03', 1, 31, 1);
    // 23:30 on 31 March in Paris (summer time, UTC+2) is 21:30 UTC: still March.
    expect(figuresAt(Date.parse('2026-03-31T21:30:00Z'), march, paris).monthToDate).toEqual({ count: 31, costMinor: 1_240 });
    // An hour later it is 1 April in Paris, still 31 March in UTC: a new month.
    expect(figuresAt(Date.parse('2026-03-31T22:30:00Z'), march, paris).monthToDate).toEqual({ count: 0, costMinor: 0 });
    // The 23-hour day of 29 March is one completed day like any other: 29 completed days, 1 day left.
    expect(figuresAt(Date.parse('2026-03-30T08:00:00Z'), everyDay('2026-03', 1, 29, 1), paris).projectedMonthEndMinor).toBe(29 * 40 + 40);
    // The 25-hour day of 25 October 2026 too: 25 completed days (the 25th among them), 5 days left.
    expect(figuresAt(Date.parse('2026-10-26T08:00:00Z'), everyDay('2026-10', 1, 25, 1), paris).projectedMonthEndMinor).toBe(25 * 40 + 40 * 5);
  });
});

describe('the calendar of a clinic month', () => {
  it('should know the length of every month, leap years by the Gregorian rule even before year 100', () => {
    expect(['2026-01', '2026-02', '2026-04', '2026-12', '2028-02', '2000-02', '1900-02', '0004-02'].map(daysInMonth)).toEqual([31, 28, 30, 31, 29, 29, 28, 29]);
  });

  it("should name the month and the day by the clinic's wall clock", () => {
    expect(clinicMonthAt(Date.parse('2026-10-31T23:30:00Z'), 'Africa/Tunis')).toEqual({ month: '2026-11', today: '2026-11-01' });
    expect(clinicMonthAt(Date.parse('2026-11-01T03:30:00Z'), 'America/New_York')).toEqual({ month: '2026-10', today: '2026-10-31' });
  });
});
