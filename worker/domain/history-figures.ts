/**
 * A clinic's history from its rollups: the figures of a window, the comparison with the window
 * before, zero-filled chart points, no-shows per weekday, peak hours, and the accuracy of the
 * quotes and the service level per hour of the day. Pure: the routes read rollup rows and pass
 * "today" (the clinic day containing now) and the clinic's service target, tests pass any they like.
 */
import { addClinicDays, clinicDaysBetween, weekdayOf } from './clinic-time.ts';
import {
  COMPARED_FIGURES,
  TIMEFRAME_DAYS,
  type ComparedFigure,
  type HistoryFigures,
  type Timeframe,
} from './history-wire.ts';
import { accuracyFigures, addAccuracyCounters, DEFAULT_SERVICE_TARGET_MINUTES, emptyAccuracyCounters, serviceLevelOf, type AccuracyCounters, type EstimateAccuracy, type ServiceLevel } from './quote-accuracy.ts';
import { addCounters, emptyRollupCounters, type RollupCounters } from './rollup.ts';
import type { WalkOutScore } from './live-messages.ts';

export interface DayRange {
  from: string;
  to: string;
}

/** A day's counters as read from `daily_rollups`. */
export interface DayCounters extends RollupCounters {
  day: string;
}

/** The window of `timeframe` ending on `today` (inclusive), and the one of the same length before it. */
export function windowsOf(timeframe: Timeframe, today: string): { current: DayRange; previous: DayRange } {
  const days = TIMEFRAME_DAYS[timeframe];
  const from = addClinicDays(today, -(days - 1));
  return { current: { from, to: today }, previous: { from: addClinicDays(from, -days), to: addClinicDays(from, -1) } };
}

/** Every day of `range`, oldest first. */
export function daysOf(range: DayRange): string[] {
  const count = clinicDaysBetween(range.from, range.to) + 1;
  return Array.from({ length: Math.max(0, count) }, (_, index) => addClinicDays(range.from, index));
}

/** 0 = Monday … 6 = Sunday: the week as clinics in Tunisia and France read it. */
export function mondayFirstWeekday(day: string): number {
  return (weekdayOf(day) + 6) % 7;
}

/** What the service level of some days reads: calls, and calls within the target they had. */
export type ServiceCounters = Pick<RollupCounters, 'waitCount' | 'calledWithinTarget'>;

const mean = (sum: number, count: number) => (count > 0 ? sum / count : null);

/** The figures of summed counters but the quotes' and the service level, unrounded (definitions in history-wire.ts). */
function exactFiguresOf(counters: RollupCounters): Omit<HistoryFigures, 'estimates' | 'serviceLevel' | 'walkOutModel'> {
  const patients = counters.checkinsQr + counters.checkinsManual;
  return {
    patients,
    checkInsQr: counters.checkinsQr,
    checkInsManual: counters.checkinsManual,
    seen: counters.seen,
    noShows: counters.noShows,
    cancelled: counters.cancelled,
    noShowRate: mean(counters.noShows, patients),
    avgWaitMinutes: mean(counters.waitSumMs / MINUTE_MS, counters.waitCount),
    maxWaitMinutes: counters.waitCount > 0 ? counters.waitMaxMs / MINUTE_MS : null,
    avgConsultationMinutes: mean(counters.consultSumMs / MINUTE_MS, counters.consultCount),
    qrShare: mean(counters.checkinsQr, patients),
    smsSent: counters.smsSent,
    smsFailed: counters.smsFailed,
    smsCostMinor: counters.smsCostMinor,
    unfinished: counters.unfinished,
  };
}

const MINUTE_MS = 60_000;
const roundTo = (value: number | null, places: number) => (value === null ? null : Math.round(value * 10 ** places) / 10 ** places);

/** The accuracy of summed quotes as answered: mean and median minutes to 0.1 (the median is whole or half), shares to 0.0001. */
export function estimateFiguresOf(counters: AccuracyCounters): EstimateAccuracy {
  const exact = accuracyFigures(counters);
  return { ...exact, withinRangeShare: roundTo(exact.withinRangeShare, 4), underQuotedShare: roundTo(exact.underQuotedShare, 4) };
}

/** The service level of summed calls as answered, against the clinic's target now; the share to 0.0001. */
export function serviceLevelFiguresOf(counters: ServiceCounters, targetMinutes: number): ServiceLevel {
  const exact = serviceLevelOf(targetMinutes, counters.waitCount, counters.calledWithinTarget);
  return { ...exact, share: roundTo(exact.share, 4) };
}

/**
 * The figures of summed counters as answered: minutes to 0.1, rates and shares to 0.0001.
 * `targetMinutes` is the clinic's service target now (the digest, which shows no service level,
 * leaves PRODUCT's default).
 */
export function figuresOf(counters: RollupCounters, targetMinutes: number = DEFAULT_SERVICE_TARGET_MINUTES): HistoryFigures {
  const exact = exactFiguresOf(counters);
  return {
    ...exact,
    noShowRate: roundTo(exact.noShowRate, 4),
    avgWaitMinutes: roundTo(exact.avgWaitMinutes, 1),
    maxWaitMinutes: roundTo(exact.maxWaitMinutes, 1),
    avgConsultationMinutes: roundTo(exact.avgConsultationMinutes, 1),
    qrShare: roundTo(exact.qrShare, 4),
    estimates: estimateFiguresOf(counters),
    serviceLevel: serviceLevelFiguresOf(counters, targetMinutes),
    walkOutModel: walkOutScoreOf(counters),
  };
}

/** The walk-out risk's mean Brier scores over the entries scored, to 0.0001. */
export function walkOutScoreOf(counters: Pick<RollupCounters, 'walkOutScored' | 'walkOutBrierSum' | 'walkOutBaseRateBrierSum'>): WalkOutScore {
  const entries = counters.walkOutScored;
  return {
    entries,
    brier: roundTo(mean(counters.walkOutBrierSum, entries), 4),
    baseRateBrier: roundTo(mean(counters.walkOutBaseRateBrierSum, entries), 4),
  };
}

/** The counters of the days of `rows` that fall in `range`. */
export function sumDays(rows: readonly DayCounters[], range: DayRange): RollupCounters {
  let total = emptyRollupCounters();
  for (const row of rows) if (row.day >= range.from && row.day <= range.to) total = addCounters(total, row);
  return total;
}

/**
 * PRODUCT: (current − previous) ÷ previous × 100 per figure, from exact values (not the rounded
 * ones shown), rounded to 0.1; null when the previous value is 0 or unknown.
 */
export function periodComparison(current: RollupCounters, previous: RollupCounters): Record<ComparedFigure, number | null> {
  const now = comparedValuesOf(current);
  const before = comparedValuesOf(previous);
  const compare = (value: number | null, base: number | null) => (value === null || base === null || base === 0 ? null : roundTo(((value - base) / base) * 100, 1));
  return Object.fromEntries(COMPARED_FIGURES.map((figure) => [figure, compare(now[figure], before[figure])])) as Record<ComparedFigure, number | null>;
}

/** The exact value of each compared figure (the quotes' and the service level's too). */
function comparedValuesOf(counters: RollupCounters): Record<ComparedFigure, number | null> {
  const figures = exactFiguresOf(counters);
  return {
    patients: figures.patients,
    seen: figures.seen,
    noShows: figures.noShows,
    noShowRate: figures.noShowRate,
    avgWaitMinutes: figures.avgWaitMinutes,
    maxWaitMinutes: figures.maxWaitMinutes,
    avgConsultationMinutes: figures.avgConsultationMinutes,
    qrShare: figures.qrShare,
    smsSent: figures.smsSent,
    smsCostMinor: figures.smsCostMinor,
    meanAbsoluteErrorMinutes: mean(counters.quoteAbsErrorSum, counters.quoted),
    withinRangeShare: mean(counters.quoteWithinRange, counters.quoted),
    serviceLevelShare: mean(counters.calledWithinTarget, counters.waitCount),
  };
}

export interface ChartPoint {
  date: string;
  from: string;
  to: string;
  figures: HistoryFigures;
}

/**
 * One point per day of `range`, or per Monday-to-Sunday week (clipped to the range) for `week`;
 * days without a rollup count as zero, so a chart never has holes.
 */
export function chartPoints(rows: readonly DayCounters[], range: DayRange, granularity: 'day' | 'week', targetMinutes: number): ChartPoint[] {
  const byDay = new Map(rows.map((row) => [row.day, row]));
  const spans: DayRange[] = [];
  for (const day of daysOf(range)) {
    const last = spans.at(-1);
    if (granularity === 'week' && last !== undefined && mondayFirstWeekday(day) !== 0) last.to = day;
    else spans.push({ from: day, to: day });
  }
  return spans.map((span) => {
    let total = emptyRollupCounters();
    for (const day of daysOf(span)) total = addCounters(total, byDay.get(day) ?? emptyRollupCounters());
    return { date: span.from, from: span.from, to: span.to, figures: figuresOf(total, targetMinutes) };
  });
}

/** Whether the rows hold any fact at all in `range`. */
export function hasData(rows: readonly DayCounters[], range: DayRange): boolean {
  const total = sumDays(rows, range);
  return total.checkinsQr + total.checkinsManual + total.seen + total.noShows + total.cancelled + total.smsSent + total.waitCount > 0;
}

export interface WeekdayNoShows {
  weekday: number;
  patients: number;
  noShows: number;
  rate: number | null;
}

/**
 * No-show rate per weekday (0 = Monday): no-shows ÷ check-ins of the days of that weekday, from
 * counters summed per weekday (keyed by the weekday's number as text).
 */
export function noShowsByWeekday(byWeekday: readonly DayCounters[]): { weekdays: WeekdayNoShows[]; overallRate: number | null } {
  const weekdays = Array.from({ length: 7 }, (_, weekday) => {
    const row = byWeekday.find((entry) => entry.day === String(weekday));
    const patients = (row?.checkinsQr ?? 0) + (row?.checkinsManual ?? 0);
    const noShows = row?.noShows ?? 0;
    return { weekday, patients, noShows, rate: roundTo(patients > 0 ? noShows / patients : null, 4) };
  });
  const patients = weekdays.reduce((sum, day) => sum + day.patients, 0);
  const noShows = weekdays.reduce((sum, day) => sum + day.noShows, 0);
  return { weekdays, overallRate: roundTo(patients > 0 ? noShows / patients : null, 4) };
}

/** Check-ins summed by weekday (0 = Monday) and local hour, as read from `hourly_rollups`. */
export interface WeekdayHourArrivals {
  weekday: number;
  hour: number;
  arrivals: number;
}

export interface PeakHours {
  openDays: number;
  hours: Array<{ hour: number; meanArrivals: number; arrivals: number }>;
  weekdayHours: Array<{ weekday: number; openDays: number; meanArrivals: number[] }>;
}

/**
 * Mean check-ins per hour of day over the days the clinic was open (had a check-in), and per
 * weekday × hour over that weekday's open days. Hours are local: a DST day's repeated hour adds
 * to that hour, its skipped hour has nothing.
 */
export function peakHours(arrivals: readonly WeekdayHourArrivals[], openDaysByWeekday: readonly number[]): PeakHours {
  const totals = Array.from({ length: 24 }, () => 0);
  const grid = Array.from({ length: 7 }, () => Array.from({ length: 24 }, () => 0));
  for (const cell of arrivals) {
    totals[cell.hour] = (totals[cell.hour] ?? 0) + cell.arrivals;
    const row = grid[cell.weekday];
    if (row !== undefined) row[cell.hour] = (row[cell.hour] ?? 0) + cell.arrivals;
  }
  const openDays = openDaysByWeekday.reduce((sum, days) => sum + days, 0);
  const mean = (sum: number, days: number) => (days > 0 ? Math.round((sum / days) * 100) / 100 : 0);
  return {
    openDays,
    hours: totals.map((sum, hour) => ({ hour, meanArrivals: mean(sum, openDays), arrivals: sum })),
    weekdayHours: grid.map((row, weekday) => {
      const days = openDaysByWeekday[weekday] ?? 0;
      return { weekday, openDays: days, meanArrivals: row.map((sum) => mean(sum, days)) };
    }),
  };
}

/** Quotes and calls summed by local hour of the call, as read from `hourly_rollups`. */
export interface HourServiceCounters extends AccuracyCounters, ServiceCounters {
  hour: number;
}

export interface EstimatesByHour {
  overall: EstimateAccuracy;
  serviceLevel: ServiceLevel;
  hours: Array<{ hour: number; estimates: EstimateAccuracy; serviceLevel: ServiceLevel }>;
}

/**
 * The accuracy of the quotes and the service level of the window, and of each local hour of the
 * day in which entries were called (24 hours, an hour without calls has nulls). The window's
 * figures are its hours' summed: hours partition the days, histograms included, so the median is
 * exact. A DST day's repeated hour adds to that hour.
 */
export function estimatesByHour(rows: readonly HourServiceCounters[], targetMinutes: number): EstimatesByHour {
  const empty = (): Omit<HourServiceCounters, 'hour'> => ({ ...emptyAccuracyCounters(), waitCount: 0, calledWithinTarget: 0 });
  const add = (a: Omit<HourServiceCounters, 'hour'>, b: Omit<HourServiceCounters, 'hour'>) => ({
    ...addAccuracyCounters(a, b),
    waitCount: a.waitCount + b.waitCount,
    calledWithinTarget: a.calledWithinTarget + b.calledWithinTarget,
  });
  const byHour = Array.from({ length: 24 }, empty);
  for (const row of rows) {
    const hour = byHour[row.hour];
    if (hour !== undefined) byHour[row.hour] = add(hour, row);
  }
  const overall = byHour.reduce(add, empty());
  return {
    overall: estimateFiguresOf(overall),
    serviceLevel: serviceLevelFiguresOf(overall, targetMinutes),
    hours: byHour.map((counters, hour) => ({ hour, estimates: estimateFiguresOf(counters), serviceLevel: serviceLevelFiguresOf(counters, targetMinutes) })),
  };
}
