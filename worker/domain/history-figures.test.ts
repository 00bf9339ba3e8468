import { describe, expect, it } from 'vitest';
import { instantOfClinicTime, startOfClinicDay, nextClinicDay } from './clinic-time.ts';
import {
  chartPoints,
  daysOf,
  estimatesByHour,
  figuresOf,
  mondayFirstWeekday,
  peakHours,
  periodComparison,
  sumDays,
  walkOutScoreOf,
  windowsOf,
  type DayCounters,
  type HourServiceCounters,
  type WeekdayHourArrivals,
} from './history-figures.ts';
import { addCounters, emptyRollupCounters, rollupClinic, type HourlyRollupRow, type RollupCounters, type RollupEntry } from './rollup.ts';

const HOUR = 3_600_000;

/** One QR check-in five minutes into every hour the clinic day really has. */
function everyHourOf(day: string, timezone: string): RollupEntry[] {
  const entries: RollupEntry[] = [];
  const end = startOfClinicDay(nextClinicDay(day), timezone);
  for (let at = startOfClinicDay(day, timezone); at < end; at += HOUR) {
    entries.push({ method: 'qr', checkedInAt: at + 5 * 60_000, calledAt: null, consultationStartedAt: null, completedAt: null, noShowAt: null, cancelledAt: null, unfinishedAt: null, quoteWaitMinutes: null, quoteLowMinutes: null, quoteHighMinutes: null, walkOutBrier: null, walkOutBaseRateBrier: null });
  }
  return entries;
}

/** What the peak-hours query sums: check-ins by weekday and local hour. */
function arrivalsOf(hourly: readonly HourlyRollupRow[]): WeekdayHourArrivals[] {
  const cells = new Map<string, WeekdayHourArrivals>();
  for (const row of hourly) {
    const weekday = mondayFirstWeekday(row.day);
    const key = `${weekday}:${row.hour}`;
    const cell = cells.get(key) ?? { weekday, hour: row.hour, arrivals: 0 };
    cell.arrivals += row.checkinsQr + row.checkinsManual;
    cells.set(key, cell);
  }
  return [...cells.values()];
}

function openDays(days: readonly string[]): number[] {
  const counts = Array.from({ length: 7 }, () => 0);
  for (const day of days) counts[mondayFirstWeekday(day)] = (counts[mondayFirstWeekday(day)] ?? 0) + 1;
  return counts;
}

describe('history buckets on days that are not 24 hours long', () => {
  it('should give Paris 23 hourly buckets when summer time starts (no 02:00), all in one day', () => {
    const day = '2026-03-29';
    const { daily, hourly } = rollupClinic({ clinicId: 'c', timezone: 'Europe/Paris', entries: everyHourOf(day, 'Europe/Paris'), sms: [], now: Date.parse('2026-04-01T00:00:00Z') });
    expect(hourly).toHaveLength(23);
    expect(hourly.map((row) => row.hour)).toEqual([0, 1, ...Array.from({ length: 21 }, (_, index) => index + 3)]);
    expect(daily).toEqual([expect.objectContaining({ day, checkinsQr: 23 })]);
    const peaks = peakHours(arrivalsOf(hourly), openDays([day]));
    expect(peaks.hours[2]).toEqual({ hour: 2, meanArrivals: 0, arrivals: 0 });
    expect(peaks.hours[3]?.meanArrivals).toBe(1);
  });

  it('should give Paris 25 hourly buckets when summer time ends, the repeated 02:00 counted twice in hour 2', () => {
    const day = '2026-10-25';
    const { daily, hourly } = rollupClinic({ clinicId: 'c', timezone: 'Europe/Paris', entries: everyHourOf(day, 'Europe/Paris'), sms: [], now: Date.parse('2026-11-01T00:00:00Z') });
    expect(hourly).toHaveLength(25);
    const twos = hourly.filter((row) => row.hour === 2);
    expect(twos).toHaveLength(2);
    expect((twos[1]?.hourStart ?? 0) - (twos[0]?.hourStart ?? 0)).toBe(HOUR);
    expect(daily).toEqual([expect.objectContaining({ day, checkinsQr: 25 })]);
    const peaks = peakHours(arrivalsOf(hourly), openDays([day]));
    expect(peaks.hours[2]).toEqual({ hour: 2, meanArrivals: 2, arrivals: 2 });
    expect(peaks.weekdayHours[6]?.meanArrivals[2]).toBe(2); // 25 October 2026 is a Sunday.
    expect(peaks.hours.reduce((sum, hour) => sum + hour.arrivals, 0)).toBe(25);
  });

  it('should give Tunis, which has no summer time, 24 buckets on both of those days', () => {
    for (const day of ['2026-03-29', '2026-10-25']) {
      const { hourly } = rollupClinic({ clinicId: 'c', timezone: 'Africa/Tunis', entries: everyHourOf(day, 'Africa/Tunis'), sms: [], now: Date.parse('2026-11-01T00:00:00Z') });
      expect(hourly.map((row) => row.hour)).toEqual(Array.from({ length: 24 }, (_, index) => index));
    }
  });
});

describe('history windows and points', () => {
  it('should end each window today and put the previous one right before it', () => {
    expect(windowsOf('7d', '2026-11-25')).toEqual({ current: { from: '2026-11-19', to: '2026-11-25' }, previous: { from: '2026-11-12', to: '2026-11-18' } });
    expect(windowsOf('1y', '2026-11-25').current.from).toBe('2025-11-26');
    // Across the change of month and of summer time, days stay calendar days.
    expect(daysOf({ from: '2026-10-24', to: '2026-10-27' })).toEqual(['2026-10-24', '2026-10-25', '2026-10-26', '2026-10-27']);
  });

  it('should cut weeks on Mondays and clip the first and last to the window', () => {
    const points = chartPoints([], { from: '2026-11-12', to: '2026-11-25' }, 'week', 30);
    // 12 Nov 2026 is a Thursday; 16 and 23 Nov are Mondays.
    expect(points.map((point) => [point.from, point.to])).toEqual([
      ['2026-11-12', '2026-11-15'],
      ['2026-11-16', '2026-11-22'],
      ['2026-11-23', '2026-11-25'],
    ]);
  });

  it('should sum the days of a week into its point', () => {
    const row = (day: string, checkinsQr: number): DayCounters => ({ ...emptyRollupCounters(), day, checkinsQr });
    const points = chartPoints([row('2026-11-16', 2), row('2026-11-22', 3), row('2026-11-23', 1)], { from: '2026-11-16', to: '2026-11-25' }, 'week', 30);
    expect(points.map((point) => point.figures.patients)).toEqual([5, 1]);
  });

  it('should compare with the previous period, null where there was nothing before', () => {
    const counters = (checkinsQr: number, checkinsManual: number) => ({ ...emptyRollupCounters(), checkinsQr, checkinsManual });
    const compared = periodComparison(counters(3, 0), counters(1, 1));
    expect(compared.patients).toBe(50);
    expect(compared.qrShare).toBe(100);
    expect(periodComparison(counters(3, 0), counters(0, 0)).patients).toBeNull();
  });
});

/**
 * Three mornings of a clinic in Tunis (Monday 16 to Wednesday 18 November 2026), each patient
 * quoted at check-in (or not: a quote is only made once the estimator runs), target 30 minutes.
 */
describe('the accuracy of the quotes and the service level over days', () => {
  const TZ = 'Africa/Tunis';
  const SECOND = 1_000;
  const MINUTE = 60 * SECOND;
  /** Checked in at `time` (minutes after midnight) on `day`, called `waitedMs` later, quoted `[point, low, high]`. */
  const entry = (day: string, time: number, waitedMs: number | null, quote: [number, number, number] | null, unfinished = false): RollupEntry => {
    const checkedInAt = instantOfClinicTime(day, time, TZ);
    return {
      method: 'qr', checkedInAt, calledAt: waitedMs === null ? null : checkedInAt + waitedMs, consultationStartedAt: null, completedAt: null, noShowAt: null, cancelledAt: null,
      unfinishedAt: unfinished ? startOfClinicDay(nextClinicDay(day), TZ) : null,
      quoteWaitMinutes: quote?.[0] ?? null, quoteLowMinutes: quote?.[1] ?? null, quoteHighMinutes: quote?.[2] ?? null, walkOutBrier: null, walkOutBaseRateBrier: null,
    };
  };
  const entries: RollupEntry[] = [
    // Monday: called 09:12 after 12 min on a quote of 10 (5–20): error 2, within; called 09:50
    // after 50 on 20 (10–35): error 30, under-quoted. The day's median alone: 16.
    entry('2026-11-16', 9 * 60, 12 * MINUTE, [10, 5, 20]),
    entry('2026-11-16', 9 * 60, 50 * MINUTE, [20, 10, 35]),
    // Tuesday: 15 on 15 (8–28): error 0; 20 on 30 (15–50): error 10, within. Median alone: 5.
    entry('2026-11-17', 10 * 60, 15 * MINUTE, [15, 8, 28]),
    entry('2026-11-17', 10 * 60, 20 * MINUTE, [30, 15, 50]),
    // Wednesday: 3 min 59 s is 3 whole minutes, on 5 (0–12): error 2, within. Then calls without
    // a quote: 40 minutes; exactly 30:00 (within the target: the boundary counts); 30:01 (not).
    entry('2026-11-18', 11 * 60, 3 * MINUTE + 59 * SECOND, [5, 0, 12]),
    entry('2026-11-18', 11 * 60, 40 * MINUTE, null),
    entry('2026-11-18', 11 * 60 + 5, 30 * MINUTE, null),
    entry('2026-11-18', 11 * 60 + 10, 30 * MINUTE + SECOND, null),
    // Still waiting at midnight: unfinished, never called.
    entry('2026-11-18', 17 * 60, null, [25, 12, 40], true),
  ];
  const { daily, hourly } = rollupClinic({ clinicId: 'c', timezone: TZ, entries, sms: [], now: Date.parse('2026-11-20T00:00:00Z'), serviceTargetMinutes: 30 });
  const week = { from: '2026-11-16', to: '2026-11-22' };

  it('should merge the error histograms of the days, so the median of the window is exact, not a mean of medians', () => {
    expect(daily.map((day) => figuresOf(day).estimates.medianAbsoluteErrorMinutes)).toEqual([16, 5, 2]);
    // Errors 0, 2, 2, 10, 30: the median is 2, the mean 44 ÷ 5.
    expect(figuresOf(sumDays(daily, week), 30)).toMatchObject({
      unfinished: 1,
      estimates: { called: 5, meanAbsoluteErrorMinutes: 8.8, medianAbsoluteErrorMinutes: 2, withinRangeShare: 0.8, underQuotedShare: 0.2 },
      serviceLevel: { targetMinutes: 30, called: 8, calledWithinTarget: 5, share: 0.625 },
    });
  });

  it('should take the median of an even count as the mean of the two middle errors', () => {
    const monday = figuresOf(sumDays(daily, { from: '2026-11-16', to: '2026-11-17' }), 30).estimates;
    // Errors 0, 2, 10, 30.
    expect(monday).toEqual({ called: 4, meanAbsoluteErrorMinutes: 10.5, medianAbsoluteErrorMinutes: 6, withinRangeShare: 0.75, underQuotedShare: 0.25 });
  });

  it('should count a call at exactly the target as within it, and one a second later as not', () => {
    const wednesday = daily.find((day) => day.day === '2026-11-18');
    // 3:59 and 30:00 within; 40:00 and 30:01 not.
    expect(wednesday).toMatchObject({ waitCount: 4, calledWithinTarget: 2 });
  });

  it('should answer nulls, not zeros, where nothing was called or quoted', () => {
    expect(figuresOf(emptyRollupCounters(), 45)).toMatchObject({
      unfinished: 0,
      estimates: { called: 0, meanAbsoluteErrorMinutes: null, medianAbsoluteErrorMinutes: null, withinRangeShare: null, underQuotedShare: null },
      serviceLevel: { targetMinutes: 45, called: 0, calledWithinTarget: 0, share: null },
    });
  });

  it('should compare the mean error, the share within range and the service level with the period before', () => {
    const now = sumDays(daily, week);
    // The week before: 2 quotes, errors 1 and 3 (mean 2), one within range; 4 calls, 2 within the target.
    const before = { ...emptyRollupCounters(), quoted: 2, quoteAbsErrorSum: 4, quoteWithinRange: 1, quoteAbsErrors: { 1: 1, 3: 1 }, waitCount: 4, calledWithinTarget: 2 };
    const compared = periodComparison(now, before);
    // 8.8 against 2: +340 %; 0.8 against 0.5: +60 %; 0.625 against 0.5: +25 %.
    expect([compared.meanAbsoluteErrorMinutes, compared.withinRangeShare, compared.serviceLevelShare]).toEqual([340, 60, 25]);
    const nothingBefore = periodComparison(now, emptyRollupCounters());
    expect([nothingBefore.meanAbsoluteErrorMinutes, nothingBefore.withinRangeShare, nothingBefore.serviceLevelShare]).toEqual([null, null, null]);
  });

  it('should give the accuracy and the service level per local hour of the call, and the window as the sum of its hours', () => {
    // What the estimates query sums: the hourly rollups by local hour.
    const byHour = new Map<number, RollupCounters>();
    for (const row of hourly) byHour.set(row.hour, addCounters(byHour.get(row.hour) ?? emptyRollupCounters(), row));
    const rows: HourServiceCounters[] = [...byHour].map(([hour, counters]) => ({ ...counters, hour }));
    const answer = estimatesByHour(rows, 30);
    expect(answer.hours).toHaveLength(24);
    // 09: Monday's two calls (09:12, 09:50). 10: Tuesday's (10:15, 10:20). 11: Wednesday's four.
    expect(answer.hours[9]).toEqual({
      hour: 9,
      estimates: { called: 2, meanAbsoluteErrorMinutes: 16, medianAbsoluteErrorMinutes: 16, withinRangeShare: 0.5, underQuotedShare: 0.5 },
      serviceLevel: { targetMinutes: 30, called: 2, calledWithinTarget: 1, share: 0.5 },
    });
    expect(answer.hours[10]?.estimates).toMatchObject({ called: 2, medianAbsoluteErrorMinutes: 5 });
    expect(answer.hours[11]?.serviceLevel).toEqual({ targetMinutes: 30, called: 4, calledWithinTarget: 2, share: 0.5 });
    expect(answer.hours[17]).toEqual({
      hour: 17,
      estimates: { called: 0, meanAbsoluteErrorMinutes: null, medianAbsoluteErrorMinutes: null, withinRangeShare: null, underQuotedShare: null },
      serviceLevel: { targetMinutes: 30, called: 0, calledWithinTarget: 0, share: null },
    });
    expect(answer.overall).toEqual(figuresOf(sumDays(daily, week), 30).estimates);
    expect(answer.serviceLevel).toEqual({ targetMinutes: 30, called: 8, calledWithinTarget: 5, share: 0.625 });
  });
});

describe('the walk-out risk scored over days', () => {
  it("should answer the mean Brier scores of the entries scored, the model's and the base rate's", () => {
    const counters = { ...emptyRollupCounters(), walkOutScored: 4, walkOutBrierSum: 0.5, walkOutBaseRateBrierSum: 0.6 };
    expect(walkOutScoreOf(counters)).toEqual({ entries: 4, brier: 0.125, baseRateBrier: 0.15 });
    expect(figuresOf(addCounters(counters, counters)).walkOutModel).toEqual({ entries: 8, brier: 0.125, baseRateBrier: 0.15 });
  });

  it('should answer null scores, not zeros, before any entry was scored', () => {
    expect(walkOutScoreOf(emptyRollupCounters())).toEqual({ entries: 0, brier: null, baseRateBrier: null });
  });
});
